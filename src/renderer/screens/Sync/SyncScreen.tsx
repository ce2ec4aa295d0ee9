import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStation } from '../../app/StationProvider'
import { useFeedback } from '../../app/FeedbackProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { useFormatInstant, useMessageText } from '../../i18n/use-message'
import type { SyncConflictView } from '../../../shared/model/sync'
import type { AppError } from '../../../shared/result'
import type { Command } from '../../../shared/codes/commands'
import { useCommandHandlers } from '../../commands/registry'
import { CommandSheetButton, Shortcut } from '../../commands/CommandSheetButton'

/** The commands the Sync screen takes (its command sheet): sync now (also the retry after a failure), and leaving. */
const SYNC_COMMANDS: readonly Command[] = ['sync-now', 'go-receive', 'go-lookup', 'sign-out']

/** Sync with the upstream server: state, queue, last success, "sync now", and the conflicts to resolve. */
export function SyncScreen() {
  const { t } = useTranslation()
  const formatInstant = useFormatInstant()
  const { client, sync } = useStation()
  const feedback = useFeedback()
  const messageText = useMessageText()
  const [busy, setBusy] = useState(false)
  const [conflicts, setConflicts] = useState<SyncConflictView[]>([])
  const [notes, setNotes] = useState<Record<number, string>>({})
  const [error, setError] = useState<AppError | null>(null)

  const loadConflicts = useCallback(async () => {
    const result = await client.call('sync.conflicts', {})
    if (result.ok) setConflicts(result.value)
  }, [client])
  // Reload when the count of open conflicts changes (a pull raised one, another terminal resolved one).
  const openCount = sync.conflicts
  useEffect(() => {
    void Promise.resolve(openCount).then(loadConflicts)
  }, [loadConflicts, openCount])

  const syncNow = async () => {
    setBusy(true)
    setError(null)
    const result = await client.call('sync.syncNow', {})
    setBusy(false)
    if (!result.ok) setError(result.error)
    await loadConflicts()
  }

  const resolve = async (id: number) => {
    const result = await client.call('sync.resolveConflict', { id, note: notes[id] ?? '' })
    if (result.ok) {
      feedback('good', t('sync.resolved'))
      await loadConflicts()
    } else {
      setError(result.error)
      feedback('bad', messageText(result.error))
    }
  }

  const canSync = !busy && sync.state !== 'not-configured'
  useCommandHandlers(canSync ? { 'sync-now': () => void syncNow() } : {})

  return (
    <section className="screen" data-testid="screen-sync">
      <h1>{t('sync.title')}</h1>
      <dl className="facts">
        <dt>{t('sync.state')}</dt>
        <dd data-testid="sync-state">{t(`syncState.${sync.state}`)}</dd>
        <dt>{t('sync.server')}</dt>
        <dd data-testid="sync-server">{sync.serverUrl || '—'}</dd>
        <dt>{t('sync.pending')}</dt>
        <dd data-testid="sync-pending">{sync.pending}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd data-testid="sync-last">{sync.lastSyncAt ? formatInstant(sync.lastSyncAt, 'datetime') : t('sync.never')}</dd>
        <dt>{t('sync.conflicts')}</dt>
        <dd data-testid="sync-conflicts">{sync.conflicts}</dd>
      </dl>
      {sync.state === 'not-configured' && <p className="muted">{t('sync.notConfigured')}</p>}
      {sync.lastError && <p className="error-line" data-testid="sync-error">{messageText({ code: sync.lastError, params: sync.lastErrorParams ?? {} })}</p>}
      <div className="actions">
        <button type="button" className="big-button primary" disabled={!canSync} onClick={syncNow} data-testid="sync-now">
          {busy ? t('sync.syncing') : t('sync.syncNow')} <Shortcut command="sync-now" />
        </button>
        <CommandSheetButton screen="sync" commands={SYNC_COMMANDS} />
      </div>
      <ErrorLine error={error} />
      <h2>{t('sync.conflictsTitle')}</h2>
      {conflicts.length === 0 && <p className="muted" data-testid="sync-no-conflicts">{t('sync.noConflicts')}</p>}
      {conflicts.length > 0 && (
        <table className="table" data-testid="sync-conflict-list">
          <thead>
            <tr>
              <th>{t('sync.gtin')}</th>
              <th>{t('sync.serial')}</th>
              <th>{t('sync.stations')}</th>
              <th>{t('sync.raisedAt')}</th>
              <th>{t('sync.note')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={c.id} data-testid="sync-conflict">
                <td>{c.gtin}</td>
                <td>
                  {c.serial} {c.counterfeitSuspect && <strong className="bad">({t('sync.counterfeit')})</strong>}
                </td>
                <td>{c.stations.join(', ')}</td>
                <td>{formatInstant(c.raisedAt, 'datetime')}</td>
                <td>
                  <input value={notes[c.id] ?? ''} maxLength={500} onChange={(e) => setNotes((n) => ({ ...n, [c.id]: e.target.value }))} data-testid="sync-conflict-note" />
                </td>
                <td>
                  <button type="button" className="big-button" disabled={!(notes[c.id] ?? '').trim()} onClick={() => void resolve(c.id)} data-testid="sync-conflict-resolve">
                    {t('sync.resolve')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
