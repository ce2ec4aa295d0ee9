import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMessageText } from '../../i18n/use-message'
import { LANGUAGES, type Language, type StationSettings } from '../../../shared/model/station'
import type { AppError } from '../../../shared/result'
import { ErrorLine } from '../../components/ErrorLine'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'
import { PrintersPanel } from './PrintersPanel'
import { AuditPanel } from './AuditPanel'
import { OperatorsPanel } from './OperatorsPanel'
import { ScannersPanel } from './scanners/ScannersPanel'

const TABS = ['station', 'operators', 'printers', 'scanners', 'audit'] as const
type Tab = (typeof TABS)[number]

/** Settings, with Operators, Printers, Scanners and Audit beside the station's own settings (all for administrators). */
export function SettingsScreen() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('station')
  return (
    <section className="screen" data-testid="screen-settings">
      <h1>{t('settings.title')}</h1>
      <div className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)} data-testid={`settings-tab-${name}`}>
            {t(`settings.tabs.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'station' ? <StationSettingsForm /> : tab === 'operators' ? <OperatorsPanel /> : tab === 'printers' ? <PrintersPanel /> : tab === 'scanners' ? <ScannersPanel /> : <AuditPanel />}
    </section>
  )
}

function StationSettingsForm() {
  const { t } = useTranslation()
  const { client, info, devices } = useStation()
  const feedback = useFeedback()
  const messageText = useMessageText()
  const [draft, setDraft] = useState<StationSettings>(info.settings)
  const [gsText, setGsText] = useState(info.settings.wedgeGsSubstitutes.join(', '))
  const [error, setError] = useState<AppError | null>(null)
  const [notice, setNotice] = useState('')

  const set = <K extends keyof StationSettings>(key: K, value: StationSettings[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const wedgeGsSubstitutes = gsText.split(',').map((s) => s.trim()).filter(Boolean)
    const result = await client.call('settings.update', { ...draft, wedgeGsSubstitutes })
    if (result.ok) {
      setDraft(result.value)
      feedback('good', t('settings.saved'))
    } else {
      setError(result.error)
      feedback('bad', messageText(result.error))
    }
  }

  const exportDiagnostics = async () => {
    const result = await client.call('diagnostics.export', {})
    if (result.ok) setNotice(t('settings.diagnosticsDone', { path: result.value.path }))
    else setError(result.error)
  }

  const options = (kind: string) => devices.filter((d) => d.kind === kind)

  return (
    <>
      <form className="settings-form" onSubmit={save}>
        <label>
          {t('settings.stationName')}
          <input value={draft.stationName} maxLength={80} onChange={(e) => set('stationName', e.target.value)} data-testid="settings-stationName" />
        </label>
        <label>
          {t('settings.site')}
          <input value={draft.site} maxLength={80} onChange={(e) => set('site', e.target.value)} data-testid="settings-site" />
        </label>
        <label>
          {t('settings.dock')}
          <input value={draft.dock} maxLength={40} onChange={(e) => set('dock', e.target.value)} data-testid="settings-dock" />
        </label>
        <label>
          {t('settings.language')}
          <select value={draft.language} onChange={(e) => set('language', e.target.value as Language)} data-testid="settings-language">
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.printerId')}
          <select value={draft.printerId} onChange={(e) => set('printerId', e.target.value)} data-testid="settings-printer">
            <option value="">{t('settings.none')}</option>
            {options('printer').map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.rfidReaderId')}
          <select value={draft.rfidReaderId} onChange={(e) => set('rfidReaderId', e.target.value)} data-testid="settings-rfid">
            <option value="">{t('settings.none')}</option>
            {options('rfid-reader').map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('settings.scannerIds')}</legend>
          {options('scanner').length === 0 && <span className="muted">{t('settings.none')}</span>}
          {options('scanner').map((d) => (
            <label key={d.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.scannerIds.includes(d.id)}
                onChange={(e) => set('scannerIds', e.target.checked ? [...draft.scannerIds, d.id] : draft.scannerIds.filter((id) => id !== d.id))}
              />
              {d.name}
            </label>
          ))}
        </fieldset>
        <label>
          {t('settings.syncServerUrl')}
          <input value={draft.syncServerUrl} maxLength={500} placeholder="https://" onChange={(e) => set('syncServerUrl', e.target.value)} data-testid="settings-syncServerUrl" />
        </label>
        <label>
          {t('settings.syncToken')}
          <input type="password" autoComplete="off" value={draft.syncToken} maxLength={200} onChange={(e) => set('syncToken', e.target.value)} data-testid="settings-syncToken" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.badgeSignIn} onChange={(e) => set('badgeSignIn', e.target.checked)} data-testid="settings-badgeSignIn" />
          {t('settings.badgeSignIn')}
        </label>
        <label>
          {t('settings.idleSignOutMinutes')}
          <input type="number" min={0} max={1440} value={draft.idleSignOutMinutes} onChange={(e) => set('idleSignOutMinutes', Number(e.target.value))} data-testid="settings-idleSignOutMinutes" />
        </label>
        <label>
          {t('settings.wedgeGs')}
          <input value={gsText} onChange={(e) => setGsText(e.target.value)} data-testid="settings-wedgeGs" />
        </label>
        <div className="actions">
          <button type="submit" className="big-button primary" data-testid="settings-save">
            {t('settings.save')}
          </button>
          <button type="button" className="big-button" onClick={exportDiagnostics} data-testid="settings-diagnostics">
            {t('settings.diagnostics')}
          </button>
        </div>
      </form>
      <ErrorLine error={error} />
      {notice && <p className="notice" data-testid="settings-notice">{notice}</p>}
      <dl className="facts">
        <dt>{t('settings.stationId')}</dt>
        <dd>{info.stationId}</dd>
        <dt>{t('settings.dataDir')}</dt>
        <dd>{info.dataDir}</dd>
        <dt>{t('settings.version')}</dt>
        <dd>{info.version}</dd>
      </dl>
    </>
  )
}
