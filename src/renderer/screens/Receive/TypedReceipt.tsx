import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

export interface TypedReceiptInput {
  item: string
  serial?: string
  lot?: string
  expiry?: string
  qty?: number
}

/**
 * Receiving without a readable barcode: the item (SKU or GTIN) with its serial, or a quantity of a
 * non-serialised item (a carton of 20 packs). The same checks as a scan (`receiving.receiveTyped`).
 */
export function TypedReceipt({ onReceive }: { onReceive(input: TypedReceiptInput): Promise<boolean> }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [item, setItem] = useState('')
  const [serial, setSerial] = useState('')
  const [lot, setLot] = useState('')
  const [expiry, setExpiry] = useState('')
  const [qty, setQty] = useState('1')

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!item.trim()) return
    const input: TypedReceiptInput = { item: item.trim() }
    if (serial.trim()) input.serial = serial.trim()
    if (lot.trim()) input.lot = lot.trim()
    if (expiry.trim()) input.expiry = expiry.trim()
    const n = Number(qty)
    if (!input.serial && Number.isInteger(n) && n > 0) input.qty = n
    if (await onReceive(input)) {
      setSerial('')
      setQty('1')
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="receive-typed-open">
        {t('receive.typedOpen')}
      </button>
    )
  }
  return (
    <form className="receive-panel receive-typed-form" onSubmit={(e) => void submit(e)} data-testid="receive-typed-form">
      <h2>{t('receive.typedTitle')}</h2>
      <div className="row">
        <label className="grow">
          {t('receive.exceptionItem')}
          <input value={item} onChange={(e) => setItem(e.target.value)} maxLength={64} data-testid="receive-typed-item" />
        </label>
        <label className="grow">
          {t('receive.serialOptional')}
          <input value={serial} onChange={(e) => setSerial(e.target.value)} maxLength={128} data-testid="receive-typed-serial" />
        </label>
      </div>
      <div className="row">
        <label className="grow">
          {t('receive.lotOptional')}
          <input value={lot} onChange={(e) => setLot(e.target.value)} maxLength={20} data-testid="receive-typed-lot" />
        </label>
        <label className="grow">
          {t('receive.expiryOptional')}
          <input value={expiry} onChange={(e) => setExpiry(e.target.value)} placeholder="YYYY-MM-DD" maxLength={10} data-testid="receive-typed-expiry" />
        </label>
        <label>
          {t('receive.qty')}
          <input className="qty-input" type="number" min={1} max={100000} value={qty} disabled={serial.trim() !== ''} onChange={(e) => setQty(e.target.value)} data-testid="receive-typed-qty" />
        </label>
      </div>
      <div className="row">
        <button type="submit" className="primary" data-testid="receive-typed-receive">
          {t('receive.typedReceive')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('receive.cancel')}
        </button>
      </div>
    </form>
  )
}
