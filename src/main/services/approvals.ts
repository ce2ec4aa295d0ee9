import type { CallContext } from '../../shared/contract'
import type { Approval } from '../../shared/schemas'
import { AppFailure } from '../errors'
import type { SessionService } from './session'

export interface Approver {
  id: number
  name: string
}

/**
 * Supervisor approvals (ADR 0015, issue #12.3): a step that needs a supervisor goes ahead when the
 * person signed in on the terminal is one, or when a supervisor approves on that screen by badge or PIN
 * (`approval`). The approver is recorded on the event as `approvedBy`. Calls from inside the station
 * (the CLI, tests of the core) are trusted like every other check.
 */
export function createApprovals(session: SessionService) {
  return {
    /** The supervisor an approval on the screen names (badge or PIN checked), before knowing it is needed. */
    async verify(ctx: CallContext, approval: Approval): Promise<Approver> {
      const approver = await session.approver(ctx.terminalId, approval)
      return { id: approver.id, name: approver.name }
    },
    /** The supervisor or administrator signed in at a terminal, or null. */
    signedInApprover(terminalId: string): Approver | null {
      const role = session.role(terminalId)
      const current = session.current(terminalId).operator
      return current && (role === 'supervisor' || role === 'administrator') ? { id: current.id, name: current.name } : null
    },
    async require(ctx: CallContext, refusal: () => AppFailure, approval: Approval | undefined): Promise<Approver | null> {
      if (approval) {
        const approver = await session.approver(ctx.terminalId, approval)
        return { id: approver.id, name: approver.name }
      }
      const role = session.role(ctx.terminalId)
      const current = session.current(ctx.terminalId).operator
      if (current && (role === 'supervisor' || role === 'administrator')) return { id: current.id, name: current.name }
      if (ctx.host === 'internal' || ctx.host === 'cli') return null
      throw refusal()
    }
  }
}

export type Approvals = ReturnType<typeof createApprovals>
