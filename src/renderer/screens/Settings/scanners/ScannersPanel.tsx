import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RegisteredScannerView, ScannerPorts } from '../../../../shared/contract-areas/scanner-registry'
import type { AppError } from '../../../../shared/result'
import { useFeedback } from '../../../app/FeedbackProvider'
import { useStation } from '../../../app/StationProvider'
import { ErrorLine } from '../../../components/ErrorLine'
import { useMessageText } from '../../../i18n/use-message'
import { ScannerAddForm } from './ScannerAddForm'
import { ScannerTestBox } from './ScannerTestBox'
import '../../../styles/scanners.css'

const NO_PORTS: ScannerPorts = { serialPorts: [], hidScanners: [], errors: {} }

/** The registry, the ports to pick from and the terminals to send scans to, kept fresh on device changes. */
export function useScannerRegistry() {
  const { client } = useStation()
  const [scanners, setScanners] = useState<RegisteredScannerView[]>([])
  const [ports, setPorts] = useState<ScannerPorts>(NO_PORTS)
  const [terminals, setTerminals] = useState<string[]>([])
  const refresh = useCallback(async () => {
    const [registered, listed, known] = await Promise.all([client.call('scanners.registered', {}), client.call('scanners.ports', {}), client.call('terminals.list', {})])
    if (registered.ok) setScanners(registered.value)
    if (listed.ok) setPorts(listed.value)
    if (known.ok) setTerminals(known.value.map((x) => x.id))
  }, [client])
  useEffect(() => {
    void Promise.resolve().then(refresh)
    return client.on('devices.changed', () => void refresh())
  }, [client, refresh])
  return { scanners, ports, terminals, refresh }
}

/**
 * Settings → Scanners (issue #10.4, ADR 0017): the scanners site IT added, each with its state, a test
 * box showing its last scan, the screen its scans go to, on/off and remove; the add form; and the HID
 * POS scanners found, which can be added for a name and a terminal.
 */
export function ScannersPanel() {
  const { t } = useTranslation()
  const say = useMessageText()
  const feedback = useFeedback()
  const { client, terminalId } = useStation()
  const { scanners, ports, terminals, refresh } = useScannerRegistry()
  const [error, setError] = useState<AppError | null>(null)
  // A test scan here is answered with its parse (the default workflow), not "this screen takes no scans".
  useEffect(() => {
    void client.call('scans.setWorkflow', { workflow: 'default' })
    return () => void client.call('scans.setWorkflow', { workflow: 'idle' })
  }, [client])

  const done = async (r: { ok: true } | { ok: false; error: AppError }) => {
    if (!r.ok) {
      setError(r.error)
      feedback('bad', say(r.error))
    } else setError(null)
    await refresh()
    return r.ok
  }
  const update = async (s: RegisteredScannerView, change: { terminal?: string | null; enabled?: boolean }) => done(await client.call('scanners.update', { id: s.id, ...change }))
  const remove = async (s: RegisteredScannerView) => {
    if (await done(await client.call('scanners.remove', { id: s.id }))) feedback('good', t('scannerSetup.removed', { name: s.name }))
  }
  const addHid = async (deviceId: string, name: string) => done(await client.call('scanners.add', { kind: 'hid', port: deviceId, name: name.slice(0, 80) }))
  const look = async () => done(await client.call('scanners.discover', {}))
  const choices = [...new Set([terminalId, ...terminals, ...scanners.flatMap((s) => (s.terminal ? [s.terminal] : []))])]

  return (
    <section className="settings-scanners" data-testid="settings-scanners">
      <h2>{t('scannerSetup.title')}</h2>
      {scanners.length === 0 ? (
        <p className="muted" data-testid="scanners-none">{t('scannerSetup.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('scannerSetup.name')}</th>
              <th>{t('scannerSetup.port')}</th>
              <th>{t('scannerSetup.state')}</th>
              <th>{t('scannerSetup.terminal')}</th>
              <th>{t('scannerSetup.testBox')}</th>
            </tr>
          </thead>
          <tbody>
            {scanners.map((s) => (
              <tr key={s.id} data-testid={`scanner-row-${s.id}`} data-state={s.state} data-device-id={s.deviceId}>
                <td>
                  {s.name}
                  <div className="row-actions">
                    <button type="button" onClick={() => void update(s, { enabled: !s.enabled })} data-testid={`scanner-enable-${s.id}`}>
                      {s.enabled ? t('scannerSetup.disable') : t('scannerSetup.enable')}
                    </button>
                    <button type="button" onClick={() => void remove(s)} data-testid={`scanner-remove-${s.id}`}>
                      {t('scannerSetup.remove')}
                    </button>
                  </div>
                </td>
                <td>
                  <code>{s.port}</code>
                  {s.kind === 'serial' && (
                    <span className="muted">
                      {' '}
                      · {s.baud} · {t(`scannerSetup.suffixes.${s.suffix}`)}
                    </span>
                  )}
                </td>
                <td className={`state-${s.state}`} data-testid={`scanner-state-${s.id}`}>
                  {t(`deviceState.${s.state}`)}
                  {s.lastError && <div className="error-line">{s.lastError}</div>}
                </td>
                <td>
                  <select value={s.terminal ?? ''} onChange={(e) => void update(s, { terminal: e.target.value || null })} data-testid={`scanner-assign-${s.id}`}>
                    <option value="">{t('scannerSetup.lastUsed')}</option>
                    {choices.map((id) => (
                      <option key={id} value={id}>
                        {id === terminalId ? t('scannerSetup.thisScreen', { id }) : id}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <ScannerTestBox deviceId={s.deviceId} testId={`scanner-test-${s.id}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorLine error={error} />
      <ScannerAddForm ports={ports.serialPorts} onAdded={() => void refresh()} />
      {ports.errors.serialPorts && <p className="muted">{ports.errors.serialPorts}</p>}
      <h3>{t('scannerSetup.hidTitle')}</h3>
      {ports.hidScanners.length === 0 ? (
        <p className="muted">{t('scannerSetup.hidNone')}</p>
      ) : (
        <ul className="plain-list">
          {ports.hidScanners.map((h) => (
            <li key={h.deviceId} data-testid={`scanner-hid-${h.deviceId}`}>
              {h.name} <code>{h.deviceId}</code> · {t(`deviceState.${h.state}`)}{' '}
              {h.registeredId === null && (
                <button type="button" onClick={() => void addHid(h.deviceId, h.name)} data-testid={`scanner-hid-add-${h.deviceId}`}>
                  {t('scannerSetup.hidAdd')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="big-button" onClick={() => void look()} data-testid="scanner-look">
        {t('scannerSetup.look')}
      </button>
    </section>
  )
}
