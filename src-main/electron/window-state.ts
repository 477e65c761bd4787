import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

/** A rectangle in screen coordinates, as Electron's `Display.workArea` gives it. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof WindowStateSchema>

export const WINDOW_STATE_FILE = 'window-state.json'
export const MIN_WINDOW = { width: 1024, height: 640 }
export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 840, maximized: false }
/** How much of the window must lie on a display for it to count as visible: enough to grab. */
const GRAB_MARGIN = { width: 120, height: 40 }

/** The remembered state, or the default when the file is missing or unreadable. */
export function loadWindowState(file: string): WindowState {
  if (!existsSync(file)) return DEFAULT_WINDOW
  try {
    return WindowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    // A damaged state file only costs the writer their window position.
    return DEFAULT_WINDOW
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const partial = `${file}.partial`
  writeFileSync(partial, JSON.stringify(state))
  renameSync(partial, file)
}

/**
 * Fits a remembered window onto the displays attached now: no larger than the display it is
 * on, pulled fully onto it when it hangs over an edge, and centred on the primary display
 * (the first work area) when its display is gone, for example an unplugged monitor.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const primary = workAreas[0]
  if (!primary) return state
  if (state.x === undefined || state.y === undefined)
    return { ...state, ...fitSize(state, primary) }

  const placed = { x: state.x, y: state.y, width: state.width, height: state.height }
  const home = workAreas
    .map((area) => ({ area, overlap: overlap(placed, area) }))
    .filter(
      ({ overlap }) => overlap.width >= GRAB_MARGIN.width && overlap.height >= GRAB_MARGIN.height,
    )
    .sort(
      (a, b) => b.overlap.width * b.overlap.height - a.overlap.width * a.overlap.height,
    )[0]?.area

  const display = home ?? primary
  const size = fitSize(state, display)
  if (!home) {
    return {
      ...state,
      ...size,
      x: display.x + Math.round((display.width - size.width) / 2),
      y: display.y + Math.round((display.height - size.height) / 2),
    }
  }
  return {
    ...state,
    ...size,
    x: clamp(state.x, display.x, display.x + display.width - size.width),
    y: clamp(state.y, display.y, display.y + display.height - size.height),
  }
}

function fitSize(state: WindowState, display: Rect): { width: number; height: number } {
  return {
    width: Math.min(state.width, display.width),
    height: Math.min(state.height, display.height),
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(width, 0), height: Math.max(height, 0) }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}
