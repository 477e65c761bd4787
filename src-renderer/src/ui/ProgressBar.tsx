interface ProgressBarProps {
  /** 0 to 1. */
  value: number
  label: string
  tone?: 'accent' | 'warning' | 'danger' | 'muted'
  testId?: string
}

export function ProgressBar({ value, label, tone = 'accent', testId }: ProgressBarProps) {
  const clamped = Math.min(1, Math.max(0, value))
  const percent = Math.round(clamped * 100)
  return (
    <div
      className={`progress progress--${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid={testId}
      data-value={clamped}
    >
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  )
}
