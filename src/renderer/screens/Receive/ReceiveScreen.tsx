import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CloseResult, ReceiveOutcome, ReceivingState } from '../../../shared/contract-areas/receiving'
import type { ScanResult } from '../../../shared/contract-areas/scans'
import type { AppError, Result } from '../../../shared/result'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation, useTerminalId } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { useMessageText } from '../../i18n/use-message'
import '../../styles/receiving.css'
import { ClosePanel, CloseReport } from './ClosePanel'
import { ExceptionPanel } from './ExceptionPanel'
import { LineTable } from './LineTable'
import { OrderPicker } from './OrderPicker'
import { PlatePanel } from './PlatePanel'
import { TypedReceipt, type TypedReceiptInput } from './TypedReceipt'
import { DUPLICATE_CODES, RECEIVED_CODES, shortTime, ssccOf, type ResultEntry } from './receive-helpers'
import { useReceivePrinting } from './use-receive-printing'
import { CodeEntryForm } from '../../components/CodeEntryForm'
import { CommandSheetButton, Shortcut } from '../../commands/CommandSheetButton'
import { useCommandHandlers } from '../../commands/registry'
import { RECEIVE_COMMANDS } from './receive-commands'
import { DuplicatePanel, useDuplicate } from './DuplicatePanel'
import type { ReasonRequest } from './ExceptionPanel'
import { useApprovalRequest } from '../../components/use-approval-request'
import type { Approval } from '../../../shared/schemas'
import { ForceAnyway } from './ForceAnyway'
import { PendingGtinPanel, ReceiveResult } from './ReceiveResult'

const HISTORY = 8

/**
 * Receiving (DOMAIN flow 1), driven by scans: open an order (scan its number or pick it) → scan units
 * (GTIN then serial, one DataMatrix, or a pallet SSCC) → every result in big letters with its flash →
 * the live line counts → plate, labels, exceptions, undo → close with the discrepancy report.
 * Scanner scans reach main through the scan pipeline (`receiving` workflow); typed codes go through
 * `receiving.submit`, which runs the same checks.
 */
/** The refusal an over-receipt beyond the item's tolerance gets until a supervisor approves (#12.3). */
const APPROVAL_OVER = 'approval.over_receipt'

