import { parseArgs } from 'node:util'
import { AppFailure } from '../../errors'
import { createScannerRegistry } from '../../services/scanner-registry'
import { openStore } from '../../store/db'
import { createEventLog } from '../../store/event-log'
import { createScannerRepository } from '../../store/repositories/scanners'
import { createSettingsRepository } from '../../store/repositories/settings'
import { EXIT_OK, subcommandGroup, UsageError, type CliCommand, type CliIo } from '../command'
import { resolveDataDir } from '../data-dir'

const USAGE = `Usage: dockside scanners <add|list|remove> [options] [--data-dir DIR]

  add PORT [--name NAME] [--baud N] [--suffix cr|lf|crlf|tab|none]
        Add a serial scanner by its port (/dev/ttyACM0, or a symlink such as /dev/serial/by-id/…) and
        print {"id","port"}. Baud 9600 and suffix crlf unless given (cr, lf and crlf all end a scan at
        the first CR or LF; tab at a TAB; none after 150 ms of silence). Exit 2 with the reason on stderr
        when the port does not exist, is not a serial port, cannot be opened for lack of permission, is
        already a scanner, or the baud or suffix is not one.
  list  The registered scanners as a JSON array of {id,name,kind,port,baud,suffix,terminal,enabled}.
  remove ID
        Remove a scanner and print {"removed":ID}. Exit 2 when there is no such scanner.

Each change is an audited event. Works beside a running station (SQLite serialises the writes); the
station opens a scanner added here at its next discovery pass (a device change, or within a minute).`

const OPTIONS = { name: { type: 'string' }, baud: { type: 'string' }, suffix: { type: 'string' }, 'data-dir': { type: 'string' } } as const

function args(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

const one = (positionals: string[], what: string): string => {
  if (positionals.length !== 1) throw new UsageError(`give exactly one ${what}.`)
  return positionals[0]!
}

function run(sub: string, argv: string[], io: CliIo): number {
  const { values, positionals } = args(argv)
  if (sub !== 'add' && (values.name !== undefined || values.baud !== undefined || values.suffix !== undefined)) throw new UsageError(`${sub} takes no --name, --baud or --suffix.`)
  const baud = values.baud === undefined ? undefined : /^\d{1,9}$/.test(values.baud) ? Number(values.baud) : NaN
  if (baud !== undefined && Number.isNaN(baud)) throw new AppFailure('scanners.bad_baud', { baud: values.baud!.slice(0, 20) })
  if (values.name !== undefined && values.name.trim().length > 80) throw new UsageError('--name is at most 80 characters.')
  // Beside a running station: SQLite serialises the writes, as `dockside printers` does.
  const store = openStore({ dataDir: resolveDataDir(values['data-dir']), stationLock: false })
  try {
    const repo = createScannerRepository(store.db)
    const registry = () => createScannerRegistry({ repo, eventLog: createEventLog(store.db, createSettingsRepository(store.db).stationId()), now: () => new Date() })
    switch (sub) {
      case 'add': {
        const added = registry().add({ port: one(positionals, 'port'), name: values.name, baud, suffix: values.suffix }, null)
        io.out(JSON.stringify({ id: added.id, port: added.port }))
        return EXIT_OK
      }
      case 'list':
        if (positionals.length > 0) throw new UsageError('list takes no arguments.')
        io.out(JSON.stringify(repo.list().map((s) => ({ id: s.id, name: s.name, kind: s.kind, port: s.port, baud: s.baud, suffix: s.suffix, terminal: s.terminal, enabled: s.enabled }))))
        return EXIT_OK
      case 'remove': {
        const text = one(positionals, 'scanner id')
        const id = /^\d{1,9}$/.test(text) ? Number(text) : NaN
        if (!(id > 0)) throw new AppFailure('scanners.unknown', { id: text.slice(0, 20) })
        io.out(JSON.stringify(registry().remove(id, null)))
        return EXIT_OK
      }
      default:
        throw new UsageError(`unknown subcommand "${sub}": add, list or remove.`)
    }
  } finally {
    store.close()
  }
}

const scanners: CliCommand = subcommandGroup('Add, list and remove the station’s serial scanners (by port, baud and suffix)', USAGE, run)

export default scanners
