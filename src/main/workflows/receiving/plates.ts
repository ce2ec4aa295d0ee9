import { isValidGs1CheckDigit } from '../../../shared/codes/checkdigit'
import { msg } from '../../../shared/messages/catalog'
import { AppFailure } from '../../errors'
import type { ReceivingApply } from './apply'
import { fail, outcome, refuse, type Call, type ReceivingContext, type Verdict } from './context'
import { identify, isPlainSscc } from './identify'
import type { createPalletReceipt } from './pallet'

/** The plate units go onto at a terminal: scanned, typed, an expected pallet, or a new SSCC. */
export function createPlates(cx: ReceivingContext, apply: ReceivingApply, pallet: ReturnType<typeof createPalletReceipt>, classify: (text: string) => Parameters<typeof identify>[0]) {
  /** A plate code was scanned or typed: an expected pallet is received, any other becomes the current plate. */
  function handlePlateCode(call: Call, code: string, kind: 'sscc' | 'lpn', text: string, explicit: boolean): Verdict {
    const order = cx.currentOrder(call.terminalId)
    if (order && order.status !== 'closed' && order.status !== 'cancelled') {
      const expected = cx.repo.expectedPlate.get(order.id, code)
      if (expected) return pallet.receiveExpectedPlate(call, order, expected, text)
    }
    // No order open: the one order that expects this pallet is opened, and the pallet received on it.
    if (!order && !explicit) {
      const expecting = cx.repo.ordersExpectingPlate.all(code)
      if (expecting.length === 1) {
        const opened = cx.repo.orderById.get(expecting[0]!.order_id)!
        cx.setOrder(call.terminalId, opened.id)
        const expected = cx.repo.expectedPlate.get(opened.id, code)!
        const v = pallet.receiveExpectedPlate(call, opened, expected, text)
        return { ...v, notes: [msg('receiving.note_order_opened_by_pallet', { order: opened.number, code }), ...v.notes] }
      }
    }
    const existing = cx.plates.byCode(code)
    if (existing) {
      if (existing.status !== 'open') fail(msg('receiving.plate_not_open', { code, status: existing.status }))
      cx.setPlate(call.terminalId, existing.id)
      const plate = cx.plates.summary(existing.id)
      return outcome('accepted', msg('receiving.plate_current', { code, units: plate?.units ?? 0 }), { plate })
    }
    if (!explicit && kind === 'lpn') fail(msg('receiving.unknown_code', { code }))
    const plateId = apply.createPlate(call, code, kind, null, order?.id ?? null, explicit ? 'typed' : 'scanned')
    cx.setPlate(call.terminalId, plateId)
    return outcome('accepted', msg('receiving.plate_created', { code }), { plate: cx.plates.summary(plateId) })
  }

  /** `receiving.setPlate`: a typed or scanned plate label. */
  function setPlate(call: Call, code: string): Verdict {
    const id = identify(classify(code))
    if (id.kind === 'sscc') return isValidGs1CheckDigit(id.sscc) ? handlePlateCode(call, id.sscc, 'sscc', code, true) : refuse(msg('receiving.bad_sscc', { sscc: id.sscc }))
    if (id.kind === 'text') {
      const t = id.text
      if (isPlainSscc(t)) return handlePlateCode(call, t, 'sscc', code, true)
      if (/^\d{18}$/.test(t)) return refuse(msg('receiving.bad_sscc', { sscc: t }))
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/.test(t)) return refuse(msg('receiving.bad_plate', {}))
      return handlePlateCode(call, t, 'lpn', code, true)
    }
    if (id.kind === 'invalid') return refuse({ code: id.code, params: id.params })
    return refuse(msg('receiving.bad_plate', {}))
  }

  /** Checked before the transaction: a station without an SSCC range cannot make pallets. */
  function requireIssuer(): (operatorId: number | null) => string {
    if (!cx.deps.issueSscc) throw new AppFailure('sscc.not_configured', {})
    return cx.deps.issueSscc
  }

  /** `receiving.newPlate`: the next SSCC of this station's range becomes the terminal's plate. */
  function newPlate(call: Call, issue: (operatorId: number | null) => string): Verdict {
    const sscc = issue(call.operatorId)
    const plateId = apply.createPlate(call, sscc, 'sscc', null, cx.deps.terminals.get(call.terminalId).orderId, 'issued')
    cx.setPlate(call.terminalId, plateId)
    return outcome('accepted', msg('receiving.plate_created', { code: sscc }), { plate: cx.plates.summary(plateId) })
  }

  return { handlePlateCode, setPlate, requireIssuer, newPlate }
}

export type Plates = ReturnType<typeof createPlates>
