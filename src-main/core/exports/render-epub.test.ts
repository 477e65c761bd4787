import { spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { exportNarrative } from './export-narrative'
import { buildEnglishNarrative, buildPolishNarrative } from './narrative-fixtures'
import type { ExportableNarrative } from './types'

const EPUBCHECK_PATH = '/usr/bin/epubcheck'
const EPUBCHECK = findEpubcheck()
const workFolder = mkdtempSync(join(tmpdir(), 'narraforge-epub-'))

afterAll(() => rmSync(workFolder, { recursive: true, force: true }))

async function openEpub(narrative: ExportableNarrative) {
  const file = await exportNarrative(narrative, 'epub')
  const zip = await JSZip.loadAsync(file.body)
  const read = async (path: string) => {
    const entry = zip.file(path)
    if (!entry) throw new Error(`${path} is missing from the epub`)
    return entry.async('string')
  }
  return { file, zip, read }
}

describe('epub export', () => {
  it.skipIf(!EPUBCHECK).each([
    ['Polish', buildPolishNarrative()],
    ['English', buildEnglishNarrative()],
  ])(
    'passes epubcheck with no errors and no warnings for the %s narrative (skipped without epubcheck)',
    async (_, narrative) => {
      const { file } = await openEpub(narrative)
      const path = join(workFolder, file.fileName)
      writeFileSync(path, file.body)

      const [command, ...args] = EPUBCHECK ?? []
      const result = spawnSync(command ?? 'epubcheck', [...args, path], { encoding: 'utf8' })
      const output = `${result.stdout}\n${result.stderr}`

      expect(result.error).toBeUndefined()
      expect(output).not.toMatch(/ERROR|WARNING|FATAL/)
      expect(result.status, output).toBe(0)
    },
    60_000,
  )

  it('stores the mimetype entry first, uncompressed and without extra fields', async () => {
    const { file } = await openEpub(buildPolishNarrative())
    const view = new DataView(file.body.buffer, file.body.byteOffset, file.body.byteLength)
    const nameLength = view.getUint16(26, true)
    const extraLength = view.getUint16(28, true)
    const decode = (from: number, to: number) =>
      new TextDecoder().decode(file.body.subarray(from, to))

    expect(view.getUint32(0, true)).toBe(0x04034b50)
    expect(view.getUint16(8, true)).toBe(0)
    expect(decode(30, 30 + nameLength)).toBe('mimetype')
    expect(extraLength).toBe(0)
    expect(decode(30 + nameLength, 30 + nameLength + 20)).toBe('application/epub+zip')
  })

  it('describes the book in its package document', async () => {
    const { read } = await openEpub(buildPolishNarrative())
    const opf = await read('EPUB/package.opf')

    expect(opf).toContain('urn:uuid:3f6c2a9e-1b7d-4c5e-8f00-9a1b2c3d4e5f</dc:identifier>')
    expect(opf).toContain('<dc:title>Ciemna noc nad Łodzią</dc:title>')
    expect(opf).toContain('<dc:language>pl</dc:language>')
    expect(opf).toContain('<meta property="dcterms:modified">2024-03-02T18:30:45Z</meta>')
    expect(opf).toContain('href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"')
  })

  it('derives a stable UUID identifier from an id that is not one', async () => {
    const identifierOf = async () => {
      const opf = await (await openEpub(buildEnglishNarrative())).read('EPUB/package.opf')
      return opf.match(/<dc:identifier id="book-id">urn:uuid:([^<]+)</)?.[1]
    }

    const identifier = await identifierOf()

    expect(identifier).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(await identifierOf()).toBe(identifier)
  })

  it('lists every chapter in the navigation document and escapes the text', async () => {
    const { read } = await openEpub(buildEnglishNarrative())

    const nav = await read('EPUB/nav.xhtml')
    expect(nav).toContain('<nav epub:type="toc" id="toc">')
    expect(nav).toContain('<li><a href="chapter-001.xhtml">Arrival</a></li>')
    expect(nav).toContain('<li><a href="chapter-002.xhtml">Storm &lt;Part II&gt;</a></li>')

    const chapter = await read('EPUB/chapter-002.xhtml')
    expect(chapter).toMatch(
      /^<\?xml [^>]+>\n<!DOCTYPE html>\n<html xmlns="http:\/\/www.w3.org\/1999\/xhtml"/,
    )
    expect(chapter).toContain('xml:lang="en" lang="en"')
    expect(chapter).toContain('<p>Tom said, &quot;We wait for morning.&quot;</p>')
    expect(chapter).toContain('<p>The sea answered with thunder &amp; rain.</p>')
  })
})

/**
 * How to run epubcheck here, or null when it is not installed. Debian installs
 * /usr/bin/epubcheck as a link to the jar itself, which only runs directly where binfmt_misc
 * knows jars (the jarwrapper package); elsewhere it is started with `java -jar`.
 */
function findEpubcheck(): string[] | null {
  if (!existsSync(EPUBCHECK_PATH)) return null

  const direct = spawnSync('epubcheck', ['--version'], { encoding: 'utf8' })
  if (direct.status === 0 && /EPUBCheck/i.test(direct.stdout)) return ['epubcheck']

  const isJar = readFirstBytes(EPUBCHECK_PATH, 2) === 'PK'
  const hasJava = spawnSync('java', ['-version']).status === 0
  return isJar && hasJava ? ['java', '-jar', EPUBCHECK_PATH] : null
}

function readFirstBytes(path: string, count: number): string {
  const descriptor = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(count)
    readSync(descriptor, buffer, 0, count, 0)
    return buffer.toString('latin1')
  } finally {
    closeSync(descriptor)
  }
}
