import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterInfo } from '../../../shared/contract-areas/labels'
import { LABEL_KINDS, type LabelKind } from '../../../shared/model/station'
import type { AppError } from '../../../shared/result'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { useMessageText } from '../../i18n/use-message'
import { UsbPrinterOffers } from './UsbPrinterOffers'

/**
 * Settings → Printers, as site IT puts printers into service: add one by its address, see its status,
 * print a test label, remove it, and choose the printer for each label kind.
 */
export function PrintersPanel() {
  const { t } = useTranslation()
  const say = useMessageText()
  const feedback = useFeedback()
  const { client, info } = useStation()
  const [printers, setPrinters] = useState<PrinterInfo[]>([])
  const [uri, setUri] = useState('')
  const [name, setName] = useState('')
  const [results, setResults] = useState<Record<string, string>>({})
  const [error, setError] = useState<AppError | null>(null)

  const refresh = useCallback(async () => {
    const r = await client.call('print.printers', {})
    if (r.ok) setPrinters(r.value)
  }, [client])
  useEffect(() => {
    void Promise.resolve().then(refresh)
    return client.on('print.changed', () => void refresh())
  }, [client, refresh])

  const failed = (e: AppError) => {
    setError(e)
    feedback('bad', say(e))
  }

  const add = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    const r = await client.call('print.addPrinter', { uri, ...(name.trim() ? { name } : {}) })
    if (!r.ok) return failed(r.error)
    setUri('')
    setName('')
    feedback('good', t('printers.added', { name: r.value.name }))
    await refresh()
  }

  const test = async (p: PrinterInfo) => {
    setResults((x) => ({ ...x, [p.id]: t('printers.testing') }))
    const r = await client.call('print.testPrinter', { printerId: p.id })
    if (!r.ok) return failed(r.error)
    const line = say(r.value.result)
    setResults((x) => ({ ...x, [p.id]: line }))
    feedback(r.value.printed ? 'good' : 'bad', line)
  }

  const remove = async (p: PrinterInfo) => {
    const r = await client.call('print.removePrinter', { printerId: p.id })
    if (!r.ok) return failed(r.error)
    await refresh()
  }

  const setDefault = async (kind: LabelKind, printerId: string) => {
    const r = await client.call('settings.update', { labelPrinters: { ...info.settings.labelPrinters, [kind]: printerId } })
    if (!r.ok) return failed(r.error)
    feedback('good', t('settings.saved'))
  }

  return (
    <section className="settings-printers" data-testid="settings-printers">
      <h2>{t('printers.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('printers.name')}</th>
            <th>{t('printers.address')}</th>
            <th>{t('printers.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {printers.map((p) => (
            <tr key={p.id} data-testid={`printer-${p.id}`}>
              <td>{p.name}</td>
              <td>
                <code>{p.uri}</code>
              </td>
              <td data-testid={`printer-status-${p.id}`}>{results[p.id] ?? say(p.summary)}</td>
              <td className="row">
                <button type="button" onClick={() => void test(p)} data-testid={`printer-test-${p.id}`}>
                  {t('printers.test')}
                </button>
                {!p.simulated && (
                  <button type="button" onClick={() => void remove(p)} data-testid={`printer-remove-${p.id}`}>
                    {t('printers.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="row" onSubmit={(e) => void add(e)}>
        <label className="grow">
          {t('printers.address')}
          <input value={uri} onChange={(e) => setUri(e.target.value)} maxLength={300} placeholder="tcp://10.1.2.3:9100" data-testid="printer-add-uri" />
        </label>
        <label>
          {t('printers.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} data-testid="printer-add-name" />
        </label>
        <button type="submit" disabled={!uri.trim()} data-testid="printer-add">
          {t('printers.add')}
        </button>
      </form>
      <p className="muted">{t('printers.addressHint')}</p>
      <UsbPrinterOffers
        changes={printers.length}
        onUse={(address, label) => {
          setUri(address)
          setName(label)
        }}
      />
      <div className="row">
        {LABEL_KINDS.map((kind) => (
          <label key={kind}>
            {t(`printers.defaultFor.${kind}`)}
            <select value={info.settings.labelPrinters[kind]} onChange={(e) => void setDefault(kind, e.target.value)} data-testid={`printer-default-${kind}`}>
              <option value="">{t('printers.stationPrinter')}</option>
              {printers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <ErrorLine error={error} />
    </section>
  )
}
