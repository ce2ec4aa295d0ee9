import type { PrinterTestResult } from '../../../shared/contract-areas/labels'
import { canonicalPrinterUri, parsePrinterUri } from '../../devices/printers/printer-uri'
import type { PrinterTransport } from '../../devices/printers/types'
import { sendJob } from '../../devices/printers/zebra'
import { AppFailure } from '../../errors'
import type { PrinterRecord } from './types'

/** Where printers are kept: the station's print queue, or the store itself (the CLI, beside a station). */
export interface PrinterStore {
  printers(): PrinterRecord[]
  save(p: PrinterRecord): void
  queuedCount(printerId: string): number
}

export interface PrinterRegistryDeps {
  store: PrinterStore
  connect: (p: PrinterRecord) => PrinterTransport
  now: () => Date
  /** Status deadline of the test print (default 3000 ms). */
  timeoutMs?: number
}

export interface NewPrinter {
  uri: string
  name?: string | undefined
  dpi?: 203 | 300 | 600 | undefined
}

/** ZPL text fields are hex-escaped (`^FH`): a printer name cannot inject commands into the test label. */
const zplText = (text: string) => Buffer.from(text, 'utf8').reduce((out, b) => out + (b < 0x20 || b > 0x7e || b === 0x5e || b === 0x7e || b === 0x5f ? `_${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b)), '')

/** A small label that says which printer and when: site IT holds it up against the list. */
export function testLabelZpl(p: PrinterRecord, at: Date): string {
  return [
    '^XA^CI28^PW600^LL300^LH0,0',
    '^FO30,30^A0N,48,48^FDDockside^FS',
    `^FO30,100^A0N,32,32^FH^FD${zplText(p.name.slice(0, 40))}^FS`,
    `^FO30,145^A0N,26,26^FH^FD${zplText(p.uri.slice(0, 60))}^FS`,
    `^FO30,185^A0N,26,26^FD${at.toISOString().slice(0, 19).replace('T', ' ')} UTC^FS`,
    `^FO30,225^BY2^BCN,50,N,N,N^FD${p.id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 20)}^FS`,
    '^XZ'
  ].join('\n')
}

/**
 * The printers site IT adds by address (`tcp://host:9100`, `usb://0a5f`, `serial:///dev/ttyUSB0`,
 * `cups:QUEUE`). A removed printer is deactivated, never deleted: its jobs keep their history.
 */
export function createPrinterRegistry(deps: PrinterRegistryDeps) {
  const queue = deps.store

  const find = (id: string): PrinterRecord => {
    const p = queue.printers().find((x) => x.id === id && x.active)
    if (!p) throw new AppFailure('print.unknown_printer', { printerId: id })
    return p
  }

  const nextId = (): string => {
    const taken = new Set(queue.printers().map((p) => p.id))
    let n = 1
    while (taken.has(`printer-${n}`)) n++
    return `printer-${n}`
  }

  return {
    add(input: NewPrinter): PrinterRecord {
      const parsed = parsePrinterUri(input.uri)
      if (!parsed.ok) throw new AppFailure('printer.bad_uri', { uri: input.uri.slice(0, 200), problem: String(parsed.error.details?.problem ?? parsed.error.message) })
      const uri = canonicalPrinterUri(parsed.value)
      const same = queue.printers().find((p) => p.active && p.uri === uri)
      if (same) throw new AppFailure('printer.duplicate', { uri, printerId: same.id })
      // A printer removed earlier and added again comes back under its old id (its jobs' history joins up).
      const earlier = queue.printers().find((p) => !p.active && p.uri === uri)
      const name = input.name?.trim() || uri
      const added: PrinterRecord = { id: earlier?.id ?? nextId(), name, uri, dpi: input.dpi ?? earlier?.dpi ?? 203, simulated: false, active: true }
      queue.save(added)
      return added
    },
    remove(id: string): { removed: string } {
      const p = find(id)
      const waiting = queue.queuedCount(id)
      if (waiting > 0) throw new AppFailure('printer.has_jobs', { printerId: id, count: waiting })
      queue.save({ ...p, active: false })
      return { removed: id }
    },
    /** Sends a test label after a status check; says why not when the printer did not take it. */
    async test(id: string): Promise<PrinterTestResult> {
      const p = find(id)
      let transport: PrinterTransport
      try {
        transport = deps.connect(p)
      } catch (error) {
        if (error instanceof AppFailure) return { printerId: id, printed: false, result: { code: error.code, params: error.params } }
        throw error
      }
      try {
        const outcome = await sendJob(transport, testLabelZpl(p, deps.now()), { timeoutMs: deps.timeoutMs ?? 3000 })
        if (outcome.state === 'confirmed') return { printerId: id, printed: true, result: { code: 'printer.test_printed', params: { printer: p.name } } }
        return { printerId: id, printed: false, result: outcome.message }
      } finally {
        await transport.close()
      }
    }
  }
}

export type PrinterRegistry = ReturnType<typeof createPrinterRegistry>
