import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../../src/shared/contract'
import { english } from '../../../src/shared/messages/catalog'
import type { Station } from '../../../src/main/station'
import { startTestStation } from '../../helpers/store'

describe('the boundary under random input', () => {
  let station: Station
  beforeAll(async () => {
    station = await startTestStation({ demo: true })
  })
  afterAll(async () => { await station.close() })

  it('always answers a typed result and never throws, whatever the method and input', async () => {
    const method = fc.oneof(fc.constantFrom(...METHOD_NAMES, '__proto__', 'toString', ''), fc.string(), fc.anything())
    await fc.assert(
      fc.asyncProperty(method, fc.anything({ withObjectString: true, withNullPrototype: true }), async (m, input) => {
        if (m === 'session.signIn') return // a random valid PIN guess costs 100 ms of scrypt: covered elsewhere
        const result = await station.dispatch(m, input)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) {
          expect(result.error.code).toMatch(/^[a-z_.]+$/)
          expect(result.error.message.length).toBeGreaterThan(0)
          // A code with parameters: its English is rebuilt from them (what the CLI and the logs print).
          if (result.error.params) expect(result.error.message).toBe(english(result.error))
          expect(result.error.code).not.toBe('internal')
        }
      }),
      { numRuns: 500 }
    )
  })

  it('a method that is an object with a toString that is not a function is unknown, not a crash (found by this fuzz)', async () => {
    for (const m of [{ toString: '' }, Object.create(null), null, 42, Symbol('x')]) {
      const result = await station.dispatch(m as never, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
  })

  it('leaves the settings valid after random settings updates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('stationName', 'site', 'dock', 'language', 'scannerIds', 'other'), fc.anything()), async (patch) => {
        await station.dispatch('settings.update', patch)
        const settings = await station.handlers['settings.get']({})
        expect(['en', 'es']).toContain(settings.language)
        expect(typeof settings.stationName).toBe('string')
        expect(Array.isArray(settings.scannerIds)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})
