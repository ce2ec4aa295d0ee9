import { parseArgs } from 'node:util'
import { openStore } from '../../store/db'
import { wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside migrate [--data-dir DIR]

Opens the station database (creating it if needed), runs pending migrations in one transaction and
prints JSON {file, from, to, applied}. Refuses a database written by a newer Dockside.`

const migrateCommand: CliCommand = {
  summary: 'Open the data dir and run pending database migrations',
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(HELP)
      return 0
    }
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' } }, strict: true })
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']) })
    try {
      io.out(JSON.stringify({ file: store.file, ...store.migration }))
      return 0
    } finally {
      store.close()
    }
  }
}

export default migrateCommand
