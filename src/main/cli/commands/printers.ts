import { parseArgs } from 'node:util'
import { english } from '../../../shared/messages/catalog'
import { EXIT_FAILURE, EXIT_OK, subcommandGroup, UsageError, type CliCommand, type CliIo } from '../command'
import { resolveDataDir } from '../data-dir'

const USAGE = `Usage: dockside printers <add|list|remove|test> [options] [--data-dir DIR]

  add URI [--name NAME] [--dpi 203|300|600]
        Add a label printer by address and print {"id","uri"}. Addresses: tcp://host:9100,
        usb://0a5f[:PID][/SERIAL] (or usb:0a5f), serial:///dev/ttyUSB0[?baud=9600] (or serial:/dev/…),
        cups:QUEUE (a raw CUPS queue). Exit 2 when the address is not one, or the printer is already added.
  list  The printers in service as a JSON array of {id,name,uri,dpi,simulated,queued}.
  remove ID
        Take a printer out of service (its jobs keep their history). Exit 2 while labels wait on it.
  test ID [--timeout MS]
        Check the printer's status and send a test label. Exit 0 only when the printer took it; exit 1
        with the reason (paper out, head open, paused, no answer…) otherwise.

Works beside a running station (SQLite serialises the writes); the station uses a printer added here
from its next status poll.`

const OPTIONS = { name: { type: 'string' }, dpi: { type: 'string' }, timeout: { type: 'string' }, 'data-dir': { type: 'string' } } as const

function args(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

async function openRegistry(dataDir: string | undefined) {
  const [{ openStore }, { createPrintQueueRepository }, { createPrinterRegistry }, { openTransport }, { AppFailure }] = await Promise.all([
    import('../../store/db'),
    import('../../store/repositories/print-queue'),
    import('../../workflows/printing/registry'),
    import('../../devices/printers'),
    import('../../errors')
  ])
  const store = openStore({ dataDir: resolveDataDir(dataDir), stationLock: false })
  const repo = createPrintQueueRepository(store.db)
  const registry = (timeoutMs?: number) =>
    createPrinterRegistry({
      store: { printers: () => repo.printers(), save: (p) => repo.upsertPrinter(p, new Date().toISOString()), queuedCount: (id) => repo.queuedCount(id) },
      now: () => new Date(),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      connect: (p) => {
        const t = openTransport(p.uri)
        if (!t.ok) throw new AppFailure('printer.link_failed', { printer: p.uri, reason: t.error.code })
        return t.value
      }
    })
  return { store, repo, registry }
}

const one = (positionals: string[], what: string): string => {
  if (positionals.length !== 1) throw new UsageError(`give exactly one ${what}.`)
  return positionals[0]!
}

async function run(sub: string, argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(argv)
  const dpi = values.dpi === undefined ? undefined : Number(values.dpi)
  if (dpi !== undefined && dpi !== 203 && dpi !== 300 && dpi !== 600) throw new UsageError(`--dpi must be 203, 300 or 600; got "${String(values.dpi)}".`)
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout)
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000)) throw new UsageError('--timeout is milliseconds, 100–60000.')
  const { store, repo, registry } = await openRegistry(values['data-dir'])
  try {
    switch (sub) {
      case 'add': {
        const p = registry().add({ uri: one(positionals, 'printer address'), name: values.name, dpi })
        io.out(JSON.stringify({ id: p.id, uri: p.uri }))
        return EXIT_OK
      }
      case 'list':
        if (positionals.length > 0) throw new UsageError('list takes no arguments.')
        io.out(JSON.stringify(repo.printers().filter((p) => p.active).map((p) => ({ id: p.id, name: p.name, uri: p.uri, dpi: p.dpi, simulated: p.simulated, queued: repo.queuedCount(p.id) }))))
        return EXIT_OK
      case 'remove':
        io.out(JSON.stringify(registry().remove(one(positionals, 'printer id'))))
        return EXIT_OK
      case 'test': {
        const id = one(positionals, 'printer id')
        const result = await registry(timeoutMs).test(id)
        if (result.printed) {
          io.out(JSON.stringify({ id, printed: true }))
          return EXIT_OK
        }
        io.err(`dockside printers test: ${english(result.result)}`)
        return EXIT_FAILURE
      }
      default:
        throw new UsageError(`unknown subcommand "${sub}": add, list, remove or test.`)
    }
  } finally {
    store.close()
  }
}

const printers: CliCommand = subcommandGroup('Add, list, remove and test the station’s label printers (tcp://, usb:, serial:, cups:)', USAGE, run)

export default printers
