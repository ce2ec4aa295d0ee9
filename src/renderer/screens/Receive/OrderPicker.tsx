import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderSummary } from '../../../shared/contract-areas/receiving'
import { useStation } from '../../app/StationProvider'
import { useMessageText } from '../../i18n/use-message'
import { ImportPanel } from '../Import/ImportPanel'
import type { ResultEntry } from './receive-helpers'

/** No order open: the open orders with their counts; scanning an order's barcode opens it too. */
export function OrderPicker({ onOpen, last }: { onOpen: (number: string) => void; last: ResultEntry | null }) {
  const { t } = useTranslation()
  const { client } = useStation()
  const text = useMessageText()
  const [orders, setOrders] = useState<OrderSummary[]>([])
  const [search, setSearch] = useState('')
  const [showImport, setShowImport] = useState(false)

  const load = useCallback(async () => {
    const r = await client.call('receiving.orders', search.trim() ? { search: search.trim() } : {})
    if (r.ok) setOrders(r.value)
  }, [client, search])

  useEffect(() => {
    void Promise.resolve().then(load)
    return client.on('receiving.changed', () => void load())
  }, [client, load])

  return (
    <>
      <h1>{t('receive.title')}</h1>
      <p className="receive-hint" data-testid="receive-pick-hint">
        {t('receive.pickHint')}
      </p>
      {last && (
        <div className={`receive-result tone-${last.tone ?? 'none'}`} data-testid="receive-result" data-code={last.code} data-outcome={last.outcome}>
          <div className="receive-result-message" data-testid="receive-result-message">
            {text(last.message)}
          </div>
        </div>
      )}
      <div className="row">
        <label className="grow">
          {t('receive.search')}
          <input value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} data-testid="receive-order-search" />
        </label>
        <button type="button" onClick={() => setShowImport((v) => !v)} data-testid="receive-show-import">
          {showImport ? t('imports.hide') : t('imports.open')}
        </button>
      </div>
      {showImport && <ImportPanel onImported={() => void load()} />}
      {orders.length === 0 ? (
        <p className="muted" data-testid="receive-no-orders">
          {t('receive.noOrders')}
        </p>
      ) : (
        <table className="table receive-orders" data-testid="receive-orders">
          <thead>
            <tr>
              <th>{t('receive.order')}</th>
              <th>{t('receive.supplier')}</th>
              <th>{t('receive.lines')}</th>
              <th>{t('receive.progress')}</th>
              <th>{t('receive.statusLabel')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} data-testid={`receive-order-${o.number}`}>
                <td>
                  <strong className="receive-order-number">{o.number}</strong> <span className="tag">{t(`receive.kind.${o.kind}`)}</span>
                </td>
                <td>{o.supplier?.name ?? '—'}</td>
                <td>{o.lines}</td>
                <td className="num">
                  {o.received} / {o.expected}
                </td>
                <td>{t(`receive.status.${o.status}`)}</td>
                <td>
                  <button type="button" className="primary" onClick={() => onOpen(o.number)} data-testid={`receive-open-${o.number}`}>
                    {t('receive.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
