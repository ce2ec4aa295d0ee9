/** Shared set-up for print-queue tests: a temp store, the label service, the emulator as printer. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPrinterEmulator, type EmulatorOptions, type PrinterEmulator } from '../../../src/main/devices/printers/emulator'
import { openTransport } from '../../../src/main/devices/printers'
import { createLabelService } from '../../../src/main/labels'
import { createPrintQueue, type PrintQueue, type PrintQueueDeps } from '../../../src/main/workflows/printing/queue'
import { openStore, type Store } from '../../../src/main/store/db'
import { createEventLog } from '../../../src/main/store/event-log'

export const labels = createLabelService()

/** A fresh data directory (without loading the whole station, which these tests do not need). */
export const makeTempDir = (prefix = 'dockside-print-') => mkdtempSync(join(tmpdir(), prefix))

export interface Rig {
  dataDir: string
  store: Store
  queue: PrintQueue
  events(type?: string): { type: string; reason: string | null; payload: Record<string, unknown> }[]
  close(): Promise<void>
}

export function openRig(dataDir = makeTempDir('dockside-print-'), options: Partial<PrintQueueDeps> = {}): Rig {
  const store = openStore({ dataDir, stationLock: false })
  const eventLog = createEventLog(store.db, 'test-station')
  const queue = createPrintQueue({
    db: store.db,
    eventLog,
    labels,
    connect: (p) => {
      const t = openTransport(p.uri)
      if (!t.ok) throw new Error(t.error.message)
      return t.value
    },
    timeoutMs: 400,
    retryMs: 40,
    ...options
  })
  return {
    dataDir,
    store,
    queue,
    events: (type) =>
      (store.db.prepare('SELECT type, reason, payload FROM events ORDER BY id').all() as { type: string; reason: string | null; payload: string }[])
        .filter((e) => type === undefined || e.type === type)
        .map((e) => ({ ...e, payload: JSON.parse(e.payload) as Record<string, unknown> })),
    async close() {
      await queue.stop()
      store.close()
    }
  }
}

export async function emulatorPrinter(rig: Rig, id: string, options: EmulatorOptions = {}): Promise<PrinterEmulator> {
  const emu = await startPrinterEmulator(options)
  rig.queue.addPrinter({ id, name: id, uri: emu.uri, dpi: 203, simulated: true })
  return emu
}

export const unit = (serial: string) => ({ template: 'unit', data: { gtin: '09521234543213', serial } })

export async function waitFor(check: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}
