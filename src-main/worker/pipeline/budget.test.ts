import { describe, expect, it } from 'vitest'
import { toStrictJsonSchema } from '../providers/json-schema'
import {
  checkpointsOf,
  createFakeModels,
  makeJob,
  messagesOf,
  runJob,
  type RecordedCall,
} from './pipeline-test-kit'

/** The planning a first run leaves behind, so the next run's first call is segment 1's prose. */
async function plannedCheckpoints(): Promise<Record<string, unknown>> {
  const { messages } = await runJob(makeJob(), createFakeModels())
  return Object.fromEntries(
    Object.entries(checkpointsOf(messages)).filter(([key]) =>
      /^(stage:(brief|world|characters|structure|segment_plan)|plan:)/.test(key),
    ),
  )
}

const promptChars = ({ request }: RecordedCall) => request.system.length + request.prompt.length

describe('the job budget', () => {
  it('stops before the call whose worst case would exceed it, without making that call', async () => {
    // Planning is free here and prose costs $1,000 per million output tokens, so the first
    // prose call (about 2,400 tokens allowed) could cost $2.40 against $1 of budget.
    const prices = { 'gpt-4o-mini': { input: 0, output: 0 }, 'gpt-4o': { input: 0, output: 1_000 } }
    const models = createFakeModels()
    const { outcome, messages } = await runJob(makeJob({}, { prices, budgetUsd: 1 }), models)

    expect(outcome.status).toBe('failed')
    expect(models.ofKind('prose')).toHaveLength(0)
    expect(models.ofKind('segment_plan')).toHaveLength(1)
    const [failed] = messagesOf(messages, 'failed')
    expect(failed?.error).toEqual({
      kind: 'budget',
      message: expect.stringMatching(
        /^The job budget of \$1\.00 would be exceeded by the next call \(worst case \$2\.\d{2}\); raise the budget and resume$/,
      ),
      retryable: false,
    })
    expect(messagesOf(messages, 'result')).toHaveLength(0)
  })

  it('counts the one corrective re-ask a structured call may need in its worst case', async () => {
    // The brief call may write 2,000 tokens, $2 at these prices; with its possible re-ask
    // its worst case is $4, so $3 of budget must not let it start.
    const prices = { 'gpt-4o-mini': { input: 0, output: 1_000 }, 'gpt-4o': { input: 0, output: 0 } }
    const models = createFakeModels()
    const { messages } = await runJob(makeJob({}, { prices, budgetUsd: 3 }), models)

    expect(models.calls).toHaveLength(0)
    expect(messagesOf(messages, 'failed')[0]?.error.message).toMatch(/worst case \$4\.\d{2}/)
  })

  it('counts what the ledger already holds for the job', async () => {
    const models = createFakeModels()
    const { messages } = await runJob(makeJob({}, { budgetUsd: 2, spentUsd: 2 }), models)

    expect(models.calls).toHaveLength(0)
    expect(messagesOf(messages, 'failed')[0]?.error.kind).toBe('budget')
  })

  it('books every call in the usage records and stops once they add up to the budget', async () => {
    const models = createFakeModels()
    const { messages } = await runJob(makeJob({}, { budgetUsd: 0.01 }), models)

    const spent = messagesOf(messages, 'usage').reduce((sum, m) => sum + m.usage.costUsd, 0)
    expect(spent).toBeLessThanOrEqual(0.01)
    expect(messagesOf(messages, 'usage')).toHaveLength(models.calls.length)
    expect(messagesOf(messages, 'failed')[0]?.error.kind).toBe('budget')
  })

  it('refuses a call whose real prompt would take the job past its budget, unsent', async () => {
    // Polish runs about 3.5 characters a token. At $1,000 a million prompt tokens, a budget
    // worth the prompt at 3.75 characters a token is less than the call really costs, though
    // four characters a token would have let it through.
    const checkpoints = await plannedCheckpoints()
    const probe = createFakeModels()
    await runJob(makeJob({}, { checkpoints }), probe)
    const prose = probe.ofKind('prose')[0]!
    const prices = { 'gpt-4o-mini': { input: 0, output: 0 }, 'gpt-4o': { input: 1_000, output: 0 } }
    const budgetUsd = (promptChars(prose) / 3.75) * 0.001
    expect((promptChars(prose) / 3.5) * 0.001).toBeGreaterThan(budgetUsd)

    const models = createFakeModels()
    const { messages } = await runJob(makeJob({}, { checkpoints, prices, budgetUsd }), models)

    expect(models.ofKind('prose')).toHaveLength(0)
    expect(messagesOf(messages, 'failed')[0]?.error.kind).toBe('budget')
  })

  it('counts the JSON schema a structured call sends as part of its prompt', async () => {
    // The brief call is asked at most twice; with its prompt alone it would fit this budget,
    // with the schema it sends as response_format it does not.
    const probe = createFakeModels()
    await runJob(makeJob(), probe)
    const brief = probe.calls[0]!
    const schemaChars = JSON.stringify(toStrictJsonSchema(brief.request.structured!.schema)).length
    const prices = { 'gpt-4o-mini': { input: 1_000, output: 0 }, 'gpt-4o': { input: 0, output: 0 } }
    const budgetUsd = 2 * ((promptChars(brief) + schemaChars / 2) / 3) * 0.001

    const models = createFakeModels()
    const { messages } = await runJob(makeJob({}, { prices, budgetUsd }), models)

    expect(models.calls).toHaveLength(0)
    expect(messagesOf(messages, 'failed')[0]?.error.kind).toBe('budget')
  })

  it('says once in the log that a model without a price is charged as the dearest', async () => {
    const unknown = { provider: 'anthropic' as const, model: 'claude-unlisted-budget-test' }
    const stageModels = Object.fromEntries(
      Object.keys(makeJob().stageModels).map((stage) => [stage, unknown]),
    ) as ReturnType<typeof makeJob>['stageModels']
    const models = createFakeModels()

    const { outcome, messages } = await runJob(makeJob({}, { stageModels }), models)

    expect(outcome.status).toBe('completed')
    expect(models.calls.length).toBeGreaterThan(5)
    const warnings = messagesOf(messages, 'log').filter((m) => m.msg.includes(unknown.model))
    expect(warnings).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: expect.stringMatching(
          /not in the price table.*dearest anthropic model \(\$15 in, \$75 out/,
        ),
      }),
    ])
    const usage = messagesOf(messages, 'usage')
    expect(usage[0]?.usage.costUsd).toBeGreaterThan(0)
  })
})
