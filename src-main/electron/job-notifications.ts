import type { PushEvent } from '@shared/contracts/events'

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
}

export interface JobNotifierOptions {
  isWindowFocused(): boolean
  userId(): string | null
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

  if (event.status === 'completed') {
    return {
      jobId: event.job_id,
      title: 'Your story is ready',
      body: event.message ?? 'Open NarraForge to read it.',
    }
  }
  return {
    jobId: event.job_id,
    title: 'Generation stopped',
    body: event.message ?? 'Open NarraForge to see what went wrong and resume.',
  }
}

/** A push-event listener that shows each job's outcome once. */
export function createJobNotifier(options: JobNotifierOptions): (event: PushEvent) => void {
  const announced = new Set<string>()
  return (event) => {
    const notice = noticeFor(event, {
      windowFocused: options.isWindowFocused(),
      userId: options.userId(),
    })
    if (!notice || announced.has(notice.jobId)) return
    announced.add(notice.jobId)
    if (announced.size > REMEMBERED) announced.delete(announced.values().next().value!)
    options.show(notice)
  }
}
