import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { NarrativeDetail } from '@shared/contracts/narratives'
import { apiRequest } from '../../api/client'
import { isApiError } from '../../api/api-error'
import { useRestoreVersion, useSaveNarrative } from '../../api/queries/narratives'
import { useFormat } from '../../i18n/format'
import { reportError } from '../../stores/toasts'
import { Button } from '../../ui/Button'
import { countWords } from './manuscript'
import { SaveStatus } from './SaveStatus'
import { useAutosave } from './useAutosave'
import { VersionsPanel } from './VersionsPanel'

const AUTOSAVE_MS = 1_500

interface Draft {
  title: string
  text: string
}

/** Saves pending edits now; rejects when they could not be saved. */
export type SaveFirst = () => Promise<void>

interface NarrativeEditorProps {
  narrative: NarrativeDetail
  /** Load the narrative afresh (after a restore, or to take someone else's newer save). */
  onReload(): void
  /** Filled in by the editor, for actions that read the saved text (exports). */
  saveFirstRef?: RefObject<SaveFirst>
}

/**
 * A plain textarea, saved as a new version a moment after typing stops. Mount it again (with
 * a new key) to load a different version; it reads `narrative` only when it mounts.
 */
export function NarrativeEditor({ narrative, onReload, saveFirstRef }: NarrativeEditorProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const save = useSaveNarrative(narrative.id)
  const restore = useRestoreVersion(narrative.id)
  const [draft, setDraft] = useState<Draft>({ title: narrative.title, text: narrative.text })
  const baseVersion = useRef(narrative.version)
  const [version, setVersion] = useState(narrative.version)
  const words = useMemo(() => countWords(draft.text), [draft.text])

  const { state, saver } = useAutosave<Draft>({
    delayMs: AUTOSAVE_MS,
    isConflict: (error) => isApiError(error) && error.status === 409,
    save: async (value) => {
      const saved = await save.mutateAsync({ ...value, base_version: baseVersion.current })
      baseVersion.current = saved.version
      setVersion(saved.version)
      return saved.version
    },
  })

  useEffect(() => {
    if (!saveFirstRef) return
    saveFirstRef.current = async () => {
      await saver.flush()
      if (saver.pending()) throw unsavedChanges()
    }
  })

  const edit = (changes: Partial<Draft>) => {
    const next = { ...draft, ...changes }
    setDraft(next)
    saver.change(next)
  }

  /** Keep my text: save it on top of whatever is newest now. */
  const keepMine = async () => {
    const latest = await apiRequest<NarrativeDetail>({ path: `/narratives/${narrative.id}` })
    baseVersion.current = latest.version
    await saver.retry()
  }

  /** Take theirs: load the newest version and drop the local changes. */
  const loadLatest = () => {
    saver.discard()
    onReload()
  }

  /** Pending edits are saved first, so the text being replaced stays in the history. */
  const restoreVersion = async (target: number) => {
    await saver.flush()
    restore.mutate(target, {
      onSuccess: () => {
        saver.discard()
        onReload()
      },
    })
  }

  return (
    <div className="editor-layout">
      <div className="editor" data-testid="editor">
        {state.kind === 'conflict' && (
          <div className="banner banner--warning" role="alert" data-testid="save-conflict">
            <p>{t('editor.conflict')}</p>
            <div className="button-row">
              <Button
                size="sm"
                variant="primary"
                onClick={() => void keepMine().catch(reportError)}
              >
                {t('editor.keepMine')}
              </Button>
              <Button size="sm" onClick={loadLatest}>
                {t('editor.loadLatest')}
              </Button>
            </div>
          </div>
        )}
        <label className="visually-hidden" htmlFor="editor-title">
          {t('editor.titleLabel')}
        </label>
        <input
          id="editor-title"
          className="editor__title"
          value={draft.title}
          onChange={(e) => edit({ title: e.target.value })}
          maxLength={300}
          data-testid="editor-title"
        />
        <label className="visually-hidden" htmlFor="editor-text">
          {t('editor.textLabel')}
        </label>
        <textarea
          id="editor-text"
          className="editor__text"
          value={draft.text}
          onChange={(e) => edit({ text: e.target.value })}
          spellCheck
          lang={narrative.language}
          data-testid="editor-text"
        />
        <div className="editor__status">
          <span data-testid="word-count">
            {t('common.words', { count: words, formatted: format.integer(words) })}
          </span>
          <SaveStatus state={state} version={version} />
          {state.kind === 'failed' && (
            <Button size="sm" variant="ghost" onClick={() => void saver.retry()}>
              {t('common.retry')}
            </Button>
          )}
        </div>
      </div>
      <aside className="editor-layout__side">
        <VersionsPanel
          narrativeId={narrative.id}
          currentVersion={version}
          restoring={restore.isPending}
          onRestore={(target) => void restoreVersion(target)}
        />
      </aside>
    </div>
  )
}

/** A refusal the toasts word from the catalogue: the export would miss the last edits. */
function unsavedChanges(): Error {
  return Object.assign(new Error('Unsaved changes'), { i18nKey: 'editor.exportUnsaved' })
}
