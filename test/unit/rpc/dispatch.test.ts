import { describe, expect, it } from 'vitest'
import { MAX_CALL_BYTES, METHOD_NAMES, type CallContext, type StationHandlers } from '../../../src/shared/contract'
import { english } from '../../../src/shared/messages/catalog'
import { AppFailure } from '../../../src/main/errors'
import { createDispatcher } from '../../../src/main/rpc/dispatch'

const ctx: CallContext = { terminalId: 'door-5', host: 'ws' }

function fakeHandlers(calls: unknown[]): StationHandlers {
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      (input: unknown, context: CallContext) => {
        calls.push([m, input, context.terminalId])
        return { method: m }
      }
    ])
  ) as unknown as StationHandlers
  return handlers
}

const logger = { error: () => {} }

describe('the main-side boundary', () => {
  it('passes a valid call to its handler, with the calling terminal', async () => {
    const calls: unknown[] = []
    const dispatch = createDispatcher(fakeHandlers(calls), logger)
    expect(await dispatch('settings.update', { stationName: 'Dock 4' }, ctx)).toEqual({ ok: true, value: { method: 'settings.update' } })
    expect(calls).toEqual([['settings.update', { stationName: 'Dock 4' }, 'door-5']])
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
    const result = await createDispatcher(fakeHandlers(calls), logger)(method, input, ctx)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe(code)
      expect(result.error.message).toBe(english(result.error))
    }
    expect(calls).toEqual([])
  })

  it('names the field that is wrong', async () => {
    const result = await createDispatcher(fakeHandlers([]), logger)('settings.update', { dock: 7 }, ctx)
    expect(!result.ok && result.error.params).toMatchObject({ method: 'settings.update', path: 'dock' })
  })

  it('refuses an oversized call before parsing it', async () => {
    const calls: unknown[] = []
    const result = await createDispatcher(fakeHandlers(calls), logger)('settings.update', { stationName: 'x' }, ctx, MAX_CALL_BYTES + 1)
    expect(!result.ok && result.error.code).toBe('payload_too_large')
    expect(!result.ok && result.error.params).toMatchObject({ bytes: MAX_CALL_BYTES + 1, limit: MAX_CALL_BYTES })
    expect(calls).toEqual([])
  })

  it('turns a service failure into its typed error and a bug into "internal"', async () => {
    const handlers = fakeHandlers([])
    handlers['session.signOut'] = () => {
      throw new AppFailure('busy', { what: 'The printer' }, { printer: 'zebra-1' })
    }
    handlers['sync.status'] = () => {
      throw new TypeError('boom')
    }
    const dispatch = createDispatcher(handlers, logger)
    expect(await dispatch('session.signOut', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'busy', message: english({ code: 'busy', params: { what: 'The printer' } }), params: { what: 'The printer' }, details: { printer: 'zebra-1' } }
    })
    const bug = await dispatch('sync.status', {}, ctx)
    expect(!bug.ok && bug.error.code).toBe('internal')
    expect(!bug.ok && bug.error.params).toMatchObject({ method: 'sync.status', detail: 'boom' })
  })
})
