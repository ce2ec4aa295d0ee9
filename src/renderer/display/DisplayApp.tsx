import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StationClient } from '../../shared/contract'
import type { GateView } from '../../shared/contract-areas/gate'
import type { ReceivingState } from '../../shared/contract-areas/receiving'
import type { TerminalSummary } from '../../shared/contract-areas/scans'
import type { StationInfo } from '../../shared/model/station'
import type { ConnectionState } from '../api/ws-client'
import { GateBoard, GateLists } from '../screens/Gate/GateBoard'
import { useAlarm } from '../screens/Gate/use-alarm'
import '../styles/gate.css'
import '../styles/display.css'

interface Props {
  client: StationClient
  terminalId: string
  info: StationInfo
  displayName: string
  connection: { current: ConnectionState; subscribe: (l: (s: ConnectionState) => void) => () => void }
}

/**
 * A paired display's whole UI (ADR 0018): read-only — no button the station would refuse. It shows one
 * terminal's gate verdict and receiving progress live (the terminal named by `#terminal=door-1`).
 */
export function DisplayApp({ client, terminalId, info, displayName, connection }: Props) {
  const { t } = useTranslation()
  const [gate, setGate] = useState<GateView | null>(null)
  const [receiving, setReceiving] = useState<ReceivingState | null>(null)
  const [terminals, setTerminals] = useState<TerminalSummary[]>([])
  const [state, setState] = useState<ConnectionState>(connection.current)
  useAlarm(gate?.alarm === true && gate.state === 'reading')

  useEffect(() => {
    const load = async () => {
      const [g, r, list] = await Promise.all([client.call('gate.state', {}), client.call('receiving.state', {}), client.call('terminals.list', {})])
      if (g.ok) setGate(g.value)
      if (r.ok) setReceiving(r.value)
      if (list.ok) setTerminals(list.value)
    }
    void load()
    const offs = [
      client.on('gate.changed', (v) => v.terminalId === terminalId && setGate(v)),
      client.on('receiving.changed', (c) => c.terminalId === terminalId && setReceiving(c.state)),
      connection.subscribe((s) => {
        setState(s)
        if (s === 'open') void load()
      })
    ]
    return () => offs.forEach((off) => off())
  }, [client, terminalId, connection])

  const watch = (id: string) => {
    window.location.hash = `terminal=${id}`
    window.location.reload()
  }
  const order = receiving?.order

  return (
    <main className="content display-mode" data-testid="display-app">
      <header className="display-head">
        <span className="demo-badge" data-testid="display-badge" title={t('displays.readOnly')}>{t('displays.badge')}</span>
        <strong>{info.settings.stationName}</strong> · {displayName} · <span data-testid="display-connection">{t(`displays.connection.${state}`)}</span>
        <label>
          {t('displays.watching')}{' '}
          <select value={terminalId} onChange={(e) => watch(e.target.value)} aria-label={t('displays.chooseTerminal')} data-testid="display-terminal">
            {[terminalId, ...terminals.map((x) => x.id).filter((id) => id !== terminalId)].map((id) => (
              <option key={id} value={id}>{id}</option>
            ))}
          </select>
        </label>
      </header>
      <section className="gate" data-testid="display-gate">
        {gate?.alarm && gate.state === 'reading' && <div className="gate-alarm" data-testid="gate-alarm" role="alert">{t('gate.alarm')}</div>}
        <h2>{t('displays.gate')}</h2>
        {gate ? (
          <>
            <GateBoard view={gate} />
            <GateLists view={gate} />
          </>
        ) : (
          <p className="gate-idle">{t('gate.idle')}</p>
        )}
      </section>
      <section data-testid="display-receiving">
        <h2>{t('displays.receiving')}</h2>
        {order ? (
          <>
            <p data-testid="display-order">{t('displays.orderProgress', { order: order.number, received: order.received, expected: order.expected })}</p>
            <ul>
              {receiving.lines.map((line) => (
                <li key={line.lineId}>{t('displays.lineProgress', { sku: line.sku, received: line.received, expected: line.expected })}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('displays.noOrder')}</p>
        )}
      </section>
    </main>
  )
}
