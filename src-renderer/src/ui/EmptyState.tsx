import type { ReactNode } from 'react'

interface EmptyStateProps {
  title: string
  body?: string
  action?: ReactNode
}

/** What a list shows before it has anything in it, with the action that fills it. */
export function EmptyState({ title, body, action }: EmptyStateProps) {
  return (
    <div className="state state--empty" data-testid="empty-state">
      <p className="state__title">{title}</p>
      {body && <p className="state__body">{body}</p>}
      {action && <div className="state__action">{action}</div>}
    </div>
  )
}
