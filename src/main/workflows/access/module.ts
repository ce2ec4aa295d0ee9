import type { CallContext } from '../../../shared/contract'
import type { accessMethods } from '../../../shared/contract-areas/access'
import { AppFailure } from '../../errors'
import { createOperatorAdmin } from '../../services/operator-admin'
import type { SessionService } from '../../services/session'
import type { EventLog } from '../../store/event-log'
import { createAuditRepository } from '../../store/repositories/audit'
import type { OperatorRepository } from '../../store/repositories/operators'
import type { SettingsRepository } from '../../store/repositories/settings'
import { createSsccIssuer } from '../../services/sscc-issuer'
import type { Db } from '../../store/sql'
import type { WorkflowModule } from '../module'

export interface AccessModuleDeps {
  db: Db
  eventLog: EventLog
  operators: OperatorRepository
  session: SessionService
  settings: SettingsRepository
  operatorId: (ctx: CallContext) => number | null
  emit: (event: 'operators.changed', payload: ReturnType<OperatorRepository['all']>) => void
}

/** Operators and roles, the audit trail and first-run setup (issue #10, ADR 0015). */
export function createAccessModule(deps: AccessModuleDeps): WorkflowModule<keyof typeof accessMethods> {
  const admin = createOperatorAdmin(deps.operators, deps.eventLog)
  const audit = createAuditRepository(deps.db)
  const issuer = createSsccIssuer(deps.db, deps.settings, deps.eventLog)
  const changed = <T>(value: T): T => {
    deps.emit('operators.changed', deps.operators.all())
    return value
  }

  return {
    name: 'access',
    handlers: {
      'operators.all': () => deps.operators.all(),
      'operators.create': async (input, ctx) => changed(await admin.create(input, deps.operatorId(ctx))),
      'operators.update': (input, ctx) => changed(admin.update(input, deps.operatorId(ctx))),
      'operators.resetPin': async ({ id, pin }, ctx) => changed(await admin.resetPin(id, pin, deps.operatorId(ctx))),
      'audit.list': (filter) => audit.list(filter),
      'audit.verify': () => audit.verify(),
      'setup.state': () => ({ needsAdministrator: deps.operators.activeAdministrators() === 0 }),
      'setup.ssccRange': (range, ctx) => {
        const used = issuer.usedOverlap(range)
        if (used) throw new AppFailure('setup.overlapping_range', { start: range.rangeStart, end: range.rangeEnd, usedStart: used.start, usedEnd: used.end })
        issuer.configure(range, deps.operatorId(ctx))
        return { ...range, remaining: issuer.remaining() }
      },
      'setup.createAdministrator': async (input, ctx) => {
        if (deps.operators.activeAdministrators() > 0) throw new AppFailure('setup.done', {})
        const created = await admin.create({ ...input, role: 'administrator' }, null)
        changed(created)
        return deps.session.startSession(ctx.terminalId, { id: created.id, name: created.name, role: created.role, hasPin: true, hasBadge: created.badge !== null })
      }
    }
  }
}
