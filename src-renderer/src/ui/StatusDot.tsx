export type DotTone = 'ok' | 'degraded' | 'down' | 'unknown' | 'running' | 'idle'

interface StatusDotProps {
  tone: DotTone
  /** Read by screen readers; the colour alone says nothing to them. */
  label?: string
  testId?: string
}

export function StatusDot({ tone, label, testId }: StatusDotProps) {
  return (
    <span
      className={`status-dot status-dot--${tone}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-status={tone}
      data-testid={testId}
    />
  )
}
