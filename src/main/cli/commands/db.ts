import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { takeBackup } from '../../store/backups'
import { DATABASE_FILE, openStore } from '../../store/db'
import { checkDatabaseFile } from '../../store/integrity'
import { restoreBackup } from '../../store/restore'
import { EXIT_FAILURE, UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside db <check|backup|restore> [options]

  dockside db check [--data-dir DIR] [--quick]
      Runs SQLite's full integrity_check (or quick_check) on the station database and prints
      {"ok","problems","file"}. Exit 0 when intact, 1 when damaged. Safe while the station runs.
  dockside db backup [--data-dir DIR]
      Writes an online backup to <data dir>/backups/ (SQLite backup API; rotated, the newest 10 kept)
      and prints {"path","bytes"}. Safe while the station runs.
  dockside db restore <backup.sqlite> [--data-dir DIR]
      Stop the station first. Checks the backup in full, moves the current database (and its WAL) to
      <data dir>/replaced/, and puts the backup in its place. Prints {"restored","file","replacedBy"}.

The station also takes a backup by itself at every start and once a day.`

const db: CliCommand = {
  summary: 'Check, back up or restore the station database',
  async run(argv, io) {
    if (wantsHelp(argv) || argv.length === 0) {
      io.out(HELP)
      return argv.length === 0 ? 2 : 0
    }
    const [sub, ...rest] = argv
    const { values, positionals } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, quick: { type: 'boolean' } }, allowPositionals: true, strict: true })
    const dataDir = resolveDataDir(values['data-dir'])
    if (sub === 'check') {
      if (positionals.length > 0) throw new UsageError('db check takes no file argument.')
      const file = join(dataDir, DATABASE_FILE)
      if (!existsSync(file)) throw new UsageError(`there is no station database in ${dataDir}.`)
      const problems = await checkDatabaseFile(file, !values.quick)
      io.out(JSON.stringify({ ok: problems.length === 0, problems, file }))
      return problems.length === 0 ? 0 : EXIT_FAILURE
    }
    if (sub === 'backup') {
      if (positionals.length > 0) throw new UsageError('db backup takes no file argument.')
      const store = openStore({ dataDir, readonly: true })
      try {
        const b = await takeBackup(store.db, dataDir, 'manual')
        io.out(JSON.stringify({ path: b.path, bytes: b.bytes }))
        return 0
      } finally {
        store.close()
      }
    }
    if (sub === 'restore') {
      if (positionals.length !== 1) throw new UsageError('give exactly one backup file: dockside db restore <backup.sqlite>')
      io.out(JSON.stringify(restoreBackup(dataDir, resolve(positionals[0]!))))
      return 0
    }
    throw new UsageError(`unknown db command "${sub}": check, backup or restore.`)
  }
}

export default db
