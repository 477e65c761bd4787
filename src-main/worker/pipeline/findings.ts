import { z } from 'zod'

export const SEVERITIES = ['minor', 'major', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

/** One problem a reviewer found; `segment` is null when it concerns the whole work. */
export function issueSchema<const C extends readonly [string, ...string[]]>(categories: C) {
  return z.object({
    severity: z.enum(SEVERITIES),
    segment: z.number().int().min(1).nullable(),
    category: z.enum(categories),
    description: z.string(),
    suggestion: z.string(),
  })
}

/** What both reviews share once merged, so rewrite selection and output work on either. */
export const FindingsSchema = z.object({
  /** 0 (unpublishable) to 1 (flawless). */
  score: z.number(),
  summary: z.string(),
  strengths: z.array(z.string()),
  issues: z.array(issueSchema(['other']).extend({ category: z.string() })),
})
export type Findings = z.infer<typeof FindingsSchema>
export type Issue = Findings['issues'][number]

/** A segment picked for the rewrite pass, with the issues the rewrite must fix. */
export interface RewriteTarget {
  segment: number
  issues: Issue[]
}

const MAX_STRENGTHS = 8

/**
 * Combines the findings of several review windows: the score weighted by the words each
 * window covered, issues kept whole, and issue segments outside their window's segments
 * cleared to null (a reviewer can only judge what it was shown).
 */
export function mergeFindings<F extends Findings>(
  parts: { findings: F; words: number; segments: number[] }[],
): Findings {
  const totalWords = parts.reduce((sum, p) => sum + p.words, 0) || 1
  const score = parts.reduce((sum, p) => sum + p.findings.score * p.words, 0) / totalWords
  const issues = parts.flatMap(({ findings, segments }) =>
    findings.issues.map((issue) => ({
      ...issue,
      segment: issue.segment !== null && segments.includes(issue.segment) ? issue.segment : null,
    })),
  )
  return {
    score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
    summary: parts.map((p) => p.findings.summary).join('\n\n'),
    strengths: [...new Set(parts.flatMap((p) => p.findings.strengths))].slice(0, MAX_STRENGTHS),
    issues,
  }
}

/**
 * How many segments the one rewrite pass may touch: a fifth of the work, at least one and
 * at most three, so fixing findings costs a bounded slice of the job.
 */
export function rewriteLimit(segmentCount: number): number {
  return Math.max(1, Math.min(3, Math.ceil(segmentCount * 0.2)))
}

/**
 * Picks the segments worth rewriting: those with critical or major issues, critical first,
 * coherence before editorial findings, then the most issues, then story order.
 */
export function selectRewrites(
  coherence: Findings,
  editorial: Findings,
  segmentCount: number,
): RewriteTarget[] {
  const serious = (issue: Issue) => issue.severity !== 'minor' && issue.segment !== null
  const flagged = new Map<number, { issues: Issue[]; critical: boolean; coherence: boolean }>()
  for (const [source, findings] of [
    ['coherence', coherence],
    ['editorial', editorial],
  ] as const) {
    for (const issue of findings.issues.filter(serious)) {
      const segment = issue.segment as number
      if (segment > segmentCount) continue
      const entry = flagged.get(segment) ?? { issues: [], critical: false, coherence: false }
      entry.issues.push(issue)
      entry.critical ||= issue.severity === 'critical'
      entry.coherence ||= source === 'coherence'
      flagged.set(segment, entry)
    }
  }

  return [...flagged.entries()]
    .sort(
      ([a, x], [b, y]) =>
        Number(y.critical) - Number(x.critical) ||
        Number(y.coherence) - Number(x.coherence) ||
        y.issues.length - x.issues.length ||
        a - b,
    )
    .slice(0, rewriteLimit(segmentCount))
    .map(([segment, { issues }]) => ({ segment, issues }))
}
