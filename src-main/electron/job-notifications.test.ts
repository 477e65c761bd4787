import { describe, expect, it } from 'vitest'
import type { UiLanguage } from '@shared/contracts/bridge'
import type { PushEvent } from '@shared/contracts/events'
import { createJobNotifier, noticeFor, type JobNotice } from './job-notifications'
import { SHELL_TEXT } from './shell-text'

const ME = 'user-1'
const text = SHELL_TEXT.en

function progress(
  status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled',
  extra: Partial<PushEvent> = {},
): PushEvent {
  return {
    type: 'job.progress',
    user_id: ME,
    job_id: 'job-1',
    status,
    stage: null,
    progress: 1,
    cost_usd: 0.4,
    eta_s: null,
    ...extra,
  } as PushEvent
}

describe('job notifications', () => {
  it('notifies when a job finishes or fails while the window is in the background', () => {
    const away = { windowFocused: false, userId: ME, text }
    expect(noticeFor(progress('completed'), away)).toMatchObject({
      jobId: 'job-1',
      title: 'Your story is ready',
    })
    expect(
      noticeFor(progress('failed', { message: 'Budget reached' } as Partial<PushEvent>), away),
    ).toEqual({
      jobId: 'job-1',
      title: 'Generation stopped',
      body: 'Budget reached',
    })
  })

  it('stays quiet while the writer looks at the window, for other states, users and event types', () => {
    const away = { windowFocused: false, userId: ME, text }
    expect(noticeFor(progress('completed'), { ...away, windowFocused: true })).toBeNull()
    for (const status of ['queued', 'running', 'cancelled'] as const) {
      expect(noticeFor(progress(status), away), status).toBeNull()
    }
    expect(noticeFor(progress('completed', { user_id: 'someone-else' }), away)).toBeNull()
    expect(noticeFor(progress('completed'), { ...away, userId: null })).toBeNull()
    const stage: PushEvent = {
      type: 'job.stage',
      user_id: ME,
      job_id: 'job-1',
      stage: 'editorial',
      state: 'completed',
      cost_usd: 1,
    }
    expect(noticeFor(stage, away)).toBeNull()
  })

  it('speaks Polish when the writer chose Polish', () => {
    const away = { windowFocused: false, userId: ME, text: SHELL_TEXT.pl }
    expect(noticeFor(progress('completed'), away)).toEqual({
      jobId: 'job-1',
      title: 'Twój utwór jest gotowy',
      body: 'Otwórz NarraForge, aby go przeczytać.',
    })
    expect(noticeFor(progress('failed'), away)).toMatchObject({ title: 'Generowanie zatrzymane' })
  })

  it('announces each job once even when its final status is published again', () => {
    const shown: JobNotice[] = []
    let focused = true
    const notify = createJobNotifier({
      isWindowFocused: () => focused,
      userId: () => ME,
      text: () => text,
      show: (n) => shown.push(n),
    })

    notify(progress('completed'))
    focused = false
    notify(progress('completed'))
    notify(progress('completed'))
    notify(progress('failed', { job_id: 'job-2' }))

    expect(shown.map((n) => n.jobId)).toEqual(['job-1', 'job-2'])
  })

  it('uses the language chosen after it was created', () => {
    const shown: JobNotice[] = []
    let language: UiLanguage = 'en'
    const notify = createJobNotifier({
      isWindowFocused: () => false,
      userId: () => ME,
      text: () => SHELL_TEXT[language],
      show: (n) => shown.push(n),
    })

    notify(progress('completed'))
    language = 'pl'
    notify(progress('completed', { job_id: 'job-2' }))

    expect(shown.map((n) => n.title)).toEqual(['Your story is ready', 'Twój utwór jest gotowy'])
  })
})
