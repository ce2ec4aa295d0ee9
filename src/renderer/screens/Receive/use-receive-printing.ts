import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderSummary } from '../../../shared/contract-areas/receiving'
import type { AppError } from '../../../shared/result'
import { useStation } from '../../app/StationProvider'
import { useMessageText } from '../../i18n/use-message'
import { pickUnit } from './receive-helpers'
import { printerFor } from '../../../shared/model/station'

const PRINT_UNITS_KEY = 'dockside.receive.printUnitLabels'

/**
 * Labels from the Receive screen: a unit's label after each receipt when "print unit labels" is on
 * (the core builds the label from the stored unit: `labels.printUnits`), and pallet labels.
 */
export function useReceivePrinting(order: OrderSummary | null, onError: (e: AppError) => void) {
  const { t } = useTranslation()
  const text = useMessageText()
  const { client, info } = useStation()
  const [printNote, setPrintNote] = useState('')
  const [printUnits, setPrintUnits] = useState(() => globalThis.localStorage?.getItem(PRINT_UNITS_KEY) === '1')
  const printUnitsRef = useRef(printUnits)
  const printersRef = useRef({ unit: printerFor(info.settings, 'unit'), pallet: printerFor(info.settings, 'pallet') })
  const tRef = useRef(t)
  const textRef = useRef(text)
  const onErrorRef = useRef(onError)
  useEffect(() => {
    printUnitsRef.current = printUnits
    printersRef.current = { unit: printerFor(info.settings, 'unit'), pallet: printerFor(info.settings, 'pallet') }
    tRef.current = t
    textRef.current = text
    onErrorRef.current = onError
  }, [printUnits, info.settings, t, text, onError])

  /** After a unit was received (its id, or the scanned code to find it by): its label, when "print unit labels" is on. */
  const printUnitFor = useCallback(
    async (unit: { id: number; serial: string } | null, code: string | null) => {
      if (!printUnitsRef.current) return
      const printerId = printersRef.current.unit
      if (!printerId) {
        setPrintNote(tRef.current('receive.noPrinter'))
        return
      }
      let u = unit
      if (!u && code) {
        const found = await client.call('lookup.find', { code })
        const detail = found.ok ? pickUnit(found.value) : null
        if (detail) u = { id: detail.id, serial: detail.serial }
      }
      if (!u) {
        setPrintNote(tRef.current('receive.unitLabelUnknown'))
        return
      }
      const r = await client.call('labels.printUnits', { unitIds: [u.id], printerId })
      if (!r.ok) return onErrorRef.current(r.error)
      const job = r.value.jobs[0]
      if (job) setPrintNote(tRef.current('receive.labelQueued', { what: tRef.current('receive.unitLabel', { serial: u.serial }), id: job.id }))
      else setPrintNote(r.value.skipped[0] ? textRef.current(r.value.skipped[0].reason) : tRef.current('receive.unitLabelUnknown'))
    },
    [client]
  )

  /** A pallet's SSCC label (the order and supplier as its description). */
  const printPlate = useCallback(
    async (code: string, knownPlateId?: number) => {
      const printerId = printersRef.current.pallet
      if (!printerId) {
        setPrintNote(tRef.current('receive.noPrinter'))
        return
      }
      let plateId = knownPlateId
      if (plateId === undefined) {
        const found = await client.call('lookup.find', { code })
        if (found.ok && found.value.kind === 'plate') plateId = found.value.plate.id
      }
      const description = order ? [order.number, order.supplier?.name].filter(Boolean).join(' · ') : ''
      const data: Record<string, string> = { sscc: code }
      if (description) data.description = description
      const r = await client.call('print.enqueue', { printerId, template: 'sscc', data, unitId: null, plateId: plateId ?? null })
      if (!r.ok) return onErrorRef.current(r.error)
      setPrintNote(tRef.current('receive.labelQueued', { what: tRef.current('receive.palletLabel', { code }), id: r.value.id }))
    },
    [client, order]
  )

  const togglePrintUnits = useCallback((on: boolean) => {
    setPrintUnits(on)
    globalThis.localStorage?.setItem(PRINT_UNITS_KEY, on ? '1' : '0')
  }, [])

  return { printNote, printUnits, togglePrintUnits, printUnitFor, printPlate }
}
