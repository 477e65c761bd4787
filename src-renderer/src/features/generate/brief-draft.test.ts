import { describe, expect, it } from 'vitest'
import { BriefSchema } from '@shared/contracts/jobs'
import { changeForm, defaultDraft, serverIssueFor, validateBrief } from './brief-draft'

const complete = {
  ...defaultDraft(),
  title: 'Złota godzina',
  premise: 'A lighthouse keeper finds a letter addressed to her future self.',
}

describe('brief draft', () => {
  it('produces a brief the API contract accepts', () => {
    const { issues, brief } = validateBrief(complete)
    expect(issues).toEqual({})
    expect(BriefSchema.safeParse(brief).success).toBe(true)
  })

  it('refuses a target length outside the form range', () => {
    const { issues, brief } = validateBrief({ ...complete, target_words: '500' })
    expect(brief).toBeNull()
    expect(issues.target_words).toEqual({
      key: 'generate.errors.wordsRange',
      values: { min: 1_000, max: 10_000 },
    })
  })

  it('counts the premise after trimming', () => {
    const { issues } = validateBrief({ ...complete, premise: '   short    ' })
    expect(issues.premise?.key).toBe('generate.errors.premiseShort')
  })

  it('leaves the budget out when empty and checks it when given', () => {
    expect(validateBrief(complete).brief?.budget_usd).toBeUndefined()
    expect(validateBrief({ ...complete, budget_usd: '2.5' }).brief?.budget_usd).toBe(2.5)
    expect(validateBrief({ ...complete, budget_usd: '-1' }).issues.budget_usd).toBeDefined()
  })

  it('needs one to twelve main characters', () => {
    expect(
      validateBrief({ ...complete, main_characters: '13' }).issues.main_characters,
    ).toBeDefined()
    expect(
      validateBrief({ ...complete, main_characters: '1' }).issues.main_characters,
    ).toBeUndefined()
  })

  it('moves the target length when the new form cannot hold it', () => {
    expect(changeForm(complete, 'novel').target_words).toBe('80000')
    const fitting = { ...complete, target_words: '10000' }
    expect(changeForm(fitting, 'novella').target_words).toBe('10000')
  })

  it('states the rule of a field the server refused, with the limits of the chosen form', () => {
    expect(serverIssueFor('target_words', { ...complete, form: 'novel' })).toEqual({
      key: 'generate.errors.wordsRange',
      values: { min: 40000, max: 120000 },
    })
    expect(serverIssueFor('title', complete).values).toEqual({ max: 300 })
    expect(serverIssueFor('pov', complete).key).toBe('generate.errors.choiceInvalid')
  })
})
