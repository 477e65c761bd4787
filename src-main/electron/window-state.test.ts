import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW, fitToDisplays, loadWindowState, saveWindowState } from './window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 900 }
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('window state', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'narraforge-window-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('remembers size, position and maximised state across runs', () => {
    const file = join(dir, 'window-state.json')
    saveWindowState(file, { x: 40, y: 30, width: 1300, height: 800, maximized: true })
    expect(loadWindowState(file)).toEqual({
      x: 40,
      y: 30,
      width: 1300,
      height: 800,
      maximized: true,
    })
  })

  it('starts with the default window when the file is missing or damaged', () => {
    expect(loadWindowState(join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW)
    writeFileSync(join(dir, 'bad.json'), '{"width": -5')
    expect(loadWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW)
    writeFileSync(join(dir, 'wrong.json'), '{"width": "wide", "height": 10}')
    expect(loadWindowState(join(dir, 'wrong.json'))).toEqual(DEFAULT_WINDOW)
  })

  it('keeps a window that is where it was left', () => {
    const state = { x: 1600, y: 100, width: 1400, height: 900, maximized: false }
    expect(fitToDisplays(state, [laptop, monitorOnTheRight])).toEqual(state)
  })

  it('centres a window on the primary display when its monitor was unplugged', () => {
    const state = { x: 1600, y: 100, width: 1400, height: 800, maximized: false }
    expect(fitToDisplays(state, [laptop])).toEqual({
      x: 20,
      y: 50,
      width: 1400,
      height: 800,
      maximized: false,
    })
  })

  it('shrinks a window larger than its display and pulls a hanging edge back on screen', () => {
    const huge = { x: 10, y: 10, width: 3000, height: 2000, maximized: false }
    expect(fitToDisplays(huge, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 900,
      maximized: false,
    })

    const overTheEdge = { x: 1200, y: 700, width: 1100, height: 700, maximized: false }
    expect(fitToDisplays(overTheEdge, [laptop])).toEqual({
      x: 340,
      y: 200,
      width: 1100,
      height: 700,
      maximized: false,
    })
  })

  it('moves a window with only a sliver showing, which could not be grabbed', () => {
    const sliver = { x: 1400, y: 100, width: 1200, height: 800, maximized: false }
    expect(fitToDisplays(sliver, [laptop]).x).toBe(120)
  })

  it('only fits the size when no position was remembered', () => {
    expect(fitToDisplays({ width: 2000, height: 700, maximized: false }, [laptop])).toEqual({
      width: 1440,
      height: 700,
      maximized: false,
    })
  })
})
