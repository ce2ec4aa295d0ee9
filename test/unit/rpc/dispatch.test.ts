import { describe, expect, it } from 'vitest'
import { MAX_CALL_BYTES, METHOD_NAMES, type StationHandlers } from '../../../src/shared/contract'
import { AppFailure } from '../../../src/main/errors'
import { createDispatcher } from '../../../src/main/rpc/dispatch'

function fakeHandlers(calls: unknown[]): StationHandlers {
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      (input: unknown) => {
        calls.push([m, input])
        return { method: m }
      }
    ])
  ) as unknown as StationHandlers
  return handlers
}

const logger = { error: () => {} }

describe('the main-side boundary', () => {
  it('passes a valid call to its handler', async () => {
    const calls: unknown[] = []
    const dispatch = createDispatcher(fakeHandlers(calls), logger)
    expect(await dispatch('settings.update', { stationName: 'Dock 4' })).toEqual({ ok: true, value: { method: 'settings.update' } })
    expect(calls).toEqual([['settings.update', { stationName: 'Dock 4' }]])
  })

  it.each([
    ['no.such.method', {}, 'unknown_method'],
    ['__proto__', {}, 'unknown_method'],
    ['constructor', {}, 'unknown_method'],
    [42, {}, 'unknown_method'],
    ['settings.update', { stationName: 42 }, 'invalid_input'],
    ['settings.update', { stationName: '' }, 'invalid_input'],
    ['settings.update', { language: 'fr' }, 'invalid_input'],
    ['settings.update', { unknownKey: 1 }, 'invalid_input'],
    ['settings.update', 'not an object', 'invalid_input'],
    ['session.signIn', { operatorId: 1, pin: '12' }, 'invalid_input'],
    ['session.signIn', { badge: 'x'.repeat(129) }, 'invalid_input'],
    ['station.info', { extra: true }, 'invalid_input']
  ])('refuses %j with %j as %s and calls nothing', async (method, input, code) => {
    const calls: unknown[] = []
    const result = await createDispatcher(fakeHandlers(calls), logger)(method, input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe(code)
      expect(result.error.message.length).toBeGreaterThan(10)
    }
    expect(calls).toEqual([])
  })

  it('names the field that is wrong', async () => {
    const result = await createDispatcher(fakeHandlers([]), logger)('settings.update', { dock: 7 })
    expect(!result.ok && result.error.message).toMatch(/at "dock"/)
  })

  it('refuses an oversized call before parsing it', async () => {
    const calls: unknown[] = []
    const result = await createDispatcher(fakeHandlers(calls), logger)('settings.update', { stationName: 'x' }, MAX_CALL_BYTES + 1)
    expect(!result.ok && result.error.code).toBe('payload_too_large')
    expect(calls).toEqual([])
  })

  it('turns a service failure into its typed error and a bug into "internal"', async () => {
    const handlers = fakeHandlers([])
    handlers['session.signOut'] = () => {
      throw new AppFailure('auth.expired', 'Session expired.')
    }
    handlers['sync.status'] = () => {
      throw new TypeError('boom')
    }
    const dispatch = createDispatcher(handlers, logger)
    expect(await dispatch('session.signOut', {})).toEqual({ ok: false, error: { code: 'auth.expired', message: 'Session expired.' } })
    const bug = await dispatch('sync.status', {})
    expect(!bug.ok && bug.error.code).toBe('internal')
  })
})
