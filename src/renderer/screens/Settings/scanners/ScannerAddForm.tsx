import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { RegisteredScannerView, ScannerPorts } from '../../../../shared/contract-areas/scanner-registry'
import { SCANNER_BAUDS, SCANNER_SUFFIXES, type ScannerSuffix } from '../../../../shared/model/scanners'
import type { AppError } from '../../../../shared/result'
import { useFeedback } from '../../../app/FeedbackProvider'
import { useStation } from '../../../app/StationProvider'
import { useMessageText } from '../../../i18n/use-message'

/**
 * Adds a serial scanner: a port the station lists, or a typed path (a by-id symlink), with its baud,
 * suffix and name. Settings → Scanners and first-run setup share it (one add path: `scanners.add`).
 */
export function ScannerAddForm({ ports, onAdded }: { ports: ScannerPorts['serialPorts']; onAdded: (s: RegisteredScannerView) => void }) {
  const { t } = useTranslation()
  const say = useMessageText()
  const feedback = useFeedback()
  const { client } = useStation()
  const [picked, setPicked] = useState('')
  const [typed, setTyped] = useState('')
  const [baud, setBaud] = useState(9600)
  const [suffix, setSuffix] = useState<ScannerSuffix>('crlf')
  const [name, setName] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const port = typed.trim() || picked

  const add = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const r = await client.call('scanners.add', { port, baud, suffix, ...(name.trim() ? { name: name.trim() } : {}) })
    if (!r.ok) {
      setError(r.error)
      feedback('bad', t('scannerSetup.refused', { reason: say(r.error) }))
      return
    }
    setPicked('')
    setTyped('')
    setName('')
    feedback('good', t('scannerSetup.added', { name: r.value.name }))
    onAdded(r.value)
  }

  return (
    <form className="settings-form scanner-add" onSubmit={(e) => void add(e)} data-wedge="off" data-testid="scanner-add">
      <h3>{t('scannerSetup.addTitle')}</h3>
      <label>
        {t('scannerSetup.pickPort')}
        <select value={picked} onChange={(e) => setPicked(e.target.value)} data-testid="scanner-add-port">
          <option value="">{t('scannerSetup.typePort')}</option>
          {ports.map((p) => (
            <option key={p.path} value={p.path} disabled={p.registeredId !== null}>
              {p.path}
              {p.manufacturer ? ` · ${p.manufacturer}` : ''}
              {p.scanner ? ` · ${t('scannerSetup.scannerPort')}` : ''}
              {p.registeredId !== null ? ` · ${t('scannerSetup.registered')}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scannerSetup.typedPath')}
        <input value={typed} maxLength={260} placeholder="/dev/serial/by-id/…" autoComplete="off" onChange={(e) => setTyped(e.target.value)} data-testid="scanner-add-path" />
      </label>
      <label>
        {t('scannerSetup.baud')}
        <select value={baud} onChange={(e) => setBaud(Number(e.target.value))} data-testid="scanner-add-baud">
          {SCANNER_BAUDS.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scannerSetup.suffix')}
        <select value={suffix} onChange={(e) => setSuffix(e.target.value as ScannerSuffix)} data-testid="scanner-add-suffix">
          {SCANNER_SUFFIXES.map((s) => (
            <option key={s} value={s}>
              {t(`scannerSetup.suffixes.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scannerSetup.name')}
        <input value={name} maxLength={80} autoComplete="off" onChange={(e) => setName(e.target.value)} data-testid="scanner-add-name" />
      </label>
      <div className="actions">
        <button type="submit" className="big-button primary" disabled={!port} data-testid="scanner-add-submit">
          {t('scannerSetup.add')}
        </button>
      </div>
      <p className="muted">{t('scannerSetup.portHint')}</p>
      {error && (
        <p className="error-line" role="alert" data-testid="scanner-add-error" data-code={error.code}>
          {say(error)}
        </p>
      )}
    </form>
  )
}
