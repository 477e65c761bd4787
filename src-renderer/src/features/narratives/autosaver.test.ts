import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAutosaver, type SaveState } from './autosaver'

function setup(save: (value: string) => Promise<number>) {
  const states: SaveState['kind'][] = []
  const saver = createAutosaver<string>({
    delayMs: 1_500,
    save,
    isConflict: (error) => error === 'conflict',
    onState: (state) => states.push(state.kind),
  })
  return { saver, states }
}

describe('autosaver', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once typing has paused for the delay', async () => {
    const save = vi.fn(async (_value: string) => 2)
    const { saver, states } = setup(save)

    saver.change('a')
    await vi.advanceTimersByTimeAsync(1_000)
    saver.change('ab')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(save).not.toHaveBeenCalled()

    await vi.advanceTimersByTimeAsync(600)
    expect(save).toHaveBeenCalledOnce()
    expect(save).toHaveBeenCalledWith('ab')
    expect(states.at(-1)).toBe('saved')
  })

  it('saves edits made during a save right after it', async () => {
    let finish: (version: number) => void = () => {}
    const save = vi.fn((_value: string) => new Promise<number>((resolve) => (finish = resolve)))
    const { saver } = setup(save)

    saver.change('first')
    await vi.advanceTimersByTimeAsync(1_500)
    saver.change('second')
    finish(2)
    await vi.advanceTimersByTimeAsync(1_500)
    expect(save.mock.calls.map((call) => call[0])).toEqual(['first', 'second'])
  })

  it('stops on a conflict until retried', async () => {
    const save = vi.fn(async (_value: string): Promise<number> => Promise.reject('conflict'))
    const { saver, states } = setup(save)

    saver.change('mine')
    await vi.advanceTimersByTimeAsync(1_500)
    saver.change('more')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(save).toHaveBeenCalledOnce()
    expect(states.at(-1)).toBe('conflict')

    save.mockImplementation(async () => 5)
    await saver.retry()
    expect(save).toHaveBeenLastCalledWith('more')
    expect(states.at(-1)).toBe('saved')
  })

  it('flushes at once, for leaving the editor', async () => {
    const save = vi.fn(async (_value: string) => 3)
    const { saver } = setup(save)

    saver.change('unsaved')
    await saver.flush()
    expect(save).toHaveBeenCalledWith('unsaved')
    expect(saver.dirty).toBe(false)
  })
})
