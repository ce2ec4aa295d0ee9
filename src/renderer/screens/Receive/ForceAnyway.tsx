import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Shortcut } from '../../commands/CommandSheetButton'
import { useCommandHandlers } from '../../commands/registry'

/**
 * Under a refusal a supervisor may lift (ADR 0019): the option named, a reason, and "Supervisor: receive
 * anyway" — by button, by its shortcut, or by scanning its command barcode (then the supervisor's badge).
 */
export function ForceAnyway({ onForce }: { onForce(reason: string): void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState(() => t('force.defaultReason'))
  const go = () => {
    if (reason.trim().length >= 3) onForce(reason.trim())
  }
  useCommandHandlers({ 'receive-anyway': go })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    go()
  }
  return (
    <form className="receive-force" onSubmit={submit} data-testid="receive-force">
      <div className="receive-result-note">{t('force.option')}</div>
      <div className="row">
        <label className="grow">
          {t('force.reason')}
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="receive-force-reason" />
        </label>
        <button type="submit" className="primary" disabled={reason.trim().length < 3} data-testid="receive-force-submit">
          {t('force.button')} <Shortcut command="receive-anyway" />
        </button>
      </div>
    </form>
  )
}
