import { describe, expect, it } from 'vitest'
import { SHELL_TEXT, shellLanguageOf } from './shell-text'

describe('shell text', () => {
  it('follows a Polish system locale and falls back to English for the rest', () => {
    expect(['pl', 'pl-PL', 'PL_pl'].map(shellLanguageOf)).toEqual(['pl', 'pl', 'pl'])
    expect(['en-US', 'de', 'plx', ''].map(shellLanguageOf)).toEqual(['en', 'en', 'en', 'en'])
  })

  it('says where the previous database went, or that there was none', () => {
    expect(SHELL_TEXT.en.recoveryResult.startedFresh(null)).toBe(
      'There was no database to move aside. Restarting with an empty library…',
    )
    expect(SHELL_TEXT.pl.recoveryResult.restored('a.tar.gz', '/d/replaced/db-1')).toBe(
      'Przywrócono a.tar.gz. Poprzednia baza danych jest w /d/replaced/db-1. ' +
        'NarraForge uruchomi się ponownie…',
    )
  })
})
