import { Shortcut } from '../../commands/CommandSheetButton'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CloseResult, LineCounts, OrderSummary } from '../../../shared/contract-areas/receiving'
import { ReportActions } from './ReportActions'

const sum = (lines: LineCounts[], k: 'expected' | 'received' | 'over' | 'short' | 'damaged') => lines.reduce((s, l) => s + l[k], 0)

/** Confirm closing: what is still short or over, an optional note. */
export function ClosePanel({ order, lines, onClose, onCancel }: { order: OrderSummary; lines: LineCounts[]; onClose(note: string): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  return (
    <div className="receive-panel receive-close-panel" data-testid="receive-close-panel">
      <h2>{t('receive.closeTitle', { order: order.number })}</h2>
      <p>{t('receive.closeCounts', { received: sum(lines, 'received'), expected: sum(lines, 'expected'), short: sum(lines, 'short'), over: sum(lines, 'over'), damaged: sum(lines, 'damaged') })}</p>
      <label>
        {t('receive.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} data-testid="receive-close-note" />
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={() => onClose(note)} data-testid="receive-close-confirm">
          {t('receive.closeConfirm')} <Shortcut command="confirm" />
        </button>
        <button type="button" onClick={onCancel}>
          {t('receive.cancel')} <Shortcut command="cancel" />
        </button>
      </div>
    </div>
  )
}

/** After closing: the counts and the discrepancy report (PDF) to download or view. */
export function CloseReport({ result }: { result: CloseResult }) {
  const { t } = useTranslation()
  const l = result.lines
  return (
    <div className="receive-panel receive-closed" data-testid="receive-closed">
      <h2>{t('receive.closedTitle', { order: result.order.number })}</h2>
      <p data-testid="receive-closed-counts">
        {t('receive.closeCounts', { received: sum(l, 'received'), expected: sum(l, 'expected'), short: sum(l, 'short'), over: sum(l, 'over'), damaged: sum(l, 'damaged') })}
      </p>
      <ReportActions order={result.order.number} />
    </div>
  )
}
