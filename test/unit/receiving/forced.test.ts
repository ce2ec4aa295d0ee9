import { describe, expect, it } from 'vitest'
import { Refusal, type Call } from '../../../src/main/workflows/receiving/context'
import { forcedStatus, isForceable, refuseOrForce } from '../../../src/main/workflows/receiving/forced'

const call = (force?: Call['force']): Call => ({ terminalId: 't', operatorId: 1, ...(force ? { force } : {}) })
const refusalOf = (fn: () => void) => {
  try {
    fn()
  } catch (error) {
    if (error instanceof Refusal) return error.verdict
    throw error
  }
  return null
}

describe('forced receipts: which refusals a supervisor may lift (ADR 0019)', () => {
  it('names the option on a forceable refusal, and never on the others', () => {
    const unexpected = refusalOf(() => refuseOrForce(call(), { code: 'receiving.unexpected_serial', params: { serial: 'X' } }))
    expect(unexpected).toMatchObject({ outcome: 'rejected', code: 'receiving.unexpected_serial', params: { serial: 'X', forceable: true }, notes: [{ code: 'approval.force_option' }] })
    for (const code of ['receiving.duplicate', 'receiving.already_in_system', 'receiving.not_on_order', 'receiving.lot_required']) {
      const v = refusalOf(() => refuseOrForce(call(), { code, params: {} } as never))
      expect(v?.params.forceable, code).toBeUndefined()
      expect(isForceable(code), code).toBe(false)
    }
    // Where forcing never applies (quantities, pallets: no call), a forceable code is a plain refusal.
    expect(refusalOf(() => refuseOrForce(undefined, { code: 'receiving.expired', params: {} } as never))?.params.forceable).toBeUndefined()
  })

  it('lifts only forceable refusals on a forced call, and a recalled, quarantined or expired lot means quarantine', () => {
    const force = { reason: 'r', lifted: [] as string[] }
    expect(refusalOf(() => refuseOrForce(call(force), { code: 'receiving.unexpected_serial', params: {} } as never))).toBeNull()
    expect(forcedStatus(force)).toBe('received')
    expect(refusalOf(() => refuseOrForce(call(force), { code: 'receiving.duplicate', params: {} } as never))).toMatchObject({ code: 'receiving.duplicate' })
    for (const code of ['receiving.lot_recalled', 'receiving.lot_quarantined', 'receiving.expired']) {
      const f = { reason: 'r', lifted: [] as string[] }
      expect(refusalOf(() => refuseOrForce(call(f), { code, params: {} } as never))).toBeNull()
      expect(forcedStatus(f), code).toBe('quarantined')
    }
    expect(forcedStatus(undefined)).toBe('received')
  })
})
