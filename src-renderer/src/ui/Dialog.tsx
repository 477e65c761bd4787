import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button'

interface DialogProps {
  open: boolean
  title: string
  onClose(): void
  children: ReactNode
  /** Buttons at the bottom; a form dialog passes its submit button here. */
  footer?: ReactNode
  /** Makes the dialog a form: Enter submits, the footer's submit button calls this. */
  onSubmit?(): void
  wide?: boolean
  testId?: string
}

/**
 * A modal on the native `<dialog>`: focus moves in and back, Escape closes, the page behind
 * is inert, with no focus-trap code of our own.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  onSubmit,
  wide,
  testId,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit?.()
  }
  const body = (
    <>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      {footer && <div className="dialog__footer">{footer}</div>}
    </>
  )
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      data-testid={testId}
    >
      {open &&
        (onSubmit ? (
          <form onSubmit={submit} noValidate>
            {body}
          </form>
        ) : (
          body
        ))}
    </dialog>
  )
}

interface ConfirmDialogProps {
  open: boolean
  title: string
  body: ReactNode
  confirmLabel: string
  tone?: 'danger' | 'primary'
  busy?: boolean
  onConfirm(): void
  onCancel(): void
}

/** "Are you sure?" for anything that deletes, restores over, or stops work. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  tone = 'danger',
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      testId="confirm-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button variant={tone} busy={busy} onClick={onConfirm} data-testid="confirm-button">
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p>{body}</p>
    </Dialog>
  )
}
