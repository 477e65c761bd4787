import { useTranslation } from 'react-i18next'
import { LinkButton } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { useDocumentTitle } from '../../ui/useDocumentTitle'

export function NotFoundScreen() {
  const { t } = useTranslation()
  useDocumentTitle(t('notFound.title'))
  return (
    <div className="page">
      <EmptyState
        title={t('notFound.title')}
        body={t('notFound.body')}
        action={<LinkButton to="/">{t('notFound.home')}</LinkButton>}
      />
    </div>
  )
}
