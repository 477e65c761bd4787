import { useTranslation } from 'react-i18next'
import { Button } from './Button'

interface PaginationProps {
  page: number
  totalPages: number
  onChange(page: number): void
}

export function Pagination({ page, totalPages, onChange }: PaginationProps) {
  const { t } = useTranslation()
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <Button size="sm" variant="ghost" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        {t('common.previous')}
      </Button>
      <span className="pagination__status">{t('common.pageOf', { page, total: totalPages })}</span>
      <Button
        size="sm"
        variant="ghost"
        disabled={page >= totalPages}
        onClick={() => onChange(page + 1)}
      >
        {t('common.next')}
      </Button>
    </nav>
  )
}

/**
 * The page to show once the list is known: a page past the end (its last item was deleted)
 * steps back to the last page that exists, the first when there is nothing at all.
 */
export function pageWithin(page: number, totalPages: number): number {
  return Math.min(page, Math.max(1, totalPages))
}
