import type { TerminalRepository, TerminalRow } from '../store/repositories/terminals'

/** The workflow state a terminal keeps across restarts (the rest lives in each workflow module). */
export interface TerminalState {
  id: string
  /** The active scan workflow (`default` reports the parse only). */
  workflow: string
  /** The receiving order this terminal has open. */
  orderId: number | null
  /** The plate units go onto at this terminal. */
  plateId: number | null
}

export interface Terminals {
  /** The terminal's state (a new terminal starts empty). */
  get(id: string): TerminalState
  /** Changes and persists part of a terminal's state. */
  update(id: string, patch: Partial<Omit<TerminalState, 'id'>>): TerminalState
  /** The terminal that was active last (device scans with no assigned terminal go there). */
  lastActive(): string | null
  /** Marks a terminal as the one the operator used last. */
  touch(id: string): void
  list(): TerminalState[]
}

/**
 * Terminals (ADR 0009): every call carries the terminal it came from, and workflow state is kept per
 * terminal, so a receiving screen and a gate screen on one station never share an open order or a
 * scan workflow. The persisted part (workflow, order, plate) is written through, so a restart resumes.
 */
export function createTerminals(repo: TerminalRepository, now: () => Date): Terminals {
  const cache = new Map<string, TerminalState>()
  let last: string | null = repo.list()[0]?.id ?? null

  const load = (id: string): TerminalState => {
    let t = cache.get(id)
    if (!t) {
      const row: TerminalRow | null = repo.get(id)
      t = row ? { id, workflow: row.workflow, orderId: row.orderId, plateId: row.plateId } : { id, workflow: 'default', orderId: null, plateId: null }
      cache.set(id, t)
    }
    return t
  }

  return {
    get: (id) => ({ ...load(id) }),
    update(id, patch) {
      const next = { ...load(id), ...patch, id }
      const changed = (Object.keys(patch) as Array<keyof typeof patch>).some((k) => patch[k] !== cache.get(id)?.[k])
      cache.set(id, next)
      if (changed || !repo.get(id)) repo.save({ id, workflow: next.workflow, orderId: next.orderId, plateId: next.plateId, updatedAt: now().toISOString() })
      return { ...next }
    },
    lastActive: () => last,
    touch(id) {
      last = id
    },
    list: () => repo.list().map((r) => ({ ...load(r.id) }))
  }
}
