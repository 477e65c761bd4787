import { useTranslation } from 'react-i18next'
import { STAGE_VALUES, type Stage } from '@shared/contracts/catalog'
import type { JobStatus } from '@shared/contracts/jobs'

/** `stopped`: where a cancelled job was when it stopped, so resuming picks up from there. */
export type StageState = 'done' | 'active' | 'failed' | 'stopped' | 'pending'

const MARKERS: Partial<Record<StageState, string>> = { done: '✓', failed: '!', stopped: '‖' }

interface StageTimelineProps {
  status: JobStatus
  currentStage: Stage | null
  completedStages: readonly Stage[]
}

/** The ten pipeline stages in order, each done, running, failed, stopped or still to come. */
export function StageTimeline(props: StageTimelineProps) {
  const { t } = useTranslation()
  return (
    <ol className="timeline" aria-label={t('jobs.stages')} data-testid="stage-timeline">
      {STAGE_VALUES.map((stage, index) => {
        const state = stageState(stage, props)
        return (
          <li
            key={stage}
            className={`timeline__stage timeline__stage--${state}`}
            data-testid={`stage-${stage}`}
            data-state={state}
            aria-current={state === 'active' ? 'step' : undefined}
          >
            <span className="timeline__marker" aria-hidden="true">
              {MARKERS[state] ?? index + 1}
            </span>
            <span className="timeline__name">{t(`stages.${stage}`)}</span>
            <span className="visually-hidden">{t(`jobs.stageState.${state}`)}</span>
          </li>
        )
      })}
    </ol>
  )
}

export function stageState(
  stage: Stage,
  { status, currentStage, completedStages }: StageTimelineProps,
): StageState {
  if (completedStages.includes(stage)) return 'done'
  if (stage !== currentStage) return 'pending'
  if (status === 'failed') return 'failed'
  if (status === 'cancelled') return 'stopped'
  return status === 'running' ? 'active' : 'pending'
}
