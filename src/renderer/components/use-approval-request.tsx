import { useCallback, useRef, useState, type ReactNode } from 'react'
import type { Approval } from '../../shared/schemas'
import type { AppError } from '../../shared/result'
import { ApprovalDialog } from './ApprovalDialog'

/** A step refused for a supervisor's approval: why, and how to try it again with the approval. */
interface Ask {
  reason: AppError
  /** The same call again with the approval; resolves to the error to show in the dialog, or null when done. */
  retry(approval: Approval): Promise<AppError | null>
  error: AppError | null
}

/**
 * One supervisor-approval dialog for a screen (ADR 0015, 0019): `request` opens it on a refusal; the
 * supervisor's badge or PIN sends the call again; a failure stays in the dialog, success closes it.
 */
export function useApprovalRequest(): { request(reason: AppError, retry: Ask['retry']): void; dialog: ReactNode; open: boolean } {
  const [ask, setAsk] = useState<Ask | null>(null)
  const current = useRef<Ask | null>(null)
  const request = useCallback((reason: AppError, retry: Ask['retry']) => {
    const next = { reason, retry, error: null }
    current.current = next
    setAsk(next)
  }, [])
  const close = () => {
    current.current = null
    setAsk(null)
  }
  const approve = async (approval: Approval) => {
    const asked = current.current
    if (!asked) return
    const error = await asked.retry(approval)
    // The retry may have asked again (a new refusal): only the dialog it answered closes or shows the error.
    if (current.current !== asked) return
    if (error) {
      const next = { ...asked, error }
      current.current = next
      setAsk(next)
    } else close()
  }
  const dialog = ask ? <ApprovalDialog reason={ask.reason} error={ask.error} onApprove={(a) => void approve(a)} onCancel={close} /> : null
  return { request, dialog, open: ask !== null }
}
