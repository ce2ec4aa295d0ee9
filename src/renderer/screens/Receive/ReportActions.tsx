import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportFile } from '../../../shared/contract-areas/receiving'
import type { AppError } from '../../../shared/result'
import { useStation } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'

function pdfUrl(file: ReportFile): string {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
}

/**
 * The closed order's discrepancy report, offered to whoever is at the screen: a download (the served UI
 * runs in a browser that cannot open a path on the station) and an in-page view to print from.
 */
export function ReportActions({ order }: { order: string }) {
  const { t } = useTranslation()
  const { client } = useStation()
  const [file, setFile] = useState<{ name: string; url: string } | null>(null)
  const [viewing, setViewing] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => () => void (file && URL.revokeObjectURL(file.url)), [file])

  const load = async (): Promise<{ name: string; url: string } | null> => {
    if (file) return file
    const r = await client.call('receiving.report', { order })
    if (!r.ok) {
      setError(r.error)
      return null
    }
    setError(null)
    const loaded = { name: r.value.name, url: pdfUrl(r.value) }
    setFile(loaded)
    return loaded
  }

  const download = async () => {
    const f = await load()
    if (!f) return
    const a = document.createElement('a')
    a.href = f.url
    a.download = f.name
    a.click()
  }

  return (
    <div className="report-actions">
      <span>{t('receive.report')}</span>
      <button type="button" onClick={() => void download()} data-testid="receive-report-download">
        {t('receive.reportDownload')}
      </button>
      <button type="button" onClick={() => void load().then((f) => setViewing(f !== null))} data-testid="receive-report-view">
        {t('receive.reportView')}
      </button>
      <ErrorLine error={error} />
      {viewing && file && (
        <div className="report-viewer" role="dialog" aria-label={t('receive.report')} data-testid="receive-report-viewer">
          <iframe src={file.url} title={file.name} />
          <button type="button" onClick={() => setViewing(false)} data-testid="receive-report-close">
            {t('receive.reportClose')}
          </button>
        </div>
      )}
    </div>
  )
}
