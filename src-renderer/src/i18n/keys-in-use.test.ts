import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from './en'
import { messageKeys } from './message-tree'

const SOURCE = join(import.meta.dirname, '..')
/** `t('a.b')`, and keys handed over as data: `key: 'a.b'`, `messageKey`, `successKey`. */
const KEY_PATTERNS = [
  /\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9_-]+)+)'/g,
  /\b(?:key|messageKey|successKey): '([a-zA-Z]+(?:\.[a-zA-Z0-9_-]+)+)'/g,
  /\? '([a-z][a-zA-Z]*\.[a-zA-Z.]+)' : '([a-z][a-zA-Z]*\.[a-zA-Z.]+)'/g,
]

describe('interface text in use', () => {
  it('has an English entry for every key the code names literally', () => {
    const known = messageKeys(en)
    const missing = new Set<string>()
    for (const file of sourceFiles(SOURCE)) {
      const text = readFileSync(file, 'utf8')
      for (const pattern of KEY_PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          for (const key of match.slice(1)) if (key && !known.has(key)) missing.add(key)
        }
      }
    }
    expect([...missing]).toEqual([])
  })
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}
