import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PendingGtin } from '../../../shared/contract-areas/receiving'
import { useMessageText } from '../../i18n/use-message'
import { shortTime, visibleScan, type ResultEntry } from './receive-helpers'

/** The newest result in big letters with its notes and where it came from; `children` are its actions. */
export function ReceiveResult({ last, isClosed, children }: { last: ResultEntry | null; isClosed: boolean; children?: ReactNode }) {
  const { t } = useTranslation()
  const text = useMessageText()
  return (
    <div className={`receive-result tone-${last?.tone ?? 'none'}`} data-testid="receive-result" data-code={last?.code ?? ''} data-outcome={last?.outcome ?? ''} aria-live="polite">
      {last ? (
        <>
          <div className="receive-result-message" data-testid="receive-result-message">
            {text(last.message)}
          </div>
          {last.notes.map((n, i) => (
            <div key={i} className="receive-result-note" data-testid="receive-result-note" data-code={n.code}>
              {text(n)}
            </div>
          ))}
          <div className="muted receive-result-meta">
            {last.text ? `${visibleScan(last.text)} · ` : ''}
            {t(`receive.via.${last.via}`)}
            {last.deviceId ? ` ${last.deviceId}` : ''} · {shortTime(last.at)}
          </div>
        </>
      ) : (
        <div className="receive-result-message muted">{isClosed ? t('receive.viewOnly') : t('receive.scanHint')}</div>
      )}
      {children}
    </div>
  )
}

/** A GTIN scanned alone: its serial is due next. */
export function PendingGtinPanel({ pending, onCancel }: { pending: PendingGtin; onCancel(): void }) {
  const { t } = useTranslation()
  return (
    <div className="receive-pending" data-testid="receive-pending" data-gtin={pending.gtin}>
      <div>
        <div className="receive-pending-title">{t('receive.pendingTitle', { sku: pending.sku })}</div>
        <div className="muted">
          {pending.description} · GTIN {pending.gtin}
          {pending.lot ? ` · ${t('receive.lot')} ${pending.lot}` : ''}
          {pending.expiry ? ` · ${t('receive.expiry')} ${pending.expiry}` : ''}
        </div>
      </div>
      <button type="button" onClick={onCancel} data-testid="receive-cancel-pending">
        {t('receive.cancelPending')}
      </button>
    </div>
  )
}
