import type { CodedMessage, LookupResult, UnitDetail } from '../../../shared/contract-areas/receiving'
import type { ScanResult } from '../../../shared/contract-areas/scans'
import type { FeedbackTone } from '../../../shared/model/feedback'

/** One line of the receiving log: a scan (scanner or typed) or a button's result. */
export interface ResultEntry {
  key: number
  at: string
  outcome: 'accepted' | 'rejected' | 'warning' | 'ignored'
  code: string
  /** The outcome as a code with parameters (worded by the screen in the operator's language). */
  message: CodedMessage
  /** Further lines of the outcome (a lot that differs from the ASN, an over-receipt…). */
  notes: CodedMessage[]
  tone: FeedbackTone | null
  /** What was scanned or typed (null for button actions). */
  text: string | null
  via: 'scanner' | 'typed' | 'action'
  deviceId: string | null
  /** The SSCC the scan carried, if any (a received pallet's label can be printed from the result). */
  sscc?: string | null
}

/** Codes that mean "this serial is already known": the screen shows where and when. */
export const DUPLICATE_CODES = new Set(['receiving.duplicate', 'receiving.already_in_system'])
/** Codes that mean one unit was just received (a unit label may print). */
export const RECEIVED_CODES = new Set(['receiving.received', 'receiving.over', 'receiving.lot_differs', 'receiving.forced', 'receiving.forced_quarantine'])

/** The SSCC a scan carried: AI (00) of GS1 data, or 18 plain digits. */
export function ssccOf(r: Pick<ScanResult, 'classification' | 'text'>): string | null {
  const c = r.classification
  if (c?.kind === 'gs1' && c.fields.sscc) return c.fields.sscc
  const t = (c?.kind === 'plain' ? c.text : r.text)?.trim() ?? ''
  return /^\d{18}$/.test(t) ? t : null
}

/** The unit a lookup found; of several items with one serial, the one received last. */
export function pickUnit(r: LookupResult): UnitDetail | null {
  if (r.kind === 'unit') return r.unit
  if (r.kind === 'choices' && r.units.length > 0) return [...r.units].sort((a, b) => (b.receivedAt ?? '').localeCompare(a.receivedAt ?? ''))[0]!
  return null
}

/** "2026-06-05T10:22:31.000Z" → "2026-06-05 10:22" (local time of the station's browser). */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const GS = '\u001d'

/** Shows a scan's invisible group separators as ‹GS›. */
export const visibleScan = (text: string | null) => (text ?? '').split(GS).join('‹GS›')

/**
 * For fields that take a scan as text (their `[data-wedge="off"]` keeps the wedge out): Ctrl+] from a
 * scanner becomes GS in the field, and Enter never submits the form (a person presses the button).
 */
export function scanFieldKeyDown(e: { key: string; code: string; ctrlKey: boolean; altKey: boolean; preventDefault(): void; currentTarget: HTMLInputElement }, setValue: (v: string) => void): void {
  if (e.key === 'Enter') {
    e.preventDefault()
    return
  }
  if (e.ctrlKey && !e.altKey && (e.key === ']' || e.code === 'BracketRight' || e.key === GS)) {
    e.preventDefault()
    const el = e.currentTarget
    const start = el.selectionStart ?? el.value.length
    const end = el.selectionEnd ?? el.value.length
    setValue(el.value.slice(0, start) + GS + el.value.slice(end))
  }
}
