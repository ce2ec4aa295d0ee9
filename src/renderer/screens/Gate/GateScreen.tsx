import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GateView, ShipmentSummary } from '../../../shared/contract-areas/gate'
import type { AppError } from '../../../shared/result'
import { useStation, useTerminalId } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { useMessageText } from '../../i18n/use-message'
import '../../styles/gate.css'
import { useAlarm } from './use-alarm'
import { GateBoard, GateLists } from './GateBoard'
import { useCommandHandlers, type CommandHandlers } from '../../commands/registry'
import { CommandSheetButton, Shortcut } from '../../commands/CommandSheetButton'
import { GATE_COMMANDS, HOLD_REASON_COMMANDS, type HoldReasonCommand } from './gate-commands'

/**
 * The loading door (ADR 0013): choose a shipment and a door, read, see huge live counts, an alarm
 * and a red full-screen flash for unexpected tags, then confirm or hold the load. Works unattended on
 * a wall display opened as `http://127.0.0.1:PORT/#token=…&terminal=door-1`.
 */
export function GateScreen() {
  const { t } = useTranslation()
  const { client } = useStation()
  const terminalId = useTerminalId()
  const text = useMessageText()
  const [view, setView] = useState<GateView | null>(null)
  const [shipments, setShipments] = useState<ShipmentSummary[]>([])
  const [shipment, setShipment] = useState('')
  const [door, setDoor] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [done, setDone] = useState<string | null>(null)
  useAlarm(view?.alarm === true && view.state === 'reading')

  const load = useCallback(async () => {
    const [s, l] = await Promise.all([client.call('gate.state', {}), client.call('shipments.list', { status: 'all' })])
    if (s.ok) setView(s.value)
    if (l.ok) setShipments(l.value.filter((x) => x.status === 'open' || x.status === 'loading'))
  }, [client])

  useEffect(() => {
    void Promise.resolve().then(load)
  }, [load])
  useEffect(() => client.on('gate.changed', (v) => v.terminalId === terminalId && setView(v)), [client, terminalId])

  const act = async (run: () => Promise<{ ok: true; value: GateView | null } | { ok: false; error: AppError }>) => {
    setError(null)
    const r = await run()
    if (!r.ok) setError(r.error)
    else setView(r.value)
  }
  const start = (free: boolean) => {
    setDone(null)
    return act(() => client.call('gate.start', { shipment: free ? null : shipment || null, door: door.trim() || null }))
  }
  const confirm = async () => {
    setError(null)
    const r = await client.call('gate.confirm', reason.trim() ? { reason: reason.trim() } : {})
    if (!r.ok) return setError(r.error)
    setDone(text({ code: 'gate.confirmed', params: { shipment: r.value.shipment, shipped: r.value.shipped } }))
    setReason('')
    await load()
  }

  const end = () => act(() => client.call('gate.end', {}))
  const hold = (why: string) => act(() => client.call('gate.hold', { reason: why }))
  const reset = () => act(async () => ((await client.call('gate.reset', {})).ok ? { ok: true, value: null } : { ok: true, value: view }))

  const reading = view?.state === 'reading'
  const open = view !== null && (view.state === 'reading' || view.state === 'ended')
  // A command barcode or shortcut runs only what the screen offers now; anything else is "not available here".
  const handlers: CommandHandlers = { 'gate-free-read': () => void start(true) }
  if (shipment) handlers['gate-start'] = () => void start(false)
  if (reading) handlers['gate-end'] = () => void end()
  if (open && view.shipment) handlers.confirm = () => void confirm()
  if (open) {
    handlers['gate-hold'] = () => void hold(reason.trim() || t('gate.holdDefault'))
    for (const [command, key] of Object.entries(HOLD_REASON_COMMANDS)) handlers[command as HoldReasonCommand] = () => void hold(t(`gate.holdReasons.${key}`))
  }
  if (view !== null) handlers['gate-reset'] = () => void reset()
  useCommandHandlers(handlers)

  return (
    <section className="gate" data-testid="screen-gate" data-state={view?.state ?? 'idle'}>
      {view?.alarm && reading && <div className="gate-alarm" data-testid="gate-alarm" role="alert">{t('gate.alarm')}</div>}
      <header className="gate-head">
        <h2>{t('gate.title')}</h2>
        <label>
          {t('gate.shipment')}
          <select value={shipment} onChange={(e) => setShipment(e.target.value)} data-testid="gate-shipment">
            <option value="">{t('gate.chooseShipment')}</option>
            {shipments.map((s) => (
              <option key={s.number} value={s.number}>{`${s.number} · ${s.customerName ?? s.customer ?? ''} · ${s.door ?? ''}`}</option>
            ))}
          </select>
        </label>
        <label>
          {t('gate.door')}
          <input value={door} onChange={(e) => setDoor(e.target.value)} placeholder={t('gate.doorHint')} data-testid="gate-door" />
        </label>
        <button className="gate-big" onClick={() => void start(false)} disabled={!shipment} data-testid="gate-start">{t('gate.start')} <Shortcut command="gate-start" /></button>
        <button className="gate-big" onClick={() => void start(true)} data-testid="gate-free">{t('gate.freeRead')} <Shortcut command="gate-free-read" /></button>
        <CommandSheetButton screen="gate" commands={GATE_COMMANDS} />
      </header>
      <ErrorLine error={error} />
      {done && <p className="gate-done" data-testid="gate-done">{done}</p>}
      {view === null ? (
        <p className="gate-idle">{t('gate.idle')}</p>
      ) : (
        <>
          <GateBoard view={view} />
          {open && (
            <div className="gate-actions">
              {reading && <button className="gate-big" onClick={() => void end()} data-testid="gate-end">{t('gate.end')} <Shortcut command="gate-end" /></button>}
              <input className="gate-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('gate.reasonHint')} data-testid="gate-reason" />
              <button className="gate-big gate-confirm" onClick={() => void confirm()} disabled={!view.shipment} data-testid="gate-confirm">{t('gate.confirm')} <Shortcut command="confirm" /></button>
              <button className="gate-big gate-hold" onClick={() => void hold(reason.trim() || t('gate.holdDefault'))} data-testid="gate-hold">{t('gate.hold')} <Shortcut command="gate-hold" /></button>
              {Object.entries(HOLD_REASON_COMMANDS).map(([command, key]) => (
                <button key={key} className="gate-hold-reason" onClick={() => void hold(t(`gate.holdReasons.${key}`))} data-testid={`gate-hold-${key}`}>
                  {t(`gate.holdReasons.${key}`)} <Shortcut command={command as HoldReasonCommand} />
                </button>
              ))}
            </div>
          )}
          <button onClick={() => void reset()} data-testid="gate-reset">{t('gate.reset')} <Shortcut command="gate-reset" /></button>
          <GateLists view={view} />
        </>
      )}
    </section>
  )
}
