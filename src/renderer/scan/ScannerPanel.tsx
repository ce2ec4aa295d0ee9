import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScanClassification } from '../../shared/codes/gs1/classify'
import type { ScannerSummary, ScanResult } from '../../shared/contract-areas/scans'
import { WEDGE_SUFFIXES, type StationSettings, type WedgeSuffix } from '../../shared/model/station'
import type { AppError } from '../../shared/result'
import { ErrorLine } from '../components/ErrorLine'
import { useFormatInstant, useMessageText } from '../i18n/use-message'
import { useStation } from '../app/StationProvider'

const showGs = (text: string) => text.replaceAll('\u001d', '⟨GS⟩')

/** What a scan parsed into: symbology, every element, the typed fields, or the reason it failed. */
export function ParseView({ classification, testId }: { classification: ScanClassification; testId: string }) {
  const { t } = useTranslation()
  const say = useMessageText()
  if (classification.kind === 'invalid') {
    return (
      <div className="parse-view" data-testid={testId} data-kind="invalid">
        <p className="error-line">
          {say(classification.error)} <code>[{classification.error.code}]</code>
        </p>
      </div>
    )
  }
  if (classification.kind === 'plain') {
    return (
      <div className="parse-view" data-testid={testId} data-kind="plain">
        <p>
          {t('scanners.plainText')}: <code>{showGs(classification.text)}</code>
          {classification.symbology && <span className="tag">{classification.symbology}</span>}
        </p>
      </div>
    )
  }
  return (
    <div className="parse-view" data-testid={testId} data-kind="gs1">
      <p>
        {t('scanners.gs1Form', { form: classification.form })} {classification.symbology && <span className="tag">{classification.symbology}</span>}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('scanners.ai')}</th>
            <th>{t('scanners.value')}</th>
          </tr>
        </thead>
        <tbody>
          {classification.elements.map((e, i) => (
            <tr key={`${e.ai}-${i}`} data-testid={`${testId}-element`}>
              <td>({e.ai})</td>
              <td>
                <code>{e.value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <pre className="fields" data-testid={`${testId}-fields`}>
        {JSON.stringify(classification.fields, null, 2)}
      </pre>
    </div>
  )
}

function WedgeSettingsForm() {
  const { t } = useTranslation()
  const { client, info } = useStation()
  const s = info.settings
  const [draft, setDraft] = useState({
    wedgeInterKeyMs: String(s.wedgeInterKeyMs),
    wedgeEndTimeoutMs: String(s.wedgeEndTimeoutMs),
    wedgePrefix: s.wedgePrefix,
    wedgeSuffix: s.wedgeSuffix,
    wedgeMinLength: String(s.wedgeMinLength),
    wedgeGsSubstitutes: s.wedgeGsSubstitutes.join(', ')
  })
  const [error, setError] = useState<AppError | null>(null)
  const [saved, setSaved] = useState(false)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setSaved(false)
    const patch: Partial<StationSettings> = {
      wedgeInterKeyMs: Number(draft.wedgeInterKeyMs),
      wedgeEndTimeoutMs: Number(draft.wedgeEndTimeoutMs),
      wedgePrefix: draft.wedgePrefix,
      wedgeSuffix: draft.wedgeSuffix,
      wedgeMinLength: Number(draft.wedgeMinLength),
      wedgeGsSubstitutes: draft.wedgeGsSubstitutes.split(',').map((x) => x.trim()).filter(Boolean)
    }
    const result = await client.call('settings.update', patch)
    if (result.ok) setSaved(true)
    else setError(result.error)
  }
  const field = (key: 'wedgeInterKeyMs' | 'wedgeEndTimeoutMs' | 'wedgeMinLength' | 'wedgePrefix' | 'wedgeGsSubstitutes', type: 'number' | 'text') => (
    <label>
      {t(`scanners.${key}`)}
      <input type={type} value={draft[key]} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} data-testid={`wedge-${key}`} data-wedge="off" />
    </label>
  )
  return (
    <form className="settings-form" onSubmit={save} data-testid="wedge-settings">
      {field('wedgeInterKeyMs', 'number')}
      {field('wedgeEndTimeoutMs', 'number')}
      {field('wedgeMinLength', 'number')}
      {field('wedgePrefix', 'text')}
      <label>
        {t('scanners.wedgeSuffix')}
        <select value={draft.wedgeSuffix} onChange={(e) => setDraft((d) => ({ ...d, wedgeSuffix: e.target.value as WedgeSuffix }))} data-testid="wedge-wedgeSuffix">
          {WEDGE_SUFFIXES.map((x) => (
            <option key={x} value={x}>
              {t(`scanners.suffix.${x}`)}
            </option>
          ))}
        </select>
      </label>
      {field('wedgeGsSubstitutes', 'text')}
      <div className="actions">
        <button type="submit" className="big-button primary" data-testid="wedge-save">
          {t('settings.save')}
        </button>
        {saved && <span className="notice">{t('settings.saved')}</span>}
      </div>
      <ErrorLine error={error} />
    </form>
  )
}

/** Devices screen: scanners with state and last scan, enable/disable, wedge settings, a test box. */
export function ScannerPanel() {
  const { t } = useTranslation()
  const say = useMessageText()
  const formatInstant = useFormatInstant()
  const { client, devices, info } = useStation()
  const [summaries, setSummaries] = useState<ScannerSummary[]>([])
  const [last, setLast] = useState<ScanResult | null>(null)
  const [testText, setTestText] = useState('')
  const [parsed, setParsed] = useState<ScanClassification | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const scanners = devices.filter((d) => d.kind === 'scanner')

  const refresh = useCallback(() => {
    void client.call('scanners.summary', {}).then((r) => {
      if (r.ok) setSummaries(r.value)
    })
  }, [client])

  useEffect(
    () =>
      client.on('scans.result', (result) => {
        setLast(result)
        refresh()
      }),
    [client, refresh]
  )
  // (re)load on mount and whenever the device list or the enabled set changes
  const disabledKey = info.settings.disabledScannerIds.join('\n')
  useEffect(() => {
    void client.call('scanners.summary', {}).then((r) => {
      if (r.ok) setSummaries(r.value)
    })
  }, [client, devices, disabledKey])

  const setEnabled = async (deviceId: string, enabled: boolean) => {
    const r = await client.call('scanners.setEnabled', { deviceId, enabled })
    if (r.ok) setSummaries(r.value)
    else setError(r.error)
  }
  const simulate = async (deviceId: string) => {
    const r = await client.call('scanners.simulate', { deviceId })
    if (!r.ok) setError(r.error)
  }
  const parse = async (event: FormEvent) => {
    event.preventDefault()
    const r = await client.call('scans.parse', { text: testText })
    if (r.ok) setParsed(r.value)
    else setError(r.error)
  }

  return (
    <section className="scanner-panel" data-testid="scanner-panel">
      <h2>{t('scanners.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('devices.name')}</th>
            <th>{t('devices.state')}</th>
            <th>{t('scanners.lastScan')}</th>
            <th>{t('scanners.counts')}</th>
            <th>{t('devices.lastError')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {scanners.map((d) => {
            const s = summaries.find((x) => x.deviceId === d.id)
            const enabled = !info.settings.disabledScannerIds.includes(d.id)
            return (
              <tr key={d.id} data-testid={`scanner-${d.id}`}>
                <td>
                  {d.name} <span className="muted">({d.transport})</span>
                </td>
                <td className={`state-${d.state}`}>{t(`deviceState.${d.state}`)}</td>
                <td data-testid={`scanner-last-${d.id}`}>{s?.lastScanAt ? `${formatInstant(s.lastScanAt)} · ${showGs(s.lastText ?? '')}` : '—'}</td>
                <td>{s ? t('scanners.countsValue', { scans: s.scans, rejected: s.rejected }) : '—'}</td>
                <td>{d.lastError ?? '—'}</td>
                <td className="row-actions">
                  <button type="button" className="big-button" onClick={() => void setEnabled(d.id, !enabled)} data-testid={`scanner-toggle-${d.id}`}>
                    {enabled ? t('scanners.disable') : t('scanners.enable')}
                  </button>
                  {d.simulated && (
                    <button type="button" className="big-button" onClick={() => void simulate(d.id)} data-testid={`scanner-simulate-${d.id}`}>
                      {t('scanners.simulate')}
                    </button>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <ErrorLine error={error} />

      <h2>{t('scanners.lastResult')}</h2>
      {last ? (
        <div data-testid="scan-last" data-outcome={last.outcome} data-journal-id={last.journalId}>
          <p>
            <span className={`tag outcome-${last.outcome}`}>{t(`scanners.outcome.${last.outcome}`)}</span> {last.deviceId} · <code data-testid="scan-last-text">{showGs(last.text ?? '')}</code>
          </p>
          {last.classification ? <ParseView classification={last.classification} testId="scan-last-parse" /> : <p className="error-line">{say(last)}</p>}
        </div>
      ) : (
        <p className="muted">{t('scanners.noScanYet')}</p>
      )}

      <h2>{t('scanners.testBox')}</h2>
      <form className="test-box" onSubmit={parse} data-wedge="off">
        <label>
          {t('scanners.testHint')}
          <input className="big-input" value={testText} onChange={(e) => setTestText(e.target.value)} data-testid="scan-test-input" />
        </label>
        <button type="submit" className="big-button" data-testid="scan-test-parse">
          {t('scanners.parse')}
        </button>
      </form>
      {parsed && <ParseView classification={parsed} testId="scan-test-result" />}

      <h2>{t('scanners.wedgeTitle')}</h2>
      <WedgeSettingsForm />
    </section>
  )
}
