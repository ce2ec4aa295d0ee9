import type { CallContext } from '../../../shared/contract'
import type { CodedMessage, PendingGtin, ReceiveOutcome, ReceiveOutcomeKind, ReceivingState } from '../../../shared/contract-areas/receiving'
import { TONE_OF_OUTCOME } from '../../../shared/model/feedback'
import type { EventLog } from '../../store/event-log'
import { createItemRepository, type ItemRepository } from '../../store/repositories/items'
import { createLocationRepository, type LocationRepository } from '../../store/repositories/locations'
import { createPlateRepository, type PlateRepository } from '../../store/repositories/plates'
import { createReceivingRepository, type OrderRow, type ReceivingRepository } from '../../store/repositories/receiving'
import { inImmediateTransaction, type Db } from '../../store/sql'
import type { Terminals } from '../../terminals/terminals'
import type { ForcedReceipt } from './forced'

export interface ReceivingDeps {
  db: Db
  eventLog: EventLog
  terminals: Terminals
  now: () => Date
  /** The operator signed in at the calling terminal (null when nobody is). */
  operatorId: (ctx: CallContext) => number | null
  /** Issues SSCCs for new pallets (`receiving.newPlate`); absent → newPlate is refused. */
  issueSscc?: (operatorId: number | null) => string
  /** Location code where received units are (default: the first active `dock` location). */
  receivingLocation?: string
  gsSubstitutes?: () => readonly string[]
  /** A terminal's receiving state after a change (after the commit, coalesced per terminal). */
  onChange?: (terminalId: string, state: ReceivingState) => void
  /**
   * The supervisor or administrator signed in at a terminal (null: an operator, or nobody). With it, an
   * over-receipt beyond the item's tolerance needs that person or an approval (issue #12.3); without it
   * (the core on its own, e.g. the CLI) there is nobody to ask and over-receipts stay warnings.
   */
  approverOn?: (terminalId: string) => Approver | null
}

/** A GTIN scanned alone: its serial is due next (kept per terminal, not persisted). */
export type Pending = PendingGtin & { itemId: number; madeAt: string | null }

/** One call of receiving: the terminal it is for and the operator there. */
export interface Call {
  terminalId: string
  operatorId: number | null
  /** A supervisor who approved this call on the operator's screen (badge or PIN), if any. */
  approvedBy?: Approver | null
  /** A supervisor's "receive anyway" (ADR 0019); set only by `receiving.force`. */
  force?: ForcedReceipt | undefined
}

export interface Approver {
  id: number
  name: string
}

export type Verdict = ReceiveOutcome

export const outcome = (kind: ReceiveOutcomeKind, message: CodedMessage, extra: Partial<Verdict> = {}): Verdict => ({
  outcome: kind,
  code: message.code,
  params: message.params,
  notes: [],
  tone: TONE_OF_OUTCOME[kind],
  eventId: null,
  received: 0,
  unit: null,
  plate: null,
  duplicate: null,
  ...extra
})

export const refuse = (message: CodedMessage, extra: Partial<Verdict> = {}): Verdict => outcome('rejected', message, extra)

/** A refusal thrown from inside a write (rolls the whole scan back) and turned into a verdict. */
export class Refusal extends Error {
  constructor(readonly verdict: Verdict) {
    super(verdict.code)
  }
}

export const fail = (message: CodedMessage, extra: Partial<Verdict> = {}): never => {
  throw new Refusal(refuse(message, extra))
}

/** What every part of receiving shares: the repositories, the clock and the per-terminal state. */
export function createReceivingContext(deps: ReceivingDeps) {
  const repo: ReceivingRepository = createReceivingRepository(deps.db)
  const items: ItemRepository = createItemRepository(deps.db)
  const plates: PlateRepository = createPlateRepository(deps.db)
  const locations: LocationRepository = createLocationRepository(deps.db)
  const pending = new Map<string, Pending>()
  const now = deps.now

  return {
    deps,
    db: deps.db,
    eventLog: deps.eventLog,
    repo,
    items,
    plates,
    locations,
    now,
    today: () => now().toISOString().slice(0, 10),
    at: () => now().toISOString(),
    // Every entry point runs in one transaction: BEGIN IMMEDIATE at top level, a savepoint inside the
    // scan pipeline's transaction. A Refusal thrown from inside rolls back everything the scan wrote.
    inTx: <T>(fn: () => T): T => inImmediateTransaction(deps.db, fn)(),
    /** Where received goods are: the configured location, else the first active dock. */
    locationId(): number | null {
      if (deps.receivingLocation) {
        const l = locations.byCode(deps.receivingLocation)
        if (l) return l.id
      }
      return locations.firstDock()?.id ?? null
    },
    currentOrder(t: string): OrderRow | null {
      const id = deps.terminals.get(t).orderId
      return id === null ? null : (repo.orderById.get(id) ?? null)
    },
    setOrder(t: string, orderId: number | null): void {
      deps.terminals.update(t, { orderId })
      pending.delete(t)
    },
    /** The terminal's plate while it is open (a plate closed elsewhere is dropped). */
    currentPlateId(t: string): number | null {
      const id = deps.terminals.get(t).plateId
      if (id === null) return null
      const p = plates.byId(id)
      if (!p || p.status !== 'open') {
        deps.terminals.update(t, { plateId: null })
        return null
      }
      return p.id
    },
    setPlate(t: string, plateId: number | null): void {
      deps.terminals.update(t, { plateId })
    },
    approverOn: deps.approverOn,
    pending: (t: string): Pending | null => pending.get(t) ?? null,
    setPending(t: string, p: Pending | null): void {
      if (p) pending.set(t, p)
      else pending.delete(t)
    }
  }
}

export type ReceivingContext = ReturnType<typeof createReceivingContext>
