import { describe, expect, it } from 'vitest'
import { until, untilValue } from '../helpers/wait'

describe('the wait helper', () => {
  it('resolves as soon as the condition holds, sync or async', async () => {
    let n = 0
    await until(() => ++n >= 3, { what: 'three polls', intervalMs: 1 })
    expect(n).toBe(3)
    await until(async () => Promise.resolve(true))
    expect(await untilValue(() => (n++ > 4 ? 'ready' : undefined), { intervalMs: 1 })).toBe('ready')
  })

  it('times out naming what it waited for, and the last error of a throwing check', async () => {
    await expect(until(() => false, { timeoutMs: 20, what: 'the printer to come back' })).rejects.toThrow(/Timed out after 20 ms waiting for the printer to come back/)
    await expect(
      until(
        () => {
          throw new Error('not yet: 2 of 3')
        },
        { timeoutMs: 20, what: 'three scans' }
      )
    ).rejects.toThrow(/three scans \(last check threw: not yet: 2 of 3\)/)
  })
})
