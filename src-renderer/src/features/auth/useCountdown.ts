import { useEffect, useState } from 'react'

/**
 * Seconds left until `until` (a timestamp in ms), ticking once a second; 0 when it has passed
 * or there is nothing to wait for.
 */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (until === null) return
    const tick = () => setNow(Date.now())
    tick()
    const timer = setInterval(tick, 250)
    return () => clearInterval(timer)
  }, [until])

  if (until === null) return 0
  return Math.max(0, Math.ceil((until - now) / 1000))
}
