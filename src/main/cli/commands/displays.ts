import { parseArgs } from 'node:util'
import { openStore } from '../../store/db'
import { createEventLog } from '../../store/event-log'
import { createDisplayRepository } from '../../store/repositories/displays'
import { createSettingsRepository } from '../../store/repositories/settings'
import { createDisplayPairing } from '../../workflows/displays/pairing'
import { UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside displays pair [--data-dir DIR]
       dockside displays list [--data-dir DIR]

pair  makes a one-time pairing code for a remote display (valid 5 minutes, replaces a code still
      open) and prints {"code","expiresAt"}. Works beside a station started with --listen: type the
      code on the display's pairing page.
list  prints the paired displays as a JSON array of {id,name,createdAt,lastSeenAt,revokedAt}.
Revoking is in Settings → Displays, where the station cuts the display off at once.`

const displays: CliCommand = {
  summary: 'Pair remote displays (one-time code) and list them',
  run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === undefined || wantsHelp(argv)) {
      io.out(HELP)
      return Promise.resolve(sub === undefined ? 2 : 0)
    }
    if (sub !== 'pair' && sub !== 'list') throw new UsageError(`unknown subcommand "${sub}" (pair, list).`)
    const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } }, strict: true })
    // Beside a running station: SQLite serialises the writes, as `dockside operators` does.
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']), stationLock: false })
    try {
      const eventLog = createEventLog(store.db, createSettingsRepository(store.db).stationId())
      const pairing = createDisplayPairing({ displays: createDisplayRepository(store.db), eventLog, now: () => new Date() })
      io.out(JSON.stringify(sub === 'pair' ? pairing.createCode(null) : pairing.list()))
      return Promise.resolve(0)
    } finally {
      store.close()
    }
  }
}

export default displays
