import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportProgress, ImportReport } from '../../../shared/contract-areas/receiving'
import type { AppError } from '../../../shared/result'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { stationToken, uploadFile } from '../../api/upload'
import { useMessageText } from '../../i18n/use-message'
import '../../styles/receiving.css'
import { ImportSourcePicker, sourceName, type ChosenSource } from './ImportSourcePicker'

const MAX_ISSUES_SHOWN = 200
const MAX_PREVIEW_ROWS = 20

/**
 * Site IT: import items, suppliers, locations, POs or ASNs from a CSV/XLSX file, chosen with a file picker
 * or dropped on the panel. In the desktop app the file is a path on the station (from the system's file
 * dialog); in a browser the file's bytes are uploaded (the station never reads a path a browser names).
 * Check first (preview + every bad row with its reason), then import: all rows or none, with progress.
 */
export function ImportPanel({ onImported }: { onImported?: () => void }) {
  const { t } = useTranslation()
  const { client, info } = useStation()
  const uploads = info.host === 'headless'
  const [chosen, setChosen] = useState<ChosenSource | null>(null)
  const [source, setSource] = useState<{ upload: string } | { path: string } | null>(null)
  const feedback = useFeedback()
  const text = useMessageText()
  const [report, setReport] = useState<ImportReport | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [busy, setBusy] = useState<'preview' | 'run' | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => client.on('imports.progress', (p) => setProgress(p)), [client])

  const choose = (next: ChosenSource) => {
    setChosen(next)
    setSource(null)
    setReport(null)
    setError(null)
  }

  const check = async (e?: FormEvent) => {
    e?.preventDefault()
    if (!chosen) return
    setBusy('preview')
    setError(null)
    setReport(null)
    setProgress(null)
    let next: { upload: string } | { path: string }
    if (chosen.kind === 'upload') {
      const up = await uploadFile(chosen.file, stationToken() ?? '')
      if (!up.ok) {
        setBusy(null)
        return setError(up.error)
      }
      next = { upload: up.value.upload }
    } else next = { path: chosen.path }
    setSource(next)
    const r = await client.call('imports.preview', next)
    setBusy(null)
    // The report says how it ended; a finished bar ("3 of 3") would only linger.
    setProgress(null)
    if (!r.ok) return setError(r.error)
    setReport(r.value)
  }

  const run = async () => {
    setBusy('run')
    setError(null)
    setProgress(null)
    if (!source) return
    const r = await client.call('imports.run', source)
    setBusy(null)
    setProgress(null)
    if (!r.ok) {
      setError(r.error)
      feedback('bad', text(r.error))
      return
    }
    setReport(r.value)
    if (r.value.applied) {
      feedback('good', t('imports.done', { rows: r.value.rows }))
      onImported?.()
    } else feedback('bad', t('imports.refused', { count: r.value.errorCount }))
  }

  const columns = report ? [...new Set(report.preview.slice(0, MAX_PREVIEW_ROWS).flatMap((row) => Object.keys(row)))] : []
  const pct = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0
  // Before the first bytes are counted the bar runs without a value (indeterminate), never a frozen 0 %.
  const measured = progress !== null && progress.total > 0 && progress.done > 0

  return (
    <div className="receive-panel import-panel" data-testid="import-panel">
      <h2>{t('imports.title')}</h2>
      <p className="muted">{t('imports.hint')}</p>
      <ImportSourcePicker uploads={uploads} chosen={chosen} onChosen={choose} onError={setError} />
      <form className="row" onSubmit={(e) => void check(e)}>
        <button type="submit" disabled={busy !== null || !chosen} data-testid="import-preview" title={chosen ? sourceName(chosen) : undefined}>
          {t('imports.check')}
        </button>
        <button type="button" className="primary" disabled={busy !== null || !report?.valid || report.applied} onClick={() => void run()} data-testid="import-run">
          {t('imports.run')}
        </button>
        {busy && (
          <button type="button" onClick={() => void client.call('imports.cancel', {})} data-testid="import-cancel">
            {t('imports.cancel')}
          </button>
        )}
      </form>
      <ErrorLine error={error} />
      {busy && (
        <div className="row" data-testid="import-progress" data-phase={progress?.phase ?? 'start'}>
          {measured ? <progress max={progress.total} value={progress.done} /> : <progress />}
          <span>
            {measured
              ? t('imports.progress', { phase: t(`imports.phase.${progress.phase}`), done: progress.done, total: progress.total, pct })
              : t(busy === 'preview' && chosen?.kind === 'upload' && !source ? 'imports.uploading' : 'imports.starting', { name: chosen ? sourceName(chosen) : '' })}
          </span>
        </div>
      )}
      {report && (
        <div data-testid="import-report" data-valid={String(report.valid)} data-applied={String(report.applied)}>
          <p className={report.valid ? 'notice' : 'error-line'} data-testid="import-summary">
            {report.applied
              ? t('imports.applied', { rows: report.rows, kind: report.kind ?? '?', ms: report.ms })
              : report.valid
                ? t('imports.valid', { rows: report.rows, kind: report.kind ?? '?' })
                : t('imports.invalid', { rows: report.rows, count: report.errorCount })}
          </p>
          {Object.keys(report.summary).length > 0 && (
            <p className="muted" data-testid="import-counts">
              {Object.entries(report.summary)
                .map(([k, v]) => `${k}: ${v}`)
                .join(' · ')}
            </p>
          )}
          {report.errors.length > 0 && (
            <>
              <h3>{t('imports.badRows', { count: report.errorCount })}</h3>
              <div className="import-scroll">
                <table className="table import-errors" data-testid="import-errors">
                  <thead>
                    <tr>
                      <th>{t('imports.row')}</th>
                      <th>{t('imports.column')}</th>
                      <th>{t('imports.value')}</th>
                      <th>{t('imports.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.slice(0, MAX_ISSUES_SHOWN).map((e, i) => (
                      <tr key={i} data-rule={e.rule}>
                        <td>{e.row}</td>
                        <td>{e.column ?? '—'}</td>
                        <td>{e.value ?? ''}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {(report.truncated || report.errorCount > MAX_ISSUES_SHOWN) && <p className="muted">{t('imports.more', { shown: Math.min(MAX_ISSUES_SHOWN, report.errors.length), count: report.errorCount })}</p>}
            </>
          )}
          {columns.length > 0 && (
            <>
              <h3>{t('imports.preview')}</h3>
              <div className="import-scroll">
                <table className="table import-preview" data-testid="import-preview-table">
                  <thead>
                    <tr>
                      {columns.map((c) => (
                        <th key={c}>{c}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {report.preview.slice(0, MAX_PREVIEW_ROWS).map((row, i) => (
                      <tr key={i}>
                        {columns.map((c) => (
                          <td key={c}>{row[c] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  )
}
