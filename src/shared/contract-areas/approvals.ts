import { z } from 'zod'
import type { ParamValue } from '../messages/format'
import { approvalInput } from '../schemas'
import type { ReceiveOutcome } from './receiving'

/**
 * Steps a supervisor decides (ADR 0019): receiving a refused unit anyway, and releasing a held unit.
 * Each goes ahead when a supervisor is signed in on the terminal, or with `approval` — a supervisor's
 * badge or PIN given on the operator's screen; the approver is recorded on the event as `approvedBy`.
 */
const reason = z.string().trim().min(3).max(500)

export const approvalsMethods = {
  /** "Receive anyway": the scan again, with only the refusals a supervisor may force lifted. */
  'receiving.force': { input: z.object({ text: z.string().trim().min(1).max(4096), reason, approval: approvalInput.optional() }).strict() },
  /** Release a held (quarantined) unit into good stock: by unit id or serial, with the reason. */
  'holds.release': {
    input: z
      .object({ unitId: z.number().int().positive().optional(), serial: z.string().trim().min(1).max(128).optional(), reason, approval: approvalInput.optional() })
      .strict()
      .refine((v) => (v.unitId === undefined) !== (v.serial === undefined), 'give the unit id or its serial, not both')
  }
} as const

export interface HoldRelease {
  unitId: number
  serial: string
  /** The unit's status after the release (`received` at the dock, `stored` in a bin). */
  status: 'received' | 'stored'
  eventId: number
  code: 'holds.released'
  params: Readonly<Record<string, ParamValue>>
}

export interface ApprovalsOutputs {
  'receiving.force': ReceiveOutcome
  'holds.release': HoldRelease
}

export type ApprovalsAreaEvents = Record<never, never>
