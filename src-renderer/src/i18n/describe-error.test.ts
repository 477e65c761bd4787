import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../api/api-error'
import { describeError, describeFieldError } from './describe-error'
import { en } from './en'
import { pl } from './pl'

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: 'pl',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
})
const t = () => i18n.getFixedT('pl')

describe('server failures in the writer’s language', () => {
  it('words a refusal in Polish and quotes what the server named', () => {
    const refusal = new ApiError({
      status: 403,
      type: 'forbidden',
      detail: 'Backups are managed on the machine that holds the data, not over a shared server',
    })
    const text = describeError(refusal, t())
    expect(text.startsWith(pl.errors.forbidden)).toBe(true)
    expect(text).toContain('Backups are managed')
  })

  it('never hands back the bare English detail, even for a kind it does not know', () => {
    const odd = new ApiError({ status: 418, type: 'teapot', detail: 'I am a teapot' })
    expect(describeError(odd, t())).not.toBe('I am a teapot')
    expect(describeError(odd, t())).toContain(pl.errors.unexpected)
  })

  it('states a refused field’s rule in the form’s words, and nothing for fields it passed', () => {
    const invalid = new ApiError({
      status: 422,
      type: 'validation',
      detail: 'Invalid json: email: Enter a valid email address',
      fieldErrors: [{ field: 'email', message: 'Enter a valid email address' }],
    })
    expect(describeFieldError(invalid, 'email', t(), 'auth.emailInvalid')).toBe(
      pl.auth.emailInvalid,
    )
    expect(describeFieldError(invalid, 'password', t(), 'auth.passwordWeak')).toBeUndefined()
  })
})
