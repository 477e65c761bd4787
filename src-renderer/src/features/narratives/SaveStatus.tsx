import { useTranslation } from 'react-i18next'
import { describeError } from '../../i18n/describe-error'
import { Spinner } from '../../ui/Spinner'
import type { SaveState } from './autosaver'

/** "Saved · version N", "Saving…", or what went wrong. */
export function SaveStatus({ state, version }: { state: SaveState; version: number }) {
  const { t } = useTranslation()
  const text = (() => {
    switch (state.kind) {
      case 'idle':
        return t('editor.savedVersion', { version })
      case 'pending':
        return t('editor.unsaved')
      case 'saving':
        return t('editor.saving')
      case 'saved':
        return t('editor.savedVersion', { version: state.version })
      case 'failed':
        return t('editor.saveFailed', { reason: describeError(state.error, t) })
      case 'conflict':
        return t('editor.conflictShort')
    }
  })()
  const problem = state.kind === 'failed' || state.kind === 'conflict'
  return (
    <span
      className={`save-status${problem ? ' save-status--problem' : ''}`}
      role="status"
      data-testid="save-status"
      data-state={state.kind}
    >
      {state.kind === 'saving' && <Spinner size="sm" />}
      {text}
    </span>
  )
}
