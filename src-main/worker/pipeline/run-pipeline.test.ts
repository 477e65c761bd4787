import { describe, expect, it } from 'vitest'
import { STAGE_VALUES } from '@shared/contracts/catalog'
import { planSegmentCount } from './segment-count'
import { SegmentPlanSchema } from './segment-plan-stage'
import { checkpointsOf, createFakeModels, makeJob, messagesOf, runJob } from './pipeline-test-kit'

describe('runPipeline', () => {
  it('runs the ten stages in order and emits a result with every segment exactly once', async () => {
    const models = createFakeModels()
    const { outcome, messages } = await runJob(makeJob(), models)

    expect(outcome.status).toBe('completed')
    const stages = messagesOf(messages, 'stage')
    expect(stages.filter((m) => m.state === 'started').map((m) => m.stage)).toEqual(STAGE_VALUES)
    expect(stages.filter((m) => m.state === 'completed').map((m) => m.stage)).toEqual(STAGE_VALUES)

    const [result] = messagesOf(messages, 'result')
    const count = planSegmentCount('short_story', 3_000)
    expect(result?.narrative.segments.map((s) => s.number)).toEqual([1, 2, 3].slice(0, count))
    const prose = models
      .ofKind('prose')
      .map((c) => /Write segment (\d+) now/.exec(c.request.prompt)?.[1])
    expect(prose).toEqual(['1', '2', '3'])
    expect(messages.at(-1)?.type).toBe('result')
    for (const n of [1, 2, 3]) {
      expect(result?.narrative.text.match(new RegExp(`^stylization${n}\\b`, 'gm'))).toHaveLength(1)
    }
    expect(result?.narrative.text).not.toMatch(/prose\d/)
  })

  it('marks the first streamed words of every new take of a segment as replacing the last', async () => {
    const { messages } = await runJob(makeJob(), createFakeModels())

    const prose = messagesOf(messages, 'prose')
    const segment1 = prose.filter((m) => m.segment === 1)
    // The draft and its polish each stream once, and each begins by replacing what was shown.
    expect(segment1.filter((m) => m.reset)).toHaveLength(2)
    expect(segment1[0]?.reset).toBe(true)
  })

  it('polishes the language before it validates coherence', async () => {
    const models = createFakeModels()
    await runJob(makeJob(), models)

    const kinds = models.kinds()
    expect(kinds.lastIndexOf('stylization')).toBeLessThan(kinds.indexOf('coherence_findings'))
    expect(kinds.indexOf('coherence_findings')).toBeLessThan(kinds.indexOf('editorial_findings'))
  })

  it('puts every field of the brief into at least one prompt', async () => {
    const models = createFakeModels()
    const job = makeJob()
    await runJob(job, models)

    const prompts = models.calls.map((c) => `${c.request.system}\n${c.request.prompt}`).join('\n')
    const { brief } = job
    for (const value of [
      brief.title,
      brief.premise,
      brief.tone,
      brief.setting,
      brief.style_instructions,
    ]) {
      expect(prompts).toContain(value)
    }
    expect(prompts).toContain('first person')
    expect(prompts).toContain('present tense')
    expect(prompts).toContain('Number of main characters: 4')
    expect(prompts).toContain('Create exactly 4 main characters')
    expect(prompts).toContain('Target length: 3000 words')
    expect(prompts).toContain('Write in Polish')
    expect(prompts).toContain('drama')
    expect(prompts).toContain('short story')
  })

  it('writes in English when the brief asks for it', async () => {
    const models = createFakeModels()
    await runJob(makeJob({ language: 'en' }), models)

    const [prose] = models.ofKind('prose')
    expect(prose?.request.system).toContain('idiomatic English')
    expect(prose?.request.system).not.toContain('Polish')
  })

  it('plans as many segments as the form and length call for, their targets adding up to the length', async () => {
    const models = createFakeModels()
    const { messages } = await runJob(makeJob({ form: 'novella', target_words: 12_345 }), models)

    const plan = SegmentPlanSchema.parse(checkpointsOf(messages)['stage:segment_plan'])
    expect(plan.segments).toHaveLength(planSegmentCount('novella', 12_345))
    expect(plan.segments.reduce((sum, s) => sum + s.target_words, 0)).toBe(12_345)
  })

  it('writes each segment from the rolling state and the end of the previous one', async () => {
    const models = createFakeModels()
    await runJob(makeJob(), models)

    const second = models.ofKind('prose')[1]?.request
    expect(second?.prompt).toContain('Summary after segment 1')
    expect(second?.prompt).toContain('Tired after segment 1')
    expect(second?.prompt).toContain('Plan of segment 2 of 3')
    expect(second?.prompt).toContain('Tytuł 3: Plan of segment 3')
    expect(second?.prompt).toMatch(/## End of the previous segment\n…(prose1\.? ){5}/)
    expect(second?.temperature).toBeGreaterThan(0.7)
    expect(second?.maxTokens).toBeGreaterThanOrEqual(2 * 1_000)
  })

  it('checkpoints every stage, every segment and every polished segment', async () => {
    const { messages } = await runJob(makeJob(), createFakeModels())

    const keys = Object.keys(checkpointsOf(messages))
    for (const stage of STAGE_VALUES) expect(keys).toContain(`stage:${stage}`)
    expect(keys).toEqual(expect.arrayContaining(['segment:001', 'segment:002', 'segment:003']))
    expect(keys).toEqual(expect.arrayContaining(['styled:001', 'styled:002', 'styled:003']))
    const first = checkpointsOf(messages)['segment:001'] as Record<string, unknown>
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['text', 'words', 'finish', 'state']))
  })

  it('reports progress that only grows and ends at 1, and a usage record per call', async () => {
    const models = createFakeModels()
    const { messages } = await runJob(makeJob(), models)

    const progress = messagesOf(messages, 'progress').map((m) => m.progress)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(progress.at(-1)).toBe(1)
    const usage = messagesOf(messages, 'usage')
    expect(usage).toHaveLength(models.calls.length)
    expect(usage.every((u) => u.usage.costUsd > 0)).toBe(true)
  })

  it('gives novellas a heading per segment and leaves short stories without', async () => {
    const short = await runJob(makeJob(), createFakeModels())
    const novella = await runJob(
      makeJob({ form: 'novella', target_words: 10_000 }),
      createFakeModels(),
    )

    const [story] = messagesOf(short.messages, 'result')
    const [book] = messagesOf(novella.messages, 'result')
    expect(story?.narrative.text).not.toContain('## ')
    expect(book?.narrative.text.startsWith('## Tytuł 1\n\n')).toBe(true)
    expect(book?.narrative.text.match(/^## /gm)).toHaveLength(book?.narrative.segments.length ?? 0)
  })
})
