import { describe, expect, it } from 'vitest'
import { statusAfter } from '../../../src/server/sync/projection'

describe('the upstream registry follows forced receipts and hold releases (ADR 0019)', () => {
  it('takes the status an event names in its payload', () => {
    expect(statusAfter({ type: 'unit.received', payload: { forced: { reason: 'r', refusals: ['receiving.lot_recalled'] }, status: 'quarantined' } })).toBe('quarantined')
    expect(statusAfter({ type: 'unit.received', payload: {} })).toBe('received')
    expect(statusAfter({ type: 'unit.hold_released', payload: { from: 'quarantined', to: 'stored' } })).toBe('stored')
    expect(statusAfter({ type: 'unit.taken_out', payload: {} })).toBeNull()
  })
})
