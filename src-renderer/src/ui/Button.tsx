import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { Link, type LinkProps } from 'react-router'
import { Spinner } from './Spinner'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'

interface ButtonStyle {
  variant?: ButtonVariant
  size?: 'sm' | 'md'
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonStyle {
  /** Shows a spinner and blocks clicks while an action runs. */
  busy?: boolean
  icon?: ReactNode
}

export function Button({
  variant = 'secondary',
  size = 'md',
  busy = false,
  icon,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass({ variant, size }, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <Spinner size="sm" /> : icon}
      {children}
    </button>
  )
}

/** A link that looks like a button, for navigation actions such as "New work". */
export function LinkButton({
  variant = 'secondary',
  size = 'md',
  className,
  ...rest
}: LinkProps & ButtonStyle) {
  return <Link className={buttonClass({ variant, size }, className)} {...rest} />
}

function buttonClass({ variant, size }: ButtonStyle, extra?: string): string {
  return ['button', `button--${variant}`, size === 'sm' && 'button--sm', extra]
    .filter(Boolean)
    .join(' ')
}
