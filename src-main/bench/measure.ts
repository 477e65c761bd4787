/** Latency figures of repeated calls, in microseconds. */
export interface Timing {
  n: number
  p50: number
  p99: number
  mean: number
}

/** Runs `fn` `warmup` times untimed, then `n` times timed one after the other. */
export async function timeCalls(
  fn: () => Promise<unknown>,
  n: number,
  warmup = Math.min(200, n),
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    await fn()
    samples.push((performance.now() - start) * 1000)
  }
  return summarise(samples)
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return {
    n: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  }
}

export function formatTiming(label: string, t: Timing, unit: 'us' | 'ms' = 'us'): string {
  const f = (v: number) => (unit === 'ms' ? `${(v / 1000).toFixed(1)} ms` : `${v.toFixed(0)} µs`)
  return `${label.padEnd(52)} p50 ${f(t.p50).padStart(9)}  p99 ${f(t.p99).padStart(9)}  (n=${t.n})`
}
