import { describe, expect, it } from 'vitest'
import { createFakeModels, makeJob, messagesOf, runJob } from './pipeline-test-kit'

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
})
