import type { ReactNode } from 'react'
import { useDocumentTitle } from './useDocumentTitle'

interface PageHeaderProps {
  title: string
  description?: ReactNode
  actions?: ReactNode
  /** A small line above the title, such as a link back to the list. */
  eyebrow?: ReactNode
}

/** The screen's heading; it names the window too. */
export function PageHeader({ title, description, actions, eyebrow }: PageHeaderProps) {
  useDocumentTitle(title)
  return (
    <header className="page-header">
      <div className="page-header__text">
        {eyebrow && <div className="page-header__eyebrow">{eyebrow}</div>}
        <h1 className="page-header__title">{title}</h1>
        {description && <p className="page-header__description">{description}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  )
}
