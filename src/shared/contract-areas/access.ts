import { z } from 'zod'
import type { OperatorRecord, Session } from '../model/station'
import { noInput } from '../schemas'

const role = z.enum(['operator', 'supervisor', 'administrator'])
const name = z.string().trim().min(1).max(80)
const badge = z.string().trim().min(1).max(128)
const pin = z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits')

export const auditFilter = z
  .object({
    /** Event types, e.g. `settings.changed`; a trailing `*` matches a prefix (`operator.*`). */
    types: z.array(z.string().min(1).max(64)).max(20).optional(),
    operatorId: z.number().int().positive().optional(),
    since: z.string().datetime().optional(),
    until: z.string().datetime().optional(),
    /** Rows before this event id (paging back in time). */
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).optional()
  })
  .strict()

export interface AuditEntry {
  id: number
  type: string
  occurredAt: string
  operatorId: number | null
  operatorName: string | null
  reason: string | null
  payload: Record<string, unknown>
}

export interface AuditVerdict {
  ok: boolean
  events: number
  /** The first event whose link to the one before does not hold (absent when ok). */
  firstBrokenEventId?: number | null
}

export interface SetupState {
  /** No active administrator exists: the station offers only first-run setup. */
  needsAdministrator: boolean
}

/** Operators and roles, the audit trail and first-run setup (issue #10, ADR 0015). */
export const accessMethods = {
  /** Every operator with role, badge and state (administrators). */
  'operators.all': { input: noInput },
  'operators.create': { input: z.object({ name, role, badge: badge.optional(), pin: pin.optional() }).strict() },
  /** `badge: null` removes the badge; `active: false` deactivates (operators are never deleted). */
  'operators.update': {
    input: z.object({ id: z.number().int().positive(), name: name.optional(), role: role.optional(), badge: badge.nullable().optional(), active: z.boolean().optional() }).strict()
  },
  /** Sets a new PIN, or clears it (`pin` absent) so the operator chooses one at the next sign-in. */
  'operators.resetPin': { input: z.object({ id: z.number().int().positive(), pin: pin.optional() }).strict() },
  'audit.list': { input: auditFilter },
  'audit.verify': { input: noInput },
  'setup.state': { input: noInput },
  /** The station's SSCC range (first-run setup and Settings); refused when it overlaps numbers this station issued. */
  'setup.ssccRange': {
    input: z
      .object({ companyPrefix: z.string().regex(/^\d{6,12}$/, 'a GS1 Company Prefix is 6 to 12 digits'), extensionDigit: z.number().int().min(0).max(9), rangeStart: z.number().int().min(0), rangeEnd: z.number().int().min(0) })
      .strict()
  },
  /** First run only (no active administrator yet): creates one and signs them in on this terminal. */
  'setup.createAdministrator': { input: z.object({ name, badge: badge.optional(), pin }).strict() }
} as const

export interface AccessOutputs {
  'operators.all': OperatorRecord[]
  'operators.create': OperatorRecord
  'operators.update': OperatorRecord
  'operators.resetPin': OperatorRecord
  'audit.list': AuditEntry[]
  'audit.verify': AuditVerdict
  'setup.state': SetupState
  'setup.createAdministrator': Session
  'setup.ssccRange': { companyPrefix: string; extensionDigit: number; rangeStart: number; rangeEnd: number; remaining: number }
}

export interface AccessAreaEvents {
  'operators.changed': OperatorRecord[]
}
