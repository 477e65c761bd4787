import { useRef, type KeyboardEvent } from 'react'

export interface TabOption<T extends string> {
  value: T
  label: string
}

interface TabsProps<T extends string> {
  label: string
  options: readonly TabOption<T>[]
  value: T
  onChange(value: T): void
  /** id of the panel the tabs control. */
  controls?: string
}

/** A row of tabs with arrow-key movement, as the WAI-ARIA tabs pattern describes. */
export function Tabs<T extends string>({
  label,
  options,
  value,
  onChange,
  controls,
}: TabsProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])

  const move = (event: KeyboardEvent, index: number) => {
    const last = options.length - 1
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null) return
    event.preventDefault()
    const option = options[next]
    if (!option) return
    onChange(option.value)
    refs.current[next]?.focus()
  }

  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {options.map((option, index) => {
        const selected = option.value === value
        return (
          <button
            key={option.value}
            ref={(element) => {
              refs.current[index] = element
            }}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={selected}
            aria-controls={controls}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => move(event, index)}
            data-testid={`tab-${option.value}`}
          >
            {option.label}
          </button>
        )
      })}
    </div>
  )
}
