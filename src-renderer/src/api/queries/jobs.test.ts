import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { JobProse } from '@shared/contracts/jobs'
import { applyPushEvent } from '../live-updates'
import { proseSegments, type ProseState } from '../prose-accumulator'
import { jobKeys, jobProseOptions } from './jobs'

const JOB_ID = '7b0a8f52-63e4-4d3c-9a41-2f1e0c5d9a10'
const prose = (segment: number, delta: string, reset?: boolean) =>
  ({ type: 'job.prose', user_id: 'u1', job_id: JOB_ID, segment, delta, reset }) as const

/** The server's answer to `GET /jobs/:id/prose`, held back until the test releases it. */
function serverProse() {
  let release: (body: JobProse) => void = () => {}
  const fetch = vi.fn(
    (_url: string) =>
      new Promise<Response>((resolve) => {
        release = (body) => resolve(Response.json(body))
      }),
  )
  vi.stubGlobal('fetch', fetch)
  return { fetch, answer: (body: JobProse) => release(body) }
}

describe('a job page opened while the job streams', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('starts from the saved prose and adds what streams, without doubling a segment', async () => {
    const client = new QueryClient()
    const server = serverProse()
    // Before the page opened, this window caught the end of segment 2.
    applyPushEvent(client, prose(2, 'half of two.'))

    const observer = new QueryObserver(client, jobProseOptions(JOB_ID))
    const unsubscribe = observer.subscribe(() => {})
    await vi.waitFor(() => expect(server.fetch).toHaveBeenCalledTimes(1))
    expect(String(server.fetch.mock.calls[0]![0])).toContain(`/api/jobs/${JOB_ID}/prose`)
    // Segment 3 begins while the request is on its way.
    applyPushEvent(client, prose(3, 'Three', true))
    server.answer({
      job_id: JOB_ID,
      segments: [
        { segment: 1, text: 'One.' },
        { segment: 2, text: 'The first half of two.' },
      ],
    })
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.seeded).toBe(true))
    applyPushEvent(client, prose(3, ' goes on.'))

    const state = client.getQueryData<ProseState>(jobKeys.prose(JOB_ID))!
    expect(proseSegments(state)).toEqual([
      { segment: 1, text: 'One.' },
      { segment: 2, text: 'The first half of two.' },
      { segment: 3, text: 'Three goes on.' },
    ])
    unsubscribe()
  })

  it('does not ask again once merged, since the stream keeps it current', async () => {
    const client = new QueryClient()
    const server = serverProse()
    const first = new QueryObserver(client, jobProseOptions(JOB_ID))
    const stop = first.subscribe(() => {})
    await vi.waitFor(() => expect(server.fetch).toHaveBeenCalledTimes(1))
    server.answer({ job_id: JOB_ID, segments: [] })
    await vi.waitFor(() => expect(first.getCurrentResult().data?.seeded).toBe(true))
    stop()

    const again = new QueryObserver(client, jobProseOptions(JOB_ID))
    const stopAgain = again.subscribe(() => {})
    expect(again.getCurrentResult().isFetching).toBe(false)
    expect(server.fetch).toHaveBeenCalledTimes(1)
    stopAgain()
  })
})
