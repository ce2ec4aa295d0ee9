import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../shared/contract-areas/access'
import type { AppError } from '../../../shared/result'
import { ErrorLine } from '../../components/ErrorLine'
import { useStation } from '../../app/StationProvider'
import { useMessageText } from '../../i18n/use-message'

/** The audit filters offered: a group of event types each. */
const GROUPS: Record<string, string[]> = {
  all: [],
  settings: ['settings.*', 'sscc.configured'],
  operators: ['operator.*'],
  access: ['access.*', 'operator.locked', 'operator.pin_refused'],
  approvals: ['approval.*']
}

const describe = (payload: Record<string, unknown>): string => {
  const { before, after, ...rest } = payload
  if (before === undefined) return JSON.stringify(payload)
  // Settings events carry the new values at the top level; operator events under `after`.
  return `${JSON.stringify(before)} → ${JSON.stringify(after ?? rest)}`
}

/** Settings → Audit (administrators): who changed what, before → after, and whether the chain holds. */
export function AuditPanel() {
  const { t, i18n } = useTranslation()
  const { client } = useStation()
  const messageText = useMessageText()
  const [group, setGroup] = useState('all')
  const [since, setSince] = useState('')
  const [rows, setRows] = useState<AuditEntry[]>([])
  const [verdict, setVerdict] = useState('')
  const [error, setError] = useState<AppError | null>(null)

  const query = useCallback(() => {
    const types = GROUPS[group] ?? []
    return client.call('audit.list', { ...(types.length ? { types } : {}), ...(since ? { since: new Date(since).toISOString() } : {}), limit: 200 })
  }, [client, group, since])
  const show = (result: Awaited<ReturnType<typeof query>>) => {
    if (result.ok) {
      setRows(result.value)
      setError(null)
    } else setError(result.error)
  }
  const load = async () => show(await query())

  useEffect(() => {
    void query().then((result) => {
      setRows(result.ok ? result.value : [])
      setError(result.ok ? null : result.error)
    })
  }, [query])

  const verify = async () => {
    const result = await client.call('audit.verify', {})
    if (!result.ok) return setError(result.error)
    setVerdict(
      result.value.ok
        ? messageText({ code: 'audit.verified', params: { events: result.value.events } })
        : messageText({ code: 'audit.broken', params: { id: String(result.value.firstBrokenEventId ?? '?') } })
    )
  }

  return (
    <div className="audit-panel" data-testid="audit-panel">
      <div className="audit-filters">
        <label>
          {t('audit.filter')}
          <select value={group} onChange={(e) => setGroup(e.target.value)} data-testid="audit-filter">
            {Object.keys(GROUPS).map((g) => (
              <option key={g} value={g}>
                {t(`audit.groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.since')}
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} data-testid="audit-since" />
        </label>
        <button type="button" onClick={() => void load()} data-testid="audit-refresh">
          {t('audit.refresh')}
        </button>
        <button type="button" onClick={() => void verify()} data-testid="audit-verify">
          {t('audit.verify')}
        </button>
      </div>
      {verdict && (
        <p className="notice" data-testid="audit-verdict">
          {verdict}
        </p>
      )}
      <ErrorLine error={error} />
      <table className="audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.what')}</th>
            <th>{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="audit-row" data-type={r.type}>
              <td>{new Date(r.occurredAt).toLocaleString(i18n.language)}</td>
              <td>{r.operatorName ?? '—'}</td>
              <td>{r.type}</td>
              <td className="audit-details">{describe(r.payload)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
