import { useTranslation } from 'react-i18next'
import { useStation } from '../../app/StationProvider'

export function SyncScreen() {
  const { t } = useTranslation()
  const { sync } = useStation()
  return (
    <section className="screen" data-testid="screen-sync">
      <h1>{t('sync.title')}</h1>
      <dl className="facts">
        <dt>{t('sync.state')}</dt>
        <dd data-testid="sync-state">{t(`syncState.${sync.state}`)}</dd>
        <dt>{t('sync.pending')}</dt>
        <dd data-testid="sync-pending">{sync.pending}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd>{sync.lastSyncAt ?? t('sync.never')}</dd>
      </dl>
      {sync.state === 'not-configured' && <p className="muted">{t('sync.notConfigured')}</p>}
      {sync.lastError && <p className="error-line">{sync.lastError}</p>}
    </section>
  )
}
