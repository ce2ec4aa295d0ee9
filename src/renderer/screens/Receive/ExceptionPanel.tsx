import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { EXCEPTION_REASONS, type ExceptionReason } from '../../../shared/contract-areas/receiving'
import { Shortcut } from '../../commands/CommandSheetButton'
import { scanFieldKeyDown } from './receive-helpers'

interface ExceptionInput {
  reason: ExceptionReason
  code?: string
  item?: string
  qty?: number
  note?: string
}

/** The newest scan, when it was refused (`key` changes with every scan, so the same text scanned twice counts). */
export interface RefusedScan {
  text: string
  key: number
}

const TAKES_A_SCAN = (r: ExceptionReason | null): boolean => r === 'unexpected_serial' || r === 'damaged'

/**
 * Exceptions with reason codes. The code field takes the scan just refused (an unexpected serial, a
 * unit to mark damaged) — never an older one — and every refused scan while the form is open fills it
 * again; a scan straight into the field works too: it is outside the wedge, so that scan is not
 * received. Choosing a reason brings the field into view with the focus in it.
 */
/** A reason chosen from outside (a command barcode or shortcut); `key` changes with every request. */
export interface ReasonRequest {
  reason: ExceptionReason | null
  key: number
}

const REASON_COMMAND = { damaged: 'exception-damaged', no_label: 'exception-no-label', wrong_item: 'exception-wrong-item', unexpected_serial: 'exception-unexpected-serial' } as const

export function ExceptionPanel({ lastScan, refused, request, onRecord }: { lastScan: string; refused: RefusedScan | null; request: ReasonRequest | null; onRecord(input: ExceptionInput): Promise<boolean> }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState<ExceptionReason | null>(null)
  const [code, setCode] = useState('')
  const [item, setItem] = useState('')
  const [qty, setQty] = useState('1')
  const [note, setNote] = useState('')
  const codeField = useRef<HTMLInputElement>(null)
  const form = useRef<HTMLFormElement>(null)

  const choose = (r: ExceptionReason) => {
    setReason(r === reason ? null : r)
    setCode(r === 'unexpected_serial' ? (refused?.text ?? '') : r === 'damaged' ? (refused?.text ?? lastScan) : '')
    setItem('')
    setQty('1')
    setNote('')
  }

  // A refused scan while the form waits for one: it is the serial the exception is about.
  const refusedKey = refused?.key ?? null
  const refusedText = refused?.text ?? null
  const [seenRequest, setSeenRequest] = useState(request?.key ?? null)
  if ((request?.key ?? null) !== seenRequest) {
    setSeenRequest(request?.key ?? null)
    if (request) {
      if (request.reason === null) setReason(null)
      else if (request.reason !== reason) choose(request.reason)
    }
  }
  const [seenRefusal, setSeenRefusal] = useState(refusedKey)
  if (refusedKey !== seenRefusal) {
    setSeenRefusal(refusedKey)
    if (TAKES_A_SCAN(reason) && refusedText !== null) setCode(refusedText)
  }

  useEffect(() => {
    if (!reason) return
    form.current?.scrollIntoView({ block: 'nearest' })
    const field = codeField.current
    if (field) {
      field.focus()
      field.select()
    }
  }, [reason])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!reason) return
    const input: ExceptionInput = { reason }
    if (code.trim()) input.code = code.trim()
    if (item.trim()) input.item = item.trim()
    const n = Number(qty)
    if (reason !== 'unexpected_serial' && !input.code && Number.isInteger(n) && n > 0) input.qty = n
    if (note.trim()) input.note = note.trim()
    if (await onRecord(input)) setReason(null)
  }

  const wantsItem = reason !== null && reason !== 'unexpected_serial'
  return (
    <div className="receive-panel" data-testid="receive-exception-panel">
      <h2>{t('receive.exceptions')}</h2>
      <div className="receive-reasons">
        {EXCEPTION_REASONS.map((r) => (
          <button key={r} type="button" className={r === reason ? 'selected' : ''} aria-pressed={r === reason} onClick={() => choose(r)} data-testid={`receive-reason-${r}`}>
            {t(`receive.reason.${r}`)} <Shortcut command={REASON_COMMAND[r]} />
          </button>
        ))}
      </div>
      {reason && (
        <form ref={form} id="receive-exception-form" className="receive-exception-form" onSubmit={(e) => void submit(e)} data-testid="receive-exception-form">
          <p className="muted">{t(`receive.reasonHint.${reason}`)}</p>
          <label data-wedge="off">
            {t('receive.exceptionCode')}
            <input ref={codeField} value={code} onChange={(e) => setCode(e.target.value)} onKeyDown={(e) => scanFieldKeyDown(e, setCode)} maxLength={4096} data-testid="receive-exception-code" />
          </label>
          {wantsItem && (
            <div className="row">
              <label className="grow">
                {t('receive.exceptionItem')}
                <input value={item} onChange={(e) => setItem(e.target.value)} maxLength={64} data-testid="receive-exception-item" />
              </label>
              <label>
                {t('receive.qty')}
                <input className="qty-input" type="number" min={1} max={100000} value={qty} onChange={(e) => setQty(e.target.value)} data-testid="receive-exception-qty" />
              </label>
            </div>
          )}
          <label>
            {t('receive.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} data-testid="receive-exception-note" />
          </label>
          <div className="row">
            <button type="submit" className="primary" data-testid="receive-exception-submit">
              {t('receive.recordException')} <Shortcut command="confirm" />
            </button>
            <button type="button" onClick={() => setReason(null)}>
              {t('receive.cancel')} <Shortcut command="cancel" />
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
