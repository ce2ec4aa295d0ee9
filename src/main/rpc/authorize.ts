import { accessOf, displayMayCall, roleAllows } from '../../shared/access'
import type { CallContext, MethodName } from '../../shared/contract'
import type { OperatorRole } from '../../shared/model/station'
import { AppFailure } from '../errors'
import type { EventLog } from '../store/event-log'

export interface AuthorizeDeps {
  /** The role signed in on a terminal (null: nobody); also counts the call as activity. */
  roleOn(terminalId: string): OperatorRole | null
  operatorOn(terminalId: string): number | null
  /** Whether a paired display is still paired (a revoked one is refused at its next call). */
  displayActive(id: number): boolean
  eventLog: EventLog
  now: () => Date
}

/** A refused (terminal, method) is audited at most this often, so a screen that retries cannot flood the log. */
const AUDIT_EVERY_MS = 60_000

/**
 * The role check of every call from a screen (ADR 0015). Calls from inside the station process (the
 * CLI, tests of the core, `host: 'internal'`) are trusted: they already hold the data folder.
 */
export function createAuthorizer(deps: AuthorizeDeps) {
  const lastAudit = new Map<string, number>()
  const audit = (key: string, describe: () => { operatorId: number | null; payload: Record<string, unknown> }) => {
    const at = deps.now().getTime()
    if ((lastAudit.get(key) ?? -Infinity) + AUDIT_EVERY_MS > at) return
    lastAudit.set(key, at)
    if (lastAudit.size > 1000) lastAudit.clear()
    try {
      deps.eventLog.append({ type: 'access.refused', ...describe() })
    } catch {
      // A full or damaged store refuses the audit row; the call is refused all the same.
    }
  }
  return (method: MethodName, ctx: CallContext): AppFailure | null => {
    if (ctx.host === 'internal' || ctx.host === 'cli') return null
    // A paired display (ADR 0018) is read-only whatever the session of the terminal it watches, and
    // its calls never keep that session alive.
    if (ctx.displayId !== undefined) {
      if (!deps.displayActive(ctx.displayId)) return new AppFailure('displays.revoked', {})
      if (displayMayCall(method)) return null
      audit(`display-${ctx.displayId}\u0000${method}`, () => ({ operatorId: null, payload: { method, terminal: ctx.terminalId, host: ctx.host, display: ctx.displayId, needs: 'not a display' } }))
      return new AppFailure('displays.read_only', { method })
    }
    const access = accessOf(method)
    const role = deps.roleOn(ctx.terminalId)
    if (roleAllows(role, access)) return null
    audit(`${ctx.terminalId}\u0000${method}`, () => ({ operatorId: deps.operatorOn(ctx.terminalId), payload: { method, terminal: ctx.terminalId, host: ctx.host, needs: access, role } }))
    if (role === null) return new AppFailure('access.sign_in_required', { method })
    return new AppFailure(access === 'administrator' ? 'access.administrator_required' : 'access.supervisor_required', { method })
  }
}
