import { parseArgs } from 'node:util'
import { exportDiagnostics } from '../../services/diagnostics'
import { openStore } from '../../store/db'
import { createDiagnosticsRepository } from '../../store/repositories/diagnostics'
import { createSettingsRepository } from '../../store/repositories/settings'
import { wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'
import { version } from '../version'

const HELP = `Usage: dockside diagnostics [--data-dir DIR]

Writes a diagnostics bundle (versions, settings, recent scan journal, recent logs) as one JSON file in
<data dir>/diagnostics/ and prints {path, bytes}. Works while the station runs (reads only).`

const diagnostics: CliCommand = {
  summary: 'Export a diagnostics bundle for support',
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(HELP)
      return 0
    }
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' } }, strict: true })
    const dataDir = resolveDataDir(values['data-dir'])
    const store = openStore({ dataDir, readonly: true })
    try {
      const settings = createSettingsRepository(store.db)
      const stationId = settings.read<string>('internal.stationId') ?? 'unknown'
      const result = exportDiagnostics({ store: createDiagnosticsRepository(store.db), now: () => new Date(), dataDir, version: version(), stationId, settings: () => settings.get(), devices: () => [] })
      io.out(JSON.stringify(result))
      return 0
    } finally {
      store.close()
    }
  }
}

export default diagnostics
