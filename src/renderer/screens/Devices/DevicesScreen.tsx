import { useTranslation } from 'react-i18next'
import { useStation } from '../../app/StationProvider'
import { ScannerPanel } from '../../scan/ScannerPanel'
import { WedgeCalibrationPanel } from '../../scan/WedgeCalibrationPanel'
import { ReaderPanel } from './ReaderPanel'
import { useFormatInstant } from '../../i18n/use-message'

export function DevicesScreen() {
  const { t } = useTranslation()
  const { devices } = useStation()
  const formatInstant = useFormatInstant()
  return (
    <section className="screen" data-testid="screen-devices">
      <h1>{t('devices.title')}</h1>
      {devices.length === 0 ? (
        <p className="muted" data-testid="devices-empty">{t('empty.devicesNone')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('devices.name')}</th>
              <th>{t('devices.kind')}</th>
              <th>{t('devices.transport')}</th>
              <th>{t('devices.state')}</th>
              <th>{t('devices.lastSeen')}</th>
              <th>{t('devices.lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id} data-testid={`device-${d.id}`}>
                <td>
                  {d.name} {d.simulated && <span className="tag">{t('devices.simulated')}</span>}
                </td>
                <td>{t(`deviceKind.${d.kind}`)}</td>
                <td>{d.transport}</td>
                <td className={`state-${d.state}`}>{t(`deviceState.${d.state}`)}</td>
                <td data-testid={`device-seen-${d.id}`}>{d.lastSeenAt ? formatInstant(d.lastSeenAt) : '—'}</td>
                <td>{d.lastError ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ScannerPanel />
      <WedgeCalibrationPanel />
      <ReaderPanel />
    </section>
  )
}
