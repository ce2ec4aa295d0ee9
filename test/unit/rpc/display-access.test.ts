import { describe, expect, it } from 'vitest'
import { accessOf, DISPLAY_ACCESS, DISPLAY_EVENTS, DISPLAY_READABLE } from '../../../src/shared/access'
import { METHOD_NAMES } from '../../../src/shared/contract'
import { EVENT_NAMES } from '../../../src/shared/contract-channels'
import { createAuthorizer } from '../../../src/main/rpc/authorize'
import type { EventLog } from '../../../src/main/store/event-log'

/** A verb in a method's name that says it changes something: never readable by a display. */
const CHANGING = /\.(submit|set|update|create|add|remove|delete|revoke|start|end|reset|confirm|hold|enqueue|batch|reprint|resolve|move|cancel|run|import|sign|open|leave|close|undo|exception|new|assign|discover|simulate|test|backup|export|preview|print|sync|choose|poll|report)/i

describe('the display role (ADR 0018)', () => {
  it('classifies every contract method, and no more', () => {
    expect(Object.keys(DISPLAY_ACCESS).sort()).toEqual([...METHOD_NAMES].sort())
    for (const method of METHOD_NAMES) expect(['read', 'refused'], method).toContain(DISPLAY_ACCESS[method])
  })

  it('reads only: no method whose name says it changes something, and nothing an operator could not read', () => {
    for (const method of DISPLAY_READABLE) {
      expect(method, `${method} looks state-changing`).not.toMatch(CHANGING)
      expect(['public', 'operator'], `${method} needs more than an operator`).toContain(accessOf(method))
    }
    expect([...DISPLAY_READABLE]).toEqual(expect.arrayContaining(['gate.state', 'receiving.state', 'receiving.orders', 'displays.self']))
  })

  it('pushes a display only events its screens show', () => {
    for (const event of DISPLAY_EVENTS) expect(EVENT_NAMES).toContain(event)
    for (const hidden of ['scans.result', 'operators.changed', 'displays.changed', 'imports.progress', 'print.changed'] as const) expect(DISPLAY_EVENTS.has(hidden)).toBe(false)
  })

  it('the authorizer refuses every other method for a display, even on a terminal where an administrator is signed in', () => {
    const appended: unknown[] = []
    let touched = 0
    const authorize = createAuthorizer({
      roleOn: () => (touched++, 'administrator'),
      operatorOn: () => 3,
      displayActive: (id) => id === 1,
      eventLog: { append: (e: unknown) => appended.push(e) } as unknown as EventLog,
      now: () => new Date()
    })
    for (const method of METHOD_NAMES) {
      const refused = authorize(method, { terminalId: 'door-1', host: 'ws', displayId: 1 })
      if (DISPLAY_ACCESS[method] === 'read') expect(refused, method).toBeNull()
      else expect(refused?.code, method).toBe('displays.read_only')
    }
    expect(touched).toBe(0)
    expect(authorize('gate.state', { terminalId: 'door-1', host: 'ws', displayId: 2 })?.code).toBe('displays.revoked')
    expect(appended.length).toBeGreaterThan(0)
  })
})
