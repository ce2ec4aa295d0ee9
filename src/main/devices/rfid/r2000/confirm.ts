/**
 * Read confirmation for readers whose frames carry only an 8-bit check (R2000): an EPC is passed on
 * from its second sighting within `windowMs` — the held first read is released with it, so nothing
 * is lost for a tag in the field (a portal reads every tag several times), while a one-off frame
 * that passed its check by chance never becomes a unit.
 */
export function createReadConfirmer<T>(options: { windowMs?: number; maxHeld?: number } = {}) {
  const windowMs = options.windowMs ?? 3000
  const maxHeld = options.maxHeld ?? 20_000
  const held = new Map<string, { read: T; at: number }>()
  const confirmed = new Map<string, number>()

  const prune = (map: Map<string, unknown>, now: number, at: (v: never) => number) => {
    for (const [k, v] of map) if (now - at(v as never) > windowMs) map.delete(k)
  }

  return {
    /** Returns the reads to pass on now (none, this one, or the held first read and this one). */
    offer(epc: string, read: T, now: number): T[] {
      const last = confirmed.get(epc)
      if (last !== undefined && now - last <= windowMs) {
        confirmed.set(epc, now)
        return [read]
      }
      const first = held.get(epc)
      if (first && now - first.at <= windowMs) {
        held.delete(epc)
        confirmed.set(epc, now)
        return [first.read, read]
      }
      held.set(epc, { read, at: now })
      if (held.size > maxHeld) prune(held, now, (v: { at: number }) => v.at)
      if (confirmed.size > maxHeld * 5) prune(confirmed, now, (v: number) => v)
      return []
    },
    /** First reads still waiting for their confirmation. */
    held: () => held.size,
    clear() {
      held.clear()
      confirmed.clear()
    }
  }
}
