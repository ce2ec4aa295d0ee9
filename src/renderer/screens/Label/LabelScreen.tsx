import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchProgressInfo, LabelPreview, PrinterInfo, PrintJobSummary, TemplateSummary } from '../../../shared/contract-areas/labels'
import type { MessageLike } from '../../../shared/messages/catalog'
import type { AppError } from '../../../shared/result'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'
import { useCommandHandlers } from '../../commands/registry'
import { CommandSheetButton, Shortcut } from '../../commands/CommandSheetButton'
import { PrintAgain } from '../../commands/PrintAgain'
import type { Command } from '../../../shared/codes/commands'

const LABEL_COMMANDS: readonly Command[] = ['confirm', 'print-again', 'go-receive', 'go-putaway', 'sign-out']
import { ErrorLine } from '../../components/ErrorLine'
import { ApprovalDialog } from '../../components/ApprovalDialog'
import type { Approval } from '../../../shared/schemas'
import { useMessageText } from '../../i18n/use-message'

const FIELD_ORDER = ['gtin', 'serial', 'lot', 'expiry', 'sscc', 'location', 'description']
// Layout kept local to this screen (the shared stylesheet belongs to the shell).

/** Packing bench: scan a unit, plate or location (or type the data) → preview → print; reprints and batches. */
export function LabelScreen() {
  const { t } = useTranslation()
  const text = useMessageText()
  const { client, info } = useStation()
  const feedback = useFeedback()
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [printers, setPrinters] = useState<PrinterInfo[]>([])
  const [template, setTemplate] = useState('unit')
  const [data, setData] = useState<Record<string, string>>({})
  const [ids, setIds] = useState<{ unitId: number | null; plateId: number | null }>({ unitId: null, plateId: null })
  const [code, setCode] = useState('')
  const [lookupMessage, setLookupMessage] = useState<MessageLike | null>(null)
  const [preview, setPreview] = useState<LabelPreview | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [notice, setNotice] = useState('')
  const [jobs, setJobs] = useState<PrintJobSummary[]>([])
  const [reprintOf, setReprintOf] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const [approval, setApproval] = useState<{ reason: AppError; error: AppError | null } | null>(null)
  const [serials, setSerials] = useState('')
  const [batch, setBatch] = useState<BatchProgressInfo | null>(null)
  const printerId = info.settings.printerId
  const printer = printers.find((p) => p.id === printerId)
  const current = templates.find((x) => x.name === template)

  const refresh = useCallback(async () => {
    const [p, j] = await Promise.all([client.call('print.printers', {}), client.call('print.jobs', { limit: 15 })])
    if (p.ok) setPrinters(p.value)
    if (j.ok) setJobs(j.value)
  }, [client])

  useEffect(() => {
    void client.call('labels.templates', {}).then((r) => r.ok && setTemplates(r.value.templates))
    void Promise.resolve().then(refresh)
    return client.on('print.changed', (c) => {
      void refresh()
      if (c.batchId !== null) void client.call('print.batchStatus', { batchId: c.batchId }).then((r) => r.ok && setBatch(r.value))
    })
  }, [client, refresh])

  const lookup = useCallback(
    async (text: string) => {
      setError(null)
      const r = await client.call('labels.lookup', { code: text })
      if (!r.ok) return setError(r.error)
      setLookupMessage(r.value.message)
      if (r.value.template) setTemplate(r.value.template)
      setData(r.value.data)
      setIds({ unitId: r.value.unitId, plateId: r.value.plateId })
      setPreview(null)
    },
    [client]
  )

  // A scan while this screen is open looks the code up.
  // (A command barcode is an action, not a code to look up.)
  useEffect(() => client.on('scans.result', (r) => r.text && r.outcome !== 'ignored' && r.code !== 'scan.command' && void lookup(r.text)), [client, lookup])

  const fields = useMemo(() => FIELD_ORDER.filter((f) => current?.fields[f]), [current])
  const cleanData = () => Object.fromEntries(Object.entries(data).filter(([k, v]) => v !== '' && current?.fields[k]))

  const doPreview = async () => {
    setError(null)
    setNotice('')
    const r = await client.call('labels.preview', { template, data: cleanData(), ...(printerId ? { printerId } : {}) })
    if (!r.ok) return setError(r.error)
    setPreview(r.value)
  }

  // The preview follows the fields as they are typed (one request per pause); Print is then one action.
  const previewKey = JSON.stringify([template, printerId, Object.entries(data).filter(([k, v]) => v !== '' && current?.fields[k])])
  const previewSeq = useRef(0)
  useEffect(() => {
    if (!current) return
    const seq = ++previewSeq.current
    const timer = setTimeout(() => {
      const [tpl, printer, entries] = JSON.parse(previewKey) as [string, string | null, Array<[string, string]>]
      void client.call('labels.preview', { template: tpl, data: Object.fromEntries(entries), ...(printer ? { printerId: printer } : {}) }).then((r) => {
        if (seq !== previewSeq.current) return
        if (r.ok) setPreview(r.value)
        else setPreview(null)
      })
    }, 300)
    return () => clearTimeout(timer)
  }, [client, current, previewKey])

  const doPrint = async () => {
    if (!printerId) return setError({ code: 'print.no_printer', message: '', params: {} })
    setError(null)
    const r = await client.call('print.enqueue', { printerId, template, data: cleanData(), unitId: ids.unitId, plateId: ids.plateId })
    if (!r.ok) {
      setError(r.error)
      feedback('bad', text(r.error))
      return
    }
    const queued = t('label.queued', { id: r.value.id })
    setNotice(queued)
    feedback('good', queued)
    void refresh()
  }

  useCommandHandlers({ confirm: () => void doPrint() })

  const doReprint = async (given?: Approval) => {
    if (reprintOf === null) return
    const r = await client.call('print.reprint', { jobId: reprintOf, reason, ...(printerId ? { printerId } : {}), ...(given ? { approval: given } : {}) })
    if (!r.ok) {
      // A reprint needs a supervisor (ADR 0015): approved on this screen, then sent again.
      if (r.error.code.startsWith('approval.')) return setApproval({ reason: r.error, error: null })
      if (given) return setApproval((a) => a && { ...a, error: r.error })
      return setError(r.error)
    }
    setApproval(null)
    setReprintOf(null)
    setReason('')
    setNotice(t('label.queued', { id: r.value.id }))
  }

  const resolveJob = async (jobId: number, printed: boolean) => {
    const r = await client.call('print.resolve', { jobId, printed })
    if (!r.ok) setError(r.error)
  }

  const doBatch = async () => {
    if (!printerId) return setError({ code: 'print.no_printer', message: '', params: {} })
    const list = serials
      .split(/[\r\n,;]+/)
      .map((s) => s.trim())
      .filter(Boolean)
    if (list.length === 0) return setError({ code: 'print.empty_batch', message: '', params: {} })
    const base = cleanData()
    const r = await client.call('print.batch', {
      printerId,
      title: t('label.batchTitle', { count: list.length }),
      items: list.map((serial) => ({ template, data: { ...base, serial } }))
    })
    if (!r.ok) return setError(r.error)
    setBatch(r.value)
  }

  const cancelBatch = async () => {
    if (!batch) return
    const r = await client.call('print.cancelBatch', { batchId: batch.id })
    if (r.ok) setBatch(r.value)
    else setError(r.error)
  }

  const choosePrinter = async (id: string) => {
    const r = await client.call('settings.update', { printerId: id })
    if (!r.ok) setError(r.error)
  }

  const done = batch ? batch.confirmed + batch.cancelled + batch.failed + batch.uncertain : 0

  return (
    <section className="screen label-screen" data-testid="screen-label">
      <h1>{t('label.title')}</h1>

      <div className="row">
        <label>
          {t('label.printer')}
          <select value={printerId} onChange={(e) => void choosePrinter(e.target.value)} data-testid="label-printer">
            <option value="">{t('settings.none')}</option>
            {printers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {printer && (
          <span className={`tag ${printer.ready ? 'ok' : 'bad'}`} data-testid="label-printer-status">
            {printer.ready ? t('label.ready') : text(printer.summary)} · {t('label.queuedCount', { count: printer.queued })}
          </span>
        )}
        {printer && (
          <button type="button" onClick={() => void client.call('print.poll', { printerId: printer.id }).then(() => refresh())} data-testid="label-poll">
            {t('label.checkPrinter')}
          </button>
        )}
      </div>

      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          if (code.trim()) void lookup(code.trim())
        }}
      >
        <label className="grow">
          {t('label.scanHint')}
          <input value={code} onChange={(e) => setCode(e.target.value)} maxLength={2000} data-testid="label-code" />
        </label>
        <button type="submit" data-testid="label-find">
          {t('label.find')}
        </button>
        {lookupMessage && (
          <span className="muted" data-testid="label-lookup-message" data-code={lookupMessage.code}>
            {text(lookupMessage)}
          </span>
        )}
      </form>

      <div className="label-layout">
        <div className="label-form">
          <label>
            {t('label.template')}
            <select
              value={template}
              onChange={(e) => {
                setTemplate(e.target.value)
                setPreview(null)
              }}
              data-testid="label-template"
            >
              {templates.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.title}
                </option>
              ))}
            </select>
          </label>
          {fields.map((f) => (
            <label key={f}>
              {t(`label.field.${f}`)}
              {current?.fields[f]?.required ? ' *' : ''}
              <input
                value={data[f] ?? ''}
                onChange={(e) => {
                  setData({ ...data, [f]: e.target.value })
                  setPreview(null)
                }}
                placeholder={f === 'expiry' ? 'YYYY-MM-DD' : ''}
                maxLength={current?.fields[f]?.maxLength ?? 200}
                data-testid={`label-field-${f}`}
              />
            </label>
          ))}
          <div className="row">
            <button type="button" onClick={() => void doPreview()} data-testid="label-preview-button">
              {t('label.preview')}
            </button>
            <button type="button" className="primary" onClick={() => void doPrint()} data-testid="label-print">
              {t('label.print')} <Shortcut command="confirm" />
            </button>
            <PrintAgain />
          </div>
          <ErrorLine error={error} />
          {notice && (
            <p className="muted" data-testid="label-notice">
              {notice}
            </p>
          )}
        </div>
        <div className="label-preview">
          {preview ? (
            <figure>
              <img src={`data:image/png;base64,${preview.png}`} alt={t('label.previewAlt')} data-testid="label-preview-image" />
              <figcaption className="muted">
                {t('label.previewCaption', { width: preview.width, height: preview.height, bytes: preview.zplBytes })}
                {preview.epc ? ` · EPC ${preview.epc.hex}` : ''}
              </figcaption>
            </figure>
          ) : (
            <p className="muted">{t('label.noPreview')}</p>
          )}
        </div>
      </div>

      <h2>{t('label.batch')}</h2>
      <div className="row">
        <label className="grow">
          {t('label.batchHint')}
          <textarea value={serials} onChange={(e) => setSerials(e.target.value)} rows={3} data-testid="label-batch-serials" />
        </label>
        <button type="button" onClick={() => void doBatch()} data-testid="label-batch-print">
          {t('label.batchPrint')}
        </button>
      </div>
      {batch && (
        <div className="row" data-testid="label-batch-progress">
          <progress max={batch.total} value={done} />
          <span>{t('label.batchProgress', { done: batch.confirmed, total: batch.total, uncertain: batch.uncertain, cancelled: batch.cancelled })}</span>
          {batch.status === 'open' && (
            <button type="button" onClick={() => void cancelBatch()} data-testid="label-batch-cancel">
              {t('label.batchCancel')}
            </button>
          )}
        </div>
      )}

      <h2>{t('label.jobs')}</h2>
      {reprintOf !== null && (
        <div className="row" data-testid="label-reprint-form">
          <label className="grow">
            {t('label.reprintReason', { id: reprintOf })}
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="label-reprint-reason" />
          </label>
          <button type="button" disabled={reason.trim().length < 3} onClick={() => void doReprint()} data-testid="label-reprint-confirm">
            {t('label.reprint')}
          </button>
          <button type="button" onClick={() => setReprintOf(null)}>
            {t('label.cancel')}
          </button>
        </div>
      )}
      {approval && <ApprovalDialog reason={approval.reason} error={approval.error} onApprove={(a) => void doReprint(a)} onCancel={() => setApproval(null)} />}
      <table className="table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('label.template')}</th>
            <th>{t('label.what')}</th>
            <th>{t('label.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} data-testid={`label-job-${j.id}`}>
              <td>{j.id}</td>
              <td>
                {j.template}
                {j.kind === 'reprint' ? ` (${t('label.reprintTag')})` : ''}
              </td>
              <td>{j.data.serial ?? j.data.sscc ?? j.data.location ?? ''}</td>
              <td className={`job-${j.status}`} title={j.lastError ? text(j.lastError) : j.heldReason ? text(j.heldReason) : ''}>
                {t(`label.jobStatus.${j.status}`)}
                {j.status === 'queued' && j.heldReason ? ` — ${text(j.heldReason)}` : ''}
                {j.status === 'uncertain' ? ` — ${t('label.uncertainHint')}` : ''}
              </td>
              <td>
                {j.status === 'uncertain' && (
                  <>
                    <button type="button" onClick={() => void resolveJob(j.id, true)} data-testid={`label-job-printed-${j.id}`}>
                      {t('label.markPrinted')}
                    </button>
                  </>
                )}
                {['confirmed', 'uncertain', 'failed'].includes(j.status) && (
                  <button type="button" onClick={() => setReprintOf(j.id)} data-testid={`label-job-reprint-${j.id}`}>
                    {t('label.reprint')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CommandSheetButton screen="label" commands={LABEL_COMMANDS} />
    </section>
  )
}
