import { parseArgs } from 'node:util'
import { openStore } from '../../store/db'
import { createAuditRepository } from '../../store/repositories/audit'
import { UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside audit verify [--data-dir DIR]

verify  walks the event log's hash chain (each event carries the hash of the one before it) and prints
        {"ok":true,"events":N} with exit 0, or {"ok":false,"firstBrokenEventId":ID} with exit 2 when an
        event row was altered, removed or reordered.`

const audit: CliCommand = {
  summary: 'Verify the event log’s hash chain (audit verify)',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === undefined || wantsHelp(argv)) {
      io.out(HELP)
      return sub === undefined ? 2 : 0
    }
    if (sub !== 'verify') throw new UsageError(`unknown subcommand "${sub}" (verify).`)
    const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } }, strict: true })
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']), stationLock: false })
    try {
      const verdict = createAuditRepository(store.db).verify()
      io.out(JSON.stringify(verdict.ok ? { ok: true, events: verdict.events } : { ok: false, firstBrokenEventId: verdict.firstBrokenEventId, events: verdict.events }))
      return verdict.ok ? 0 : 2
    } finally {
      store.close()
    }
  }
}

export default audit
