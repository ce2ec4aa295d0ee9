import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperatorName } from '../../shared/model/station'
import type { Approval } from '../../shared/schemas'
import type { AppError } from '../../shared/result'
import { useStation } from '../app/StationProvider'
import { ErrorLine } from './ErrorLine'

/**
 * A supervisor approves on the operator's screen (ADR 0015): scans a badge, or picks their name and
 * types their PIN. The approval goes with the call again; the core checks it and records the approver.
 */
export function ApprovalDialog({ reason, error, onApprove, onCancel }: { reason: AppError; error: AppError | null; onApprove(approval: Approval): void; onCancel(): void }) {
  const { t } = useTranslation()
  const { client } = useStation()
  const [names, setNames] = useState<OperatorName[]>([])
  const [badge, setBadge] = useState('')
  const [chosen, setChosen] = useState<number | null>(null)
  const [pin, setPin] = useState('')
  const badgeInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void client.call('operators.list', {}).then((r) => r.ok && setNames(r.value.filter((o) => o.hasPin)))
    badgeInput.current?.focus()
  }, [client])

  const byBadge = (event: FormEvent) => {
    event.preventDefault()
    if (badge.trim()) onApprove({ badge: badge.trim() })
    setBadge('')
  }
  const byPin = (event: FormEvent) => {
    event.preventDefault()
    if (chosen !== null && /^\d{4,12}$/.test(pin)) onApprove({ operatorId: chosen, pin })
    setPin('')
  }

  return (
    <div className="approval-dialog" role="dialog" aria-modal="true" aria-labelledby="approval-title" data-testid="approval-dialog">
      <h2 id="approval-title">{t('approval.title')}</h2>
      <ErrorLine error={reason} />
      {/* A wedge scanner's badge lands in this field (outside the wedge): a badge is a credential, never a scan. */}
      <form onSubmit={byBadge} data-wedge="off">
        <label>
          {t('approval.badge')}
          <input ref={badgeInput} value={badge} autoComplete="off" maxLength={128} onChange={(e) => setBadge(e.target.value)} data-testid="approval-badge" />
        </label>
      </form>
      <p className="muted">{t('approval.orPin')}</p>
      <form onSubmit={byPin} className="approval-pin">
        <div className="operator-list" role="group">
          {names.map((o) => (
            <button key={o.id} type="button" aria-pressed={chosen === o.id} className={`big-button ${chosen === o.id ? 'selected' : ''}`} onClick={() => setChosen(o.id)} data-testid={`approval-operator-${o.id}`}>
              {o.name}
            </button>
          ))}
        </div>
        <label>
          {t('signIn.pinLabel')}
          <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} data-testid="approval-pin" />
        </label>
        <div className="row">
          <button type="submit" className="primary" disabled={chosen === null || pin.length < 4} data-testid="approval-submit">
            {t('approval.approve')}
          </button>
          <button type="button" onClick={onCancel} data-testid="approval-cancel">
            {t('approval.cancel')}
          </button>
        </div>
      </form>
      <ErrorLine error={error} />
    </div>
  )
}
