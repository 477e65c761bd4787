import { describe, expect, it } from 'vitest'
import { en } from './en'
import { messageKeys } from './message-tree'
import { pl } from './pl'

describe('interface text', () => {
  it('has every English key in Polish and nothing extra', () => {
    const english = [...messageKeys(en)].sort()
    const polish = [...messageKeys(pl)].sort()
    expect(polish).toEqual(english)
  })

  it('gives Polish plurals all four forms', () => {
    const missing: string[] = []
    const walk = (tree: Record<string, unknown>, path: string) => {
      for (const [key, value] of Object.entries(tree)) {
        if (typeof value === 'object' && value)
          walk(value as Record<string, unknown>, `${path}${key}.`)
        else if (key.endsWith('_one')) {
          const base = key.slice(0, -4)
          for (const form of ['few', 'many', 'other']) {
            if (!(`${base}_${form}` in tree)) missing.push(`${path}${base}_${form}`)
          }
        }
      }
    }
    walk(pl, '')
    expect(missing).toEqual([])
  })

  it('writes Polish with its own letters', () => {
    expect(JSON.stringify(pl)).toMatch(/[ąćęłńóśźż]/)
    expect(pl.auth.signIn).toBe('Zaloguj się')
    expect(pl.nav.newWork).toBe('Nowy utwór')
  })
})
