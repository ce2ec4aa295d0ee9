import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError, Result } from '../../../shared/result'
import { ErrorLine } from '../../components/ErrorLine'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'
import { useMessageText } from '../../i18n/use-message'
import { ScannerAddForm } from '../Settings/scanners/ScannerAddForm'
import { useScannerRegistry } from '../Settings/scanners/ScannersPanel'

const STEPS = ['station', 'sscc', 'printer', 'scanners'] as const

/**
 * First-run setup (issue #10.1): on a station with no administrator, create one first (nothing else
 * is offered); then station, SSCC range, label printer and scanners, each skippable and in Settings later.
 */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const { client, info, devices, session, refreshInfo } = useStation()
  const feedback = useFeedback()
  const messageText = useMessageText()
  const [error, setError] = useState<AppError | null>(null)
  const [step, setStep] = useState(0)
  const [admin, setAdmin] = useState({ name: '', badge: '', pin: '' })
  const [station, setStation] = useState({ stationName: info.settings.stationName, site: info.settings.site, dock: info.settings.dock })
  const [sscc, setSscc] = useState({ companyPrefix: '', extensionDigit: '0', rangeStart: '', rangeEnd: '' })
  const [printerId, setPrinterId] = useState(info.settings.printerId)

  const outcome = async (result: Result<unknown>): Promise<boolean> => {
    if (!result.ok) {
      setError(result.error)
      feedback('bad', messageText(result.error))
      return false
    }
    setError(null)
    await refreshInfo()
    return true
  }
  const next = () => (step + 1 >= STEPS.length ? onDone() : setStep(step + 1))

  const createAdmin = async (event: FormEvent) => {
    event.preventDefault()
    const badge = admin.badge.trim()
    await outcome(await client.call('setup.createAdministrator', { name: admin.name, pin: admin.pin, ...(badge ? { badge } : {}) }))
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const name = STEPS[step]
    const result =
      name === 'station'
        ? await client.call('settings.update', station)
        : name === 'sscc'
          ? await client.call('setup.ssccRange', { companyPrefix: sscc.companyPrefix, extensionDigit: Number(sscc.extensionDigit), rangeStart: Number(sscc.rangeStart), rangeEnd: Number(sscc.rangeEnd) })
          : name === 'printer'
            ? await client.call('settings.update', { printerId })
            : // The scanners step adds each one through its own form (scanners.add), as Settings → Scanners does.
              ({ ok: true, value: null } as const)
    if (await outcome(result)) next()
  }

  if (!session.operator) {
    return (
      <section className="screen setup" data-testid="setup">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <form className="settings-form" onSubmit={createAdmin} data-testid="setup-admin">
          <Field label={t('setup.adminName')}>
            <input value={admin.name} maxLength={80} required onChange={(e) => setAdmin({ ...admin, name: e.target.value })} data-testid="setup-admin-name" />
          </Field>
          <Field label={t('setup.adminBadge')}>
            <input value={admin.badge} maxLength={128} autoComplete="off" onChange={(e) => setAdmin({ ...admin, badge: e.target.value })} data-testid="setup-admin-badge" />
          </Field>
          <Field label={t('setup.adminPin')}>
            <input value={admin.pin} type="password" inputMode="numeric" autoComplete="new-password" required onChange={(e) => setAdmin({ ...admin, pin: e.target.value })} data-testid="setup-admin-pin" />
          </Field>
          <div className="actions">
            <button type="submit" className="big-button primary" data-testid="setup-admin-create">
              {t('setup.createAdmin')}
            </button>
          </div>
        </form>
        <ErrorLine error={error} />
      </section>
    )
  }

  const name = STEPS[step]!
  return (
    <section className="screen setup" data-testid="setup" data-step={name}>
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.step', { n: step + 1, of: STEPS.length })}</p>
      <h2>{t(`setup.${name}`)}</h2>
      {name === 'scanners' && <SetupScanners />}
      <form className="settings-form" onSubmit={save} data-testid={`setup-${name}`}>
        {name === 'station' && (
          <>
            <Field label={t('settings.stationName')}>
              <input value={station.stationName} maxLength={80} required onChange={(e) => setStation({ ...station, stationName: e.target.value })} data-testid="setup-stationName" />
            </Field>
            <Field label={t('settings.site')}>
              <input value={station.site} maxLength={80} onChange={(e) => setStation({ ...station, site: e.target.value })} data-testid="setup-site" />
            </Field>
            <Field label={t('settings.dock')}>
              <input value={station.dock} maxLength={40} onChange={(e) => setStation({ ...station, dock: e.target.value })} data-testid="setup-dock" />
            </Field>
          </>
        )}
        {name === 'sscc' && (
          <>
            <Field label={t('setup.companyPrefix')}>
              <input value={sscc.companyPrefix} inputMode="numeric" onChange={(e) => setSscc({ ...sscc, companyPrefix: e.target.value.trim() })} data-testid="setup-companyPrefix" />
            </Field>
            <Field label={t('setup.extension')}>
              <input value={sscc.extensionDigit} inputMode="numeric" maxLength={1} onChange={(e) => setSscc({ ...sscc, extensionDigit: e.target.value })} data-testid="setup-extension" />
            </Field>
            <Field label={t('setup.rangeStart')}>
              <input value={sscc.rangeStart} inputMode="numeric" onChange={(e) => setSscc({ ...sscc, rangeStart: e.target.value })} data-testid="setup-rangeStart" />
            </Field>
            <Field label={t('setup.rangeEnd')}>
              <input value={sscc.rangeEnd} inputMode="numeric" onChange={(e) => setSscc({ ...sscc, rangeEnd: e.target.value })} data-testid="setup-rangeEnd" />
            </Field>
          </>
        )}
        {name === 'printer' && (
          <Field label={t('setup.printer')}>
            <select value={printerId} onChange={(e) => setPrinterId(e.target.value)} data-testid="setup-printer">
              <option value="">{t('settings.none')}</option>
              {devices
                .filter((d) => d.kind === 'printer')
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
            </select>
          </Field>
        )}
        <div className="actions">
          <button type="submit" className="big-button primary" data-testid="setup-save">
            {step + 1 >= STEPS.length ? t('setup.finish') : t('setup.save')}
          </button>
          <button type="button" className="big-button" onClick={next} data-testid="setup-skip">
            {t('setup.skip')}
          </button>
        </div>
      </form>
      <ErrorLine error={error} />
    </section>
  )
}

/** The scanners step: the same add form as Settings → Scanners, and the scanners added so far. */
function SetupScanners() {
  const { scanners, ports, refresh } = useScannerRegistry()
  return (
    <>
      <ul className="plain-list" data-testid="setup-scanners">
        {scanners.map((s) => (
          <li key={s.id} data-testid={`setup-scanner-${s.id}`}>
            {s.name} <code>{s.port}</code>
          </li>
        ))}
      </ul>
      <ScannerAddForm ports={ports.serialPorts} onAdded={() => void refresh()} />
    </>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
    </label>
  )
}
