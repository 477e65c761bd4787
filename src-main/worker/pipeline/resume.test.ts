import { describe, expect, it } from 'vitest'
import { checkpointsOf, createFakeModels, makeJob, messagesOf, runJob } from './pipeline-test-kit'

const PLANNING = ['brief_interpretation', 'world', 'characters', 'structure', 'segment_plan']

describe('resuming a job from its checkpoints', () => {
  it('makes no calls for the stages and segments it already has', async () => {
    const first = await runJob(makeJob(), createFakeModels())
    const saved = checkpointsOf(first.messages)
    const kept = Object.fromEntries(
      Object.entries(saved).filter(
        ([key]) =>
          /^stage:(brief|world|characters|structure|segment_plan)$/.test(key) ||
          /^plan:/.test(key) ||
          key === 'segment:001' ||
          key === 'segment:002',
      ),
    )

    const models = createFakeModels()
    const { outcome } = await runJob(makeJob({}, { checkpoints: kept }), models)

    expect(outcome.status).toBe('completed')
    expect(models.kinds().filter((k) => PLANNING.includes(k))).toEqual([])
    const prose = models
      .ofKind('prose')
      .map((c) => /Write segment (\d+) now/.exec(c.request.prompt)?.[1])
    expect(prose).toEqual(['3'])
    // The last segment needs no state update, and segments 1–2 already carry theirs.
    expect(models.ofKind('story_state')).toHaveLength(0)
  })

  it('picks up the rolling state saved with the last finished segment', async () => {
    const first = await runJob(makeJob(), createFakeModels())
    const saved = checkpointsOf(first.messages)
    const kept = Object.fromEntries(
      Object.entries(saved).filter(([key]) => key.startsWith('stage:') || key === 'segment:001'),
    )
    delete kept['stage:prose']

    const models = createFakeModels()
    await runJob(makeJob({}, { checkpoints: kept }), models)

    const [second] = models.ofKind('prose')
    expect(second?.request.prompt).toContain('Write segment 2 now')
    expect(second?.request.prompt).toContain('Summary after segment 1')
  })

  it('replays a finished job without calling any model', async () => {
    const first = await runJob(makeJob(), createFakeModels())
    const models = createFakeModels()
    const again = await runJob(makeJob({}, { checkpoints: checkpointsOf(first.messages) }), models)

    expect(models.calls).toHaveLength(0)
    expect(messagesOf(again.messages, 'checkpoint')).toHaveLength(0)
    const [before] = messagesOf(first.messages, 'result')
    const [after] = messagesOf(again.messages, 'result')
    expect(after?.narrative).toEqual(before?.narrative)
  })

  it('redoes the work of a checkpoint whose data has the wrong shape', async () => {
    const models = createFakeModels()
    const { outcome } = await runJob(
      makeJob({}, { checkpoints: { 'stage:world': { name: 'only a name' } } }),
      models,
    )

    expect(outcome.status).toBe('completed')
    expect(models.ofKind('world')).toHaveLength(1)
  })
})
