import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UnitDetail } from '../../../shared/contract-areas/receiving'
import type { AppError } from '../../../shared/result'
import type { Approval } from '../../../shared/schemas'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { useApprovalRequest } from '../../components/use-approval-request'
import { useMessageText } from '../../i18n/use-message'

/**
 * A quarantined unit's "Release hold" (ADR 0019): the reason, then a supervisor — signed in, or
 * approving here by badge or PIN. A recalled or quarantined lot is not offered: the lot's status is the
 * supplier's and master data's decision (the core refuses it too, as it refuses expired goods).
 */
export function ReleaseHold({ unit, onReleased }: { unit: UnitDetail; onReleased(): void }) {
  const { t } = useTranslation()
  const { client } = useStation()
  const feedback = useFeedback()
  const text = useMessageText()
  const approvals = useApprovalRequest()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<AppError | null>(null)

  if (unit.status !== 'quarantined' || unit.lotStatus === 'recalled' || unit.lotStatus === 'quarantined') return null

  const release = async (given?: Approval): Promise<AppError | null> => {
    setError(null)
    const r = await client.call('holds.release', { unitId: unit.id, reason: reason.trim(), ...(given ? { approval: given } : {}) })
    if (!r.ok) {
      if (given) return r.error
      if (r.error.code.startsWith('approval.')) approvals.request(r.error, (a) => release(a))
      else {
        setError(r.error)
        feedback('bad', text(r.error))
      }
      return null
    }
    feedback('good', text({ code: r.value.code, params: r.value.params }))
    onReleased()
    return null
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (reason.trim().length >= 3) void release()
  }

  // The dialog has forms of its own: it goes beside this form, never inside it.
  return (
    <>
    <form className="receive-panel" onSubmit={submit} data-testid="lookup-release">
      <h2>{t('holds.title')}</h2>
      <div className="row">
        <label className="grow">
          {t('holds.reason')}
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="lookup-release-reason" />
        </label>
        <button type="submit" className="primary" disabled={reason.trim().length < 3} data-testid="lookup-release-submit">
          {t('holds.release')}
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
    {approvals.dialog}
    </>
  )
}