export function ReceiveScreen() {
  const { t } = useTranslation()
  const { client } = useStation()
  const terminalId = useTerminalId()
  const text = useMessageText()
  const feedback = useFeedback()
  const [state, setState] = useState<ReceivingState | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [log, setLog] = useState<ResultEntry[]>([])
  const [closed, setClosed] = useState<CloseResult | null>(null)
  const [closing, setClosing] = useState(false)
  // A step refused for a supervisor (short close, over-receipt, undo after put-away, receive anyway): sent again once approved.
  const approvals = useApprovalRequest()
  const askApproval = approvals.request
  // The typed-scan sender, for an over-receipt refused on a scanner scan (set after each render).
  const submitRef = useRef<(text: string, approval: Approval) => Promise<AppError | null>>(async () => null)
  const [typed, setTyped] = useState('')
  const counter = useRef(0)
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null)

  const last = log[0] ?? null
  const order = state?.order ?? null
  const { duplicate, setDuplicate, showDuplicate } = useDuplicate(order?.number ?? null)
  const { printNote, printUnits, togglePrintUnits, printUnitFor, printPlate } = useReceivePrinting(order, setError)
  const isClosed = order?.status === 'closed' || order?.status === 'cancelled'

  const addEntry = useCallback((entry: Omit<ResultEntry, 'key' | 'at'> & { at?: string }) => {
    const full: ResultEntry = { ...entry, key: ++counter.current, at: entry.at ?? new Date().toISOString() }
    setLog((prev) => [full, ...prev].slice(0, HISTORY))
  }, [])

  const refresh = useCallback(async () => {
    const r = await client.call('receiving.state', {})
    if (r.ok) setState(r.value)
    else setError(r.error)
  }, [client])


  // ── live state and scanner results ──────────────────────────────────────────────────────────
  useEffect(() => {
    void Promise.resolve().then(refresh)
    return client.on('receiving.changed', ({ terminalId: from, state: s }) => {
      if (from !== terminalId) return
      setState(s)
      if (s.order === null) setClosed(null)
    })
  }, [client, refresh, terminalId])

  useEffect(
    () =>
      client.on('scans.result', (r: ScanResult) => {
        if (r.workflow !== 'receiving' || r.terminalId !== terminalId) return
        setError(null)
        addEntry({ outcome: r.outcome, code: r.code, message: { code: r.code, params: r.params }, notes: [], tone: r.tone, text: r.text, via: 'scanner', deviceId: r.deviceId, at: r.at, sscc: ssccOf(r) })
        if (DUPLICATE_CODES.has(r.code) && r.text) void showDuplicate(r.text, null)
        else setDuplicate(null)
        if (r.code === 'receiving.order_opened') setClosed(null)
        if (r.code === APPROVAL_OVER && r.text) {
          const scanned = r.text
          askApproval({ code: r.code, message: '', params: r.params }, (a) => submitRef.current(scanned, a))
        }
        if (RECEIVED_CODES.has(r.code) && r.text) void printUnitFor(null, r.text)
      }),
    [client, addEntry, showDuplicate, setDuplicate, printUnitFor, terminalId, askApproval]
  )

  // ── actions (typed or buttons): feedback is ours to give ────────────────────────────────────
  const report = useCallback(
    (o: Pick<ReceiveOutcome, 'outcome' | 'code' | 'params' | 'tone'> & { notes?: ReceiveOutcome['notes'] }, scanned: string | null, via: ResultEntry['via']) => {
      const message = { code: o.code, params: o.params }
      addEntry({ outcome: o.outcome, code: o.code, message, notes: o.notes ?? [], tone: o.tone, text: scanned, via, deviceId: null, sscc: scanned ? ssccOf({ classification: null, text: scanned }) : null })
      if (o.tone) feedback(o.tone, text(message))
    },
    [addEntry, feedback, text]
  )

  const fail = (e: AppError) => {
    setError(e)
    feedback('bad', text(e))
  }

  /** A refusal: shown in the approval dialog when the call carried one, else on the screen. */
  const refused = (e: AppError, given: Approval | undefined): AppError | null => {
    if (given) return e
    fail(e)
    return null
  }

  const submitText = async (text: string, given?: Approval): Promise<AppError | null> => {
    setError(null)
    const r = await client.call('receiving.submit', { text, ...(given ? { approval: given } : {}) })
    if (!r.ok) return refused(r.error, given)
    setTyped('')
    if (r.value.code === APPROVAL_OVER) askApproval({ code: r.value.code, message: '', params: r.value.params }, (a) => submitText(text, a))
    report(r.value, text, 'typed')
    if (DUPLICATE_CODES.has(r.value.code)) void showDuplicate(text, r.value.duplicate)
    else setDuplicate(null)
    if (RECEIVED_CODES.has(r.value.code) && r.value.unit) void printUnitFor(r.value.unit, text)
    if (!order) void refresh()
    return null
  }
  useEffect(() => {
    submitRef.current = submitText
  })

  /** "Supervisor: receive anyway" (ADR 0019): the refused scan again, with the reason. */
  const force = async (text: string, reason: string, given?: Approval): Promise<AppError | null> => {
    setError(null)
    const r = await client.call('receiving.force', { text, reason, ...(given ? { approval: given } : {}) })
    if (!r.ok) {
      if (!given && r.error.code.startsWith('approval.')) {
        askApproval(r.error, (a) => force(text, reason, a))
        return null
      }
      return refused(r.error, given)
    }
    report(r.value, text, 'action')
    if (RECEIVED_CODES.has(r.value.code) && r.value.unit) void printUnitFor(r.value.unit, text)
    return null
  }

  const receiveTypedApproved = async (input: TypedReceiptInput, approval: Approval): Promise<AppError | null> => {
    const r = await client.call('receiving.receiveTyped', { ...input, approval })
    if (!r.ok) return r.error
    report(r.value, null, 'typed')
    if (RECEIVED_CODES.has(r.value.code) && r.value.unit) void printUnitFor(r.value.unit, null)
    return null
  }

  const submitTyped = async (e: FormEvent) => {
    e.preventDefault()
    const text = typed.trim()
    if (text) await submitText(text)
  }

  const openOrder = async (number: string) => {
    setError(null)
    const r = await client.call('receiving.open', { order: number })
    if (!r.ok) return fail(r.error)
    setState(r.value)
    setClosed(null)
    setLog([])
    setDuplicate(null)
    feedback('good', t('receive.opened', { order: r.value.order?.number ?? number }))
  }

  const leave = async () => {
    const r = await client.call('receiving.leave', {})
    if (!r.ok) return fail(r.error)
    setState(r.value)
    setClosed(null)
    setClosing(false)
    setLog([])
    setDuplicate(null)
  }

  const cancelPending = async () => {
    const r = await client.call('receiving.cancelPending', {})
    if (r.ok) setState(r.value)
    else fail(r.error)
  }

  const undo = async (given?: Approval): Promise<AppError | null> => {
    setError(null)
    const r = await client.call('receiving.undo', given ? { approval: given } : {})
    if (!r.ok) {
      // Already put away: a supervisor approves taking it back out of its bin (ADR 0019).
      if (!given && r.error.code.startsWith('approval.')) {
        askApproval(r.error, (a) => undo(a))
        return null
      }
      return refused(r.error, given)
    }
    setState(r.value.state)
    setDuplicate(null)
    report({ outcome: 'warning', code: r.value.code, params: r.value.params, tone: 'warning' }, null, 'action')
    return null
  }

  const plateAction = async (call: Promise<Result<ReceiveOutcome>>, printNew: boolean) => {
    setError(null)
    const r = await call
    if (!r.ok) return fail(r.error)
    report(r.value, null, 'action')
    void refresh()
    if (printNew && r.value.outcome !== 'rejected' && r.value.plate) void printPlate(r.value.plate.code, r.value.plate.id)
  }

  const close = async (note: string, approval?: Approval): Promise<AppError | null> => {
    setError(null)
    const r = await client.call('receiving.close', { ...(note.trim() ? { note: note.trim() } : {}), ...(approval ? { approval } : {}) })
    if (!r.ok) {
      // Short beyond tolerance: a supervisor approves on this screen, then the close goes again.
      if (!approval && r.error.code.startsWith('approval.')) {
        askApproval(r.error, (a) => close(note, a))
        return null
      }
      return refused(r.error, approval)
    }
    setClosed(r.value)
    setClosing(false)
    feedback('good', t('receive.closedFlash', { order: r.value.order.number }))
    void refresh()
    return null
  }

  // ── command barcodes and shortcuts (ADR 0016): the same actions as the buttons ──────────────
  const open = order !== null && !isClosed
  const requestReason = (reason: ReasonRequest['reason']) => setReasonRequest((prev) => ({ reason, key: (prev?.key ?? 0) + 1 }))
  useCommandHandlers(
    open
      ? {
          undo: () => void undo(),
          'close-order': () => setClosing(true),
          'new-pallet': () => void plateAction(client.call('receiving.newPlate', {}), true),
          'exception-damaged': () => requestReason('damaged'),
          'exception-no-label': () => requestReason('no_label'),
          'exception-wrong-item': () => requestReason('wrong_item'),
          'exception-unexpected-serial': () => requestReason('unexpected_serial'),
          'print-pallet-label': () => {
            if (state?.plate) void printPlate(state.plate.code, state.plate.id)
          },
          confirm: () => {
            if (closing) void close('')
            else (document.getElementById('receive-exception-form') as HTMLFormElement | null)?.requestSubmit()
          },
          cancel: () => {
            if (closing) setClosing(false)
            else if (state?.pending) void cancelPending()
            else requestReason(null)
          }
        }
      : {}
  )

  // ── render ──────────────────────────────────────────────────────────────────────────────────
  if (!state) {
    return (
      <section className="screen receive-screen" data-testid="screen-receive">
        <h1>{t('receive.title')}</h1>
        <p className="muted">{t('common.loading')}</p>
        <ErrorLine error={error} />
      </section>
    )
  }

  if (!order) {
    return (
      <section className="screen receive-screen" data-testid="screen-receive">
        <OrderPicker onOpen={(n) => void openOrder(n)} last={last} />
        <CodeEntryForm label={t('receive.typeOrder')} value={typed} onChange={setTyped} onSubmit={submitTyped} submitLabel={t('receive.submit')} inputTestId="receive-typed" submitTestId="receive-typed-submit" />
        <ErrorLine error={error} />
      </section>
    )
  }

  // The newest scan or typed code (button actions carry no text).
  const lastScanned = log.find((e) => e.text) ?? null
  const pallet = last && last.code === 'receiving.pallet_received' ? (last.sscc ?? null) : null
  const forceable = last && last.outcome === 'rejected' && last.text && last.message.params.forceable === true ? { key: last.key, text: last.text } : null

  return (
    <section className="screen receive-screen" data-testid="screen-receive" data-order={order.number}>
      <header className="receive-head">
        <div className="receive-head-title">
          <h1>
            {t('receive.title')} <span className="receive-order" data-testid="receive-order">{order.number}</span>
          </h1>
          <div className="muted">
            {t(`receive.kind.${order.kind}`)}
            {order.supplier ? ` · ${order.supplier.name}` : ''}
            {order.poNumber && order.poNumber !== order.number ? ` · ${order.poNumber}` : ''}{' '}
            <span className={`tag receive-status-${order.status}`} data-testid="receive-order-status">
              {t(`receive.status.${order.status}`)}
            </span>
          </div>
        </div>
        <span className="receive-total" data-testid="receive-total">
          {t('receive.totalCount', { received: order.received, expected: order.expected })}
        </span>
        {!isClosed && (
          <button type="button" className="receive-close-button" onClick={() => setClosing(true)} data-testid="receive-close">
            {t('receive.close')} <Shortcut command="close-order" />
          </button>
        )}
        <button type="button" onClick={() => void leave()} data-testid="receive-leave">
          {t('receive.leave')}
        </button>
      </header>

      {closed && <CloseReport result={closed} />}
      {closing && !isClosed && <ClosePanel order={order} lines={state.lines} onClose={(note) => void close(note)} onCancel={() => setClosing(false)} />}

      <ReceiveResult last={last} isClosed={isClosed}>
        {forceable && !isClosed && <ForceAnyway key={forceable.key} onForce={(reason) => void force(forceable.text, reason)} />}
        {pallet && (
          <button type="button" onClick={() => void printPlate(pallet)} data-testid="receive-print-received-pallet">
            {t('receive.printPalletLabel')}
          </button>
        )}
      </ReceiveResult>
      {state.pending && <PendingGtinPanel pending={state.pending} onCancel={() => void cancelPending()} />}

      {duplicate && <DuplicatePanel duplicate={duplicate} />}

      <div className="receive-layout">
        <div className="receive-main">
          <LineTable lines={state.lines} />
          <p className="muted receive-exceptions" data-testid="receive-exceptions">
            {t('receive.exceptionCounts', {
              damaged: state.exceptions.damaged,
              wrong: state.exceptions.wrong_item,
              unexpected: state.exceptions.unexpected_serial,
              noLabel: state.exceptions.no_label
            })}
          </p>
          {!isClosed && (
            <CodeEntryForm label={t('receive.typeHint')} value={typed} onChange={setTyped} onSubmit={submitTyped} submitLabel={t('receive.submit')} inputTestId="receive-typed" submitTestId="receive-typed-submit" />
          )}
          {!isClosed && (
            <TypedReceipt
              onReceive={async (input) => {
                setError(null)
                const r = await client.call('receiving.receiveTyped', input)
                if (!r.ok) {
                  fail(r.error)
                  return false
                }
                // Over beyond tolerance: a supervisor approves here, and the same typed receipt goes again.
                if (r.value.code === APPROVAL_OVER) askApproval({ code: r.value.code, message: '', params: r.value.params }, (a) => receiveTypedApproved(input, a))
                report(r.value, null, 'typed')
                if (DUPLICATE_CODES.has(r.value.code) && input.serial) void showDuplicate(input.serial, r.value.duplicate)
                else setDuplicate(null)
                if (RECEIVED_CODES.has(r.value.code) && r.value.unit) void printUnitFor(r.value.unit, null)
                return r.value.outcome !== 'rejected'
              }}
            />
          )}
          <ErrorLine error={error} />
          <CommandSheetButton screen="receive" commands={RECEIVE_COMMANDS} />
          {log.length > 1 && (
            <ol className="receive-log" data-testid="receive-log">
              {log.slice(1).map((e) => (
                <li key={e.key} className={`tone-${e.tone ?? 'none'}`}>
                  <span className="muted">{shortTime(e.at).slice(11)}</span> {text(e.message)}
                </li>
              ))}
            </ol>
          )}
        </div>
        <aside className="receive-side">
          {!isClosed && (
            <div className="receive-actions">
              <button type="button" className="big-button" onClick={() => void undo()} data-testid="receive-undo">
                {t('receive.undo')} <Shortcut command="undo" />
              </button>
            </div>
          )}
          <PlatePanel
            plate={state.plate}
            disabled={isClosed}
            printUnits={printUnits}
            onPrintUnits={togglePrintUnits}
            onNewPlate={() => void plateAction(client.call('receiving.newPlate', {}), true)}
            onSetPlate={(code) => void plateAction(client.call('receiving.setPlate', { code }), false)}
            onPrintPlate={() => state.plate && void printPlate(state.plate.code, state.plate.id)}
            printNote={printNote}
          />
          {!isClosed && (
            <>
              {approvals.dialog}
              <ExceptionPanel
                lastScan={lastScanned?.text ?? ''}
                request={reasonRequest}
                refused={lastScanned && lastScanned.outcome === 'rejected' && lastScanned.text ? { text: lastScanned.text, key: lastScanned.key } : null}
                onRecord={async (input) => {
                  setError(null)
                  const r = await client.call('receiving.exception', input)
                  if (!r.ok) {
                    fail(r.error)
                    return false
                  }
                  report(r.value, input.code ?? null, 'action')
                  if (DUPLICATE_CODES.has(r.value.code) && input.code) void showDuplicate(input.code, r.value.duplicate)
                  return r.value.outcome !== 'rejected'
                }}
              />
            </>
          )}
        </aside>
      </div>
    </section>
  )
}
