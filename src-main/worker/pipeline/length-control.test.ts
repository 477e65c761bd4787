import { describe, expect, it } from 'vitest'
import { createFakeModels, makeJob, messagesOf, proseWords, runJob } from './pipeline-test-kit'

describe('segment length control', () => {
  it('continues a segment cut off at the token limit once', async () => {
    const models = createFakeModels({
      prose: [{ text: proseWords(700, 'cut'), finish: 'length' }],
      continue: [{ text: proseWords(400, 'rest') }],
    })
    const { messages } = await runJob(makeJob(), models)

    const [continuation] = models.ofKind('continue')
    expect(models.ofKind('continue')).toHaveLength(1)
    expect(continuation?.request.prompt).toMatch(/cut\.?$/m)
    expect(continuation?.request.prompt).toContain('Plan of segment 1 of 3')
    const segment = messagesOf(messages, 'checkpoint').find((m) => m.key === 'segment:001')
    expect(segment?.data).toMatchObject({ words: 1_100, finish: 'stop' })
    expect((segment?.data as { text: string }).text).toMatch(/^cut[\s\S]*rest\.$/)
  })

  it('does not continue a segment twice when the continuation is cut off too', async () => {
    const models = createFakeModels({
      prose: [{ text: proseWords(700, 'cut'), finish: 'length' }],
      continue: [{ text: proseWords(200, 'more'), finish: 'length' }],
    })
    const { messages } = await runJob(makeJob(), models)

    expect(models.ofKind('continue')).toHaveLength(1)
    const [result] = messagesOf(messages, 'result')
    expect(result?.narrative.quality.warnings).toContain(
      'Segment 1 still ends cut off at the token limit',
    )
  })

  it('writes a much too short segment again once, asking for the missing length', async () => {
    const models = createFakeModels({
      prose: [{ text: proseWords(200, 'short') }, { text: proseWords(950, 'full') }],
    })
    const { messages } = await runJob(makeJob(), models)

    const firstSegment = models
      .ofKind('prose')
      .filter((c) => c.request.prompt.includes('Write segment 1 now'))
    expect(firstSegment).toHaveLength(2)
    expect(firstSegment[1]?.request.prompt).toContain(
      'An earlier draft ran only 200 words against the 1000',
    )
    const segment = messagesOf(messages, 'checkpoint').find((m) => m.key === 'segment:001')
    expect(segment?.data).toMatchObject({ words: 950, warnings: [] })
  })

  it('keeps the longer draft and records a warning when the second try is still short', async () => {
    const models = createFakeModels({
      prose: [{ text: proseWords(300, 'first') }, { text: proseWords(100, 'second') }],
    })
    const { messages } = await runJob(makeJob(), models)

    const segment = messagesOf(messages, 'checkpoint').find((m) => m.key === 'segment:001')
    expect((segment?.data as { text: string }).text).toMatch(/^first/)
    const [result] = messagesOf(messages, 'result')
    expect(result?.narrative.quality.warnings).toContain('Segment 1 has 300 of 1000 planned words')
    expect(models.ofKind('prose')).toHaveLength(4)
  })

  it('fails the job when a segment comes back empty twice', async () => {
    const models = createFakeModels({ prose: [{ text: '' }, { text: ' ' }] })
    const { outcome } = await runJob(makeJob(), models)

    expect(outcome).toMatchObject({
      status: 'failed',
      error: { kind: 'provider', message: 'The model wrote no text for segment 1' },
    })
  })

  it('streams the prose of each segment as it is written', async () => {
    const { messages } = await runJob(makeJob(), createFakeModels())

    const streamed = messagesOf(messages, 'prose').filter((m) => m.segment === 2)
    expect(streamed.map((m) => m.delta).join('')).toMatch(/^prose2/)
  })
})
