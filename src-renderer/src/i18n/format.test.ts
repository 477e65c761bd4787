import { describe, expect, it } from 'vitest'
import { createFormatters, formatBytes, formatDuration } from './format'

describe('formatters', () => {
  it('shows sub-cent costs with four digits and sums with cents', () => {
    const f = createFormatters('en')
    expect(f.usd(0.00123)).toBe('$0.0012')
    expect(f.usd(12.5)).toBe('$12.50')
    expect(f.usd(0)).toBe('$0.00')
  })

  it('writes durations roughly', () => {
    expect(formatDuration(42, 'en-US')).toBe('42 sec')
    expect(formatDuration(600, 'en-US')).toBe('10 min')
    expect(formatDuration(7_500, 'en-US')).toBe('2 hr 5 min')
  })

  it('scales byte sizes', () => {
    expect(formatBytes(512, 'en-US')).toBe('512 B')
    expect(formatBytes(5 * 1024 * 1024, 'en-US')).toBe('5 MB')
  })
})
