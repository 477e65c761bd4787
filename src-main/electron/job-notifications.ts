import type { PushEvent } from '@shared/contracts/events'
import type { ShellText } from './shell-text'

export interface JobNotice {
  jobId: string
  title: string
  body: string
}

export interface NotifyContext {
  /** Whether the writer is looking at the app; then the window itself shows the outcome. */
  windowFocused: boolean
  /** The signed-in user; events of anyone else never notify. */
  userId: string | null
  /** The shell's words in the writer's current language. */
  text: ShellText
}

export interface JobNotifierOptions {
  isWindowFocused(): boolean
  userId(): string | null
  /** Read for each notice, so a language changed meanwhile is followed. */
  text(): ShellText
  show(notice: JobNotice): void
}

/** Jobs remembered as already announced; progress events can repeat a final status. */
const REMEMBERED = 200

/**
 * The notice for a job that finished or failed while the writer was elsewhere, or null when
 * there is nothing to say.
 */
export function noticeFor(event: PushEvent, context: NotifyContext): JobNotice | null {
  if (event.type !== 'job.progress') return null
  if (event.status !== 'completed' && event.status !== 'failed') return null
  if (context.windowFocused || !context.userId || event.user_id !== context.userId) return null

  const { notices } = context.text
  if (event.status === 'completed') {
    return {
      jobId: event.job_id,
      title: notices.storyReady,
      body: event.message ?? notices.storyReadyBody,
    }
  }
  return {
    jobId: event.job_id,
    title: notices.generationStopped,
    body: event.message ?? notices.generationStoppedBody,
  }
}

/** A push-event listener that shows each job's outcome once. */
export function createJobNotifier(options: JobNotifierOptions): (event: PushEvent) => void {
  const announced = new Set<string>()
  return (event) => {
    const notice = noticeFor(event, {
      windowFocused: options.isWindowFocused(),
      userId: options.userId(),
      text: options.text(),
    })
    if (!notice || announced.has(notice.jobId)) return
    announced.add(notice.jobId)
    if (announced.size > REMEMBERED) announced.delete(announced.values().next().value!)
    options.show(notice)
  }
}
