import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'

interface FieldFrame {
  label: string
  /** Guidance under the control; replaced by the error when there is one. */
  hint?: ReactNode
  error?: string | null
  /** Right-aligned note beside the label, e.g. a character counter. */
  aside?: ReactNode
  className?: string
}

type Described = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

/** Label, control, hint and error laid out the same way in every form. */
function FieldShell({
  label,
  hint,
  error,
  aside,
  className,
  render,
}: FieldFrame & { render: (described: Described) => ReactNode }) {
  const id = useId()
  const noteId = `${id}-note`
  const note = error ?? hint
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field__top">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {aside && <span className="field__aside">{aside}</span>}
      </div>
      {render({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': note ? noteId : undefined,
      })}
      {note && (
        <p id={noteId} className={error ? 'field__error' : 'field__hint'}>
          {note}
        </p>
      )}
    </div>
  )
}

export function TextField({
  label,
  hint,
  error,
  aside,
  className,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell
      {...{ label, hint, error, aside, className }}
      render={(described) => <input className="input" {...input} {...described} />}
    />
  )
}

export function TextAreaField({
  label,
  hint,
  error,
  aside,
  className,
  ...textarea
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell
      {...{ label, hint, error, aside, className }}
      render={(described) => <textarea className="input textarea" {...textarea} {...described} />}
    />
  )
}

export interface SelectOption {
  value: string
  label: string
}

export function SelectField({
  label,
  hint,
  error,
  aside,
  className,
  options,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly SelectOption[] }) {
  return (
    <FieldShell
      {...{ label, hint, error, aside, className }}
      render={(described) => (
        <select className="input select" {...select} {...described}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  )
}
