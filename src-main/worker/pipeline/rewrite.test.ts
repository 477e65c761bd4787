import { describe, expect, it } from 'vitest'
import { rewriteLimit, selectRewrites, type Findings, type Issue } from './findings'
import { createFakeModels, makeJob, messagesOf, proseWords, runJob } from './pipeline-test-kit'

const issue = (segment: number | null, severity: Issue['severity']): Issue => ({
  severity,
  segment,
  category: 'continuity',
  description: `Problem in ${segment}`,
  suggestion: 'Fix it',
})
const findings = (issues: Issue[], score = 0.6) => ({ score, summary: 's', strengths: [], issues })
const clean: Findings = findings([], 0.9)

describe('the rewrite pass after review', () => {
  it('rewrites a segment the coherence check flags, once, and reviews nothing again', async () => {
    const models = createFakeModels({
      coherence_findings: [{ value: findings([issue(2, 'critical')]) }],
    })
    const { messages } = await runJob(makeJob(), models)

    const rewrites = models.ofKind('rewrite')
    expect(rewrites).toHaveLength(1)
    expect(rewrites[0]?.request.prompt).toContain('Plan of segment 2')
    expect(rewrites[0]?.request.prompt).toContain('[critical, continuity] Problem in 2')
    expect(rewrites[0]?.request.model).toBe('gpt-4o')
    expect(models.ofKind('coherence_findings')).toHaveLength(1)
    expect(models.ofKind('editorial_findings')).toHaveLength(1)

    const [result] = messagesOf(messages, 'result')
    expect(result?.narrative.text).toMatch(/^rewrite2/m)
    expect(result?.narrative.text).not.toMatch(/^stylization2/m)
    expect(result?.narrative.quality.rewrites).toEqual([
      expect.objectContaining({ segment: 2, applied: true }),
    ])
  })

  it('rewrites no more segments than the limit, most serious first', async () => {
    const models = createFakeModels({
      coherence_findings: [{ value: findings([issue(1, 'major'), issue(3, 'critical')]) }],
      editorial_findings: [
        { value: { ...findings([issue(2, 'major')]), ready_for_publication: false } },
      ],
    })
    await runJob(makeJob(), models)

    const rewritten = models
      .ofKind('rewrite')
      .map((c) => /Plan of segment (\d+)/.exec(c.request.prompt)?.[1])
    expect(rewriteLimit(3)).toBe(1)
    expect(rewritten).toEqual(['3'])
  })

  it('keeps the polished segment when the revision comes back cut short', async () => {
    const models = createFakeModels({
      coherence_findings: [{ value: findings([issue(1, 'major')]) }],
      rewrite: [{ text: proseWords(50, 'stub') }],
    })
    const { messages } = await runJob(makeJob(), models)

    const [result] = messagesOf(messages, 'result')
    expect(result?.narrative.text).toMatch(/^stylization1/)
    expect(result?.narrative.quality.warnings).toContain(
      'Segment 1: the revision was incomplete, the segment was kept',
    )
  })

  it('ignores minor issues and issues that name no segment', () => {
    const picked = selectRewrites(findings([issue(1, 'minor'), issue(null, 'critical')]), clean, 5)
    expect(picked).toEqual([])
  })

  it('allows a fifth of the segments, at least one and at most three', () => {
    expect([1, 5, 8, 11, 60].map(rewriteLimit)).toEqual([1, 1, 2, 3, 3])
  })
})
