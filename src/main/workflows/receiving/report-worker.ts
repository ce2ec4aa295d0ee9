/** Worker thread: renders the discrepancy report PDF off the thread that serves scans. */
import { writePrivate } from '../../store/file-modes'
import { parentPort, workerData } from 'node:worker_threads'
import { renderReportPdf, type ReportData } from './report-pdf'

const { data, path } = workerData as { data: ReportData; path: string }
try {
  const bytes = await renderReportPdf(data)
  writePrivate(path, bytes)
  parentPort!.postMessage({ type: 'done', value: { path, bytes: bytes.length } })
} catch (error) {
  parentPort!.postMessage({ type: 'error', error: { code: 'receiving.report_failed', message: error instanceof Error ? error.message : String(error) } })
}
