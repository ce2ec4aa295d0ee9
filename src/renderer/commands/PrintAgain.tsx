import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../shared/result'
import type { Approval } from '../../shared/schemas'
import { useFeedback } from '../app/FeedbackProvider'
import { useStation } from '../app/StationProvider'
import { ApprovalDialog } from '../components/ApprovalDialog'
import { useMessageText } from '../i18n/use-message'
import { Shortcut } from './CommandSheetButton'
import { useCommandHandlers } from './registry'

/**
 * "Print again" (button, `Alt+R`, `DSCMD-PRINT-AGAIN`): reprints the last label this terminal printed,
 * unit, carton or pallet alike (`print.reprintLast`). A reprint needs a supervisor (ADR 0015): unless one
 * is signed in here, the approval dialog asks for a badge or PIN and the call goes again with it.
 */
export function PrintAgain() {
  const { t } = useTranslation()
  const { client } = useStation()
  const feedback = useFeedback()
  const text = useMessageText()
  const [approval, setApproval] = useState<{ reason: AppError; error: AppError | null } | null>(null)
  const [note, setNote] = useState<{ text: string; code: string } | null>(null)

  const run = async (given?: Approval) => {
    const r = await client.call('print.reprintLast', { reason: t('printAgain.reason'), ...(given ? { approval: given } : {}) })
    if (!r.ok) {
      if (given) return setApproval((a) => a && { ...a, error: r.error })
      if (r.error.code.startsWith('approval.')) return setApproval({ reason: r.error, error: null })
      setNote({ text: text(r.error), code: r.error.code })
      feedback('warning', text(r.error))
      return
    }
    setApproval(null)
    const done = t('printAgain.queued', { id: r.value.id, template: r.value.template })
    setNote({ text: done, code: 'print.reprint_queued' })
    feedback('good', done)
  }
  useCommandHandlers({ 'print-again': () => void run() })

  return (
    <>
      <button type="button" onClick={() => void run()} data-testid="print-again">
        {t('commands.print-again')} <Shortcut command="print-again" />
      </button>
      {note && (
        <span className="muted" data-testid="print-again-note" data-code={note.code}>
          {note.text}
        </span>
      )}
      {approval && <ApprovalDialog reason={approval.reason} error={approval.error} onApprove={(a) => void run(a)} onCancel={() => setApproval(null)} />}
    </>
  )
}
