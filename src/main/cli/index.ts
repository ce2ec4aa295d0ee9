import { AppFailure } from '../errors'
import { StoreError } from '../store/store-error'
import { EXIT_FAILURE, EXIT_INVALID, UsageError, type CliCommand, type CliIo } from './command'

type Loader = () => Promise<CliCommand>

/**
 * Commands load lazily so a quick call (`dockside gs1 parse …`) never pays for the station's start-up.
 * Each module default-exports its CliCommand.
 */
// A UsageError or an AppFailure (a refusal with a reason) exits 2; anything unexpected exits 1.
const commands: Record<string, { summary: string; load: Loader }> = {
  serve: { summary: 'Serve the station UI and API on 127.0.0.1 (headless host)', load: async () => (await import('./commands/serve')).default },
  gs1: { summary: 'Parse and build GS1 element strings and Digital Link URIs', load: async () => (await import('./commands/gs1')).default },
  epc: { summary: 'Decode and encode RFID EPCs (Tag Data Standard)', load: async () => (await import('./commands/epc')).default },
  sscc: { summary: 'Issue SSCCs from this station’s range (next, configure, status)', load: async () => (await import('./commands/sscc')).default },
  label: { summary: 'Render labels from templates (ZPL, PDF, PNG) and check templates', load: async () => (await import('./commands/label')).default },
  print: { summary: 'Print one label on a printer (tcp://, usb://, serial://, lp://)', load: async () => (await import('./commands/print')).default },
  printer: { summary: 'Printer status (~HS) and a Zebra emulator for demos', load: async () => (await import('./commands/printer')).default },
  printers: { summary: 'Add, list, remove and test the station’s label printers (tcp://, usb:, serial:, cups:)', load: async () => (await import('./commands/printers')).default },
  diagnostics: { summary: 'Export a diagnostics bundle for support', load: async () => (await import('./commands/diagnostics')).default },
  migrate: { summary: 'Open the data dir and run pending database migrations', load: async () => (await import('./commands/migrate')).default },
  db: { summary: 'Check, back up or restore the station database', load: async () => (await import('./commands/db')).default },
  devices: { summary: 'List serial ports, HID POS scanners and USB printers as JSON', load: async () => (await import('./commands/devices')).default },
  rfid: { summary: 'Read UHF RFID tags from a serial reader (one JSON line per EPC), or simulate a reader', load: async () => (await import('./commands/rfid')).default },
  scanners: { summary: 'Add, list and remove the station’s serial scanners (by port, baud and suffix)', load: async () => (await import('./commands/scanners')).default },
  scan: { summary: 'Listen to a serial scanner and print each scan as a JSON line', load: async () => (await import('./commands/scan')).default },
  import: { summary: 'Import items, suppliers, locations, POs or ASNs from CSV/XLSX (all rows or none)', load: async () => (await import('./commands/import')).default },
  shipments: { summary: 'Import outbound shipments (CSV/XLSX) and list them', load: async () => (await import('./commands/shipments')).default },
  export: { summary: 'Export the station’s events as a GS1 EPCIS 2.0 document (JSON-LD)', load: async () => (await import('./commands/export')).default },
  operators: { summary: 'Add and list operators (roles operator, supervisor, administrator)', load: async () => (await import('./commands/operators')).default },
  audit: { summary: 'Verify the event log’s hash chain (audit verify)', load: async () => (await import('./commands/audit')).default },
  lookup: { summary: "Look up a serial, GS1 code, SSCC, EPC or bin: the unit's or plate's history as JSON", load: async () => (await import('./commands/lookup')).default }
}

const stdio: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`)
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length))
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  return ['Usage: dockside <command> [options]', '', 'Commands:', ...lines, '', 'Run `dockside <command> --help` for a command’s options.'].join('\n')
}

export async function main(argv: string[], io: CliIo = stdio): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage())
    return name === undefined ? EXIT_INVALID : 0
  }
  if (name === '--version' || name === '-v') {
    const { version } = await import('./version')
    io.out(version())
    return 0
  }
  const entry = commands[name]
  if (!entry) {
    io.err(`dockside: unknown command "${name}". Run \`dockside --help\` for the list.`)
    return EXIT_INVALID
  }
  try {
    const command = await entry.load()
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError || error instanceof AppFailure || error instanceof StoreError) {
      io.err(`dockside ${name}: ${error.message}`)
      return EXIT_INVALID
    }
    io.err(`dockside ${name}: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT_FAILURE
  }
}
