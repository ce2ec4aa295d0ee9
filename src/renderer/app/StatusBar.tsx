import { useTranslation } from 'react-i18next'
import { useStation } from './StationProvider'
import { useFormatInstant } from '../i18n/use-message'

/** Always visible: devices, printer, sync and operator — the four things a dock lead asks first. */
export function StatusBar() {
  const { t } = useTranslation()
  const { devices, sync, session, info, connection } = useStation()
  const formatInstant = useFormatInstant()
  const connected = devices.filter((d) => d.state === 'connected').length
  const printer = devices.find((d) => d.id === info.settings.printerId)
  const devicesOk = devices.length > 0 && connected === devices.length
  const connectionText = connection === 'open' ? t('status.connected') : connection === 'connecting' ? t('status.connecting') : t('status.disconnected')

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`status-item ${connection === 'open' ? 'ok' : 'bad'}`} data-testid="status-connection">
        {t('status.connection')}: {connectionText}
      </span>
      <span className={`status-item ${devicesOk ? 'ok' : devices.length === 0 ? 'muted' : 'warn'}`} data-testid="status-devices">
        {t('status.devices')}: {devices.length === 0 ? t('status.noDevices') : t('status.devicesCount', { connected, total: devices.length })}
      </span>
      <span className={`status-item ${printer?.state === 'connected' ? 'ok' : printer ? 'bad' : 'muted'}`} data-testid="status-printer">
        {t('status.printer')}: {printer ? `${printer.name} (${t(`printerState.${printer.state}`)})` : t('status.noPrinter')}
      </span>
      <span
        className={`status-item ${sync.conflicts > 0 || sync.state === 'error' || sync.state === 'offline' ? 'bad' : sync.state === 'idle' ? 'ok' : 'muted'}`}
        data-testid="status-sync"
      >
        {t('status.sync')}: {t(`syncState.${sync.state}`)} · {t('status.syncWaiting', { count: sync.pending })}
        {sync.conflicts > 0 && <> · {t('status.syncConflicts', { count: sync.conflicts })}</>}
        {sync.lastSyncAt && <> · {t('status.syncLast', { time: formatInstant(sync.lastSyncAt) })}</>}
      </span>
      {info.storage?.diskFull && (
        <span className="status-item bad" role="alert" data-testid="status-disk-full">
          {t('status.diskFull')}
        </span>
      )}
      {info.storage?.corrupt && (
        <span className="status-item bad" role="alert" data-testid="status-corrupt">
          {t('status.corrupt')}
        </span>
      )}
      <span className={`status-item ${session.operator ? 'ok' : 'muted'}`} data-testid="status-operator">
        {t('status.operator')}: {session.operator?.name ?? t('status.signedOut')}
      </span>
    </footer>
  )
}
