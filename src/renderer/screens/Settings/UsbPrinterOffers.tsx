import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UsbPrinterOffer, UsbPrinterOffers as Offers } from '../../../shared/contract-areas/labels'
import { useStation } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import type { AppError } from '../../../shared/result'
import { useMessageText } from '../../i18n/use-message'

/** The name a found USB printer is offered under: its maker and model, else its ids. */
export function usbPrinterName(offer: UsbPrinterOffer, unnamed: string): string {
  return [offer.manufacturer, offer.product].filter(Boolean).join(' ') || unnamed
}

/**
 * Settings → Printers, "by USB (listed when present)" (issue #10.3): the USB printers the station finds,
 * each offered into the add form with its `usb://VID:PID/SERIAL` address; one already added says as what.
 * `changes` (the printers list changing) makes it look again, as does the button.
 */
export function UsbPrinterOffers({ onUse, changes }: { onUse(uri: string, name: string): void; changes: number }) {
  const { t } = useTranslation()
  const say = useMessageText()
  const { client } = useStation()
  const [offers, setOffers] = useState<Offers | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const look = useCallback(async () => {
    setOffers(null)
    const r = await client.call('print.usbPrinters', {})
    if (r.ok) setOffers(r.value)
    else setError(r.error)
  }, [client])
  useEffect(() => {
    void Promise.resolve(changes).then(look)
  }, [look, changes])

  return (
    <div className="usb-printers" data-testid="usb-printers" data-state={offers === null ? 'looking' : 'listed'}>
      <div className="row">
        <h3 className="grow">{t('usbPrinters.title')}</h3>
        <button type="button" onClick={() => void look()} data-testid="usb-printers-refresh">
          {t('usbPrinters.refresh')}
        </button>
      </div>
      {offers === null && <p className="muted">{t('usbPrinters.looking')}</p>}
      {offers?.unavailable && (
        <p className="muted" data-testid="usb-printers-unavailable">
          {say(offers.unavailable)}
        </p>
      )}
      {offers && !offers.unavailable && offers.printers.length === 0 && (
        <p className="muted" data-testid="usb-printers-none">
          {t('usbPrinters.none')}
        </p>
      )}
      {offers && offers.printers.length > 0 && (
        <ul className="usb-printer-list">
          {offers.printers.map((o) => {
            const name = usbPrinterName(o, t('usbPrinters.unnamed', { vendor: o.vendorId, product: o.productId }))
            return (
              <li key={o.uri} className="row" data-testid="usb-printer" data-uri={o.uri}>
                <span className="grow">
                  <strong>{name}</strong>
                  {o.serialNumber ? ` · ${t('usbPrinters.serial', { serial: o.serialNumber })}` : ''} · <code>{o.uri}</code>
                </span>
                {o.printerId ? (
                  <span className="muted" data-testid="usb-printer-added">
                    {t('usbPrinters.added', { printerId: o.printerId })}
                  </span>
                ) : (
                  <button type="button" onClick={() => onUse(o.uri, name)} data-testid="usb-printer-use">
                    {t('usbPrinters.use')}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <ErrorLine error={error} />
    </div>
  )
}
