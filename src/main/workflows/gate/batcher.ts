/**
 * Coalesces gate updates: a terminal marked dirty is pushed once after `delayMs` (one event per
 * terminal per ~2 animation frames at most), never once per tag.
 */
export function createBatcher(delayMs: number, flush: (terminalId: string) => void) {
  const dirty = new Set<string>()
  let timer: NodeJS.Timeout | null = null
  const run = () => {
    timer = null
    const ids = [...dirty]
    dirty.clear()
    for (const id of ids) flush(id)
  }
  return {
    mark(terminalId: string): void {
      dirty.add(terminalId)
      timer ??= setTimeout(run, delayMs)
    },
    /** Pushes now (an operator's action answers at once). */
    flushNow(terminalId: string): void {
      dirty.delete(terminalId)
      flush(terminalId)
    },
    close(): void {
      if (timer) clearTimeout(timer)
      timer = null
      dirty.clear()
    }
  }
}
