import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { IMPORT_KINDS, type ImportKind } from '../../../shared/contract-areas/receiving'
import { importFile } from '../../import'
import { openStore } from '../../store/db'
import { createEventLog } from '../../store/event-log'
import { createSettingsRepository } from '../../store/repositories/settings'
import { EXIT_INVALID, UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside import <file.csv|file.xlsx> [--data-dir DIR] [--dry-run] [--kind KIND]

Imports items, suppliers, locations, POs, ASNs, shipments or operators (one kind per file; see README.md, "Import formats").
Every row is checked first; a file imports completely or not at all.

  --dry-run    check only, write nothing (exit 0 when the file would import)
  --kind KIND  refuse the file unless it is this kind (${IMPORT_KINDS.join(', ')})

stdout: JSON. Imported: {"ok":true,"file","kind","rows","applied":true,"summary":{…},"ms"} and exit 0.
Refused: {"ok":false,"file","kind","rows","errorCount","truncated","errors":[{"row","column","rule","message","value"}]}
and exit 2 (rows are numbered as a spreadsheet shows them, counting the header line).
Safe to run while a station uses the same data directory.`

const importCommand: CliCommand = {
  summary: 'Import items, suppliers, locations, POs or ASNs from CSV/XLSX (all rows or none)',
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(HELP)
      return 0
    }
    const { values, positionals } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean' }, kind: { type: 'string' } },
      allowPositionals: true,
      strict: true
    })
    if (positionals.length !== 1) throw new UsageError('give exactly one file: dockside import <file.csv|file.xlsx>')
    const kind = values.kind as ImportKind | undefined
    if (kind !== undefined && !IMPORT_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}; got "${kind}".`)
    const file = resolve(positionals[0]!)
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`)
    // Beside a running station: SQLite's locking keeps the two writers apart, not the station lock.
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']), stationLock: false })
    try {
      const events = createEventLog(store.db, createSettingsRepository(store.db).stationId())
      const r = await importFile(store.db, events, file, { dryRun: values['dry-run'] ?? false, ...(kind ? { kind } : {}) })
      if (!r.valid) {
        io.out(JSON.stringify({ ok: false, file: r.file, kind: r.kind, rows: r.rows, errorCount: r.errorCount, truncated: r.truncated, errors: r.errors }, null, 2))
        return EXIT_INVALID
      }
      io.out(JSON.stringify({ ok: true, file: r.file, kind: r.kind, rows: r.rows, applied: r.applied, summary: r.summary, ms: r.ms }, null, 2))
      return 0
    } finally {
      store.close()
    }
  }
}

export default importCommand
