import { parseArgs } from 'node:util'
import { OPERATOR_ROLES, type OperatorRole } from '../../../shared/model/station'
import { AppFailure } from '../../errors'
import { createOperatorAdmin } from '../../services/operator-admin'
import { openStore } from '../../store/db'
import { createEventLog } from '../../store/event-log'
import { createOperatorRepository } from '../../store/repositories/operators'
import { createSettingsRepository } from '../../store/repositories/settings'
import { UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside operators add --name NAME --role operator|supervisor|administrator [--badge CODE] [--data-dir DIR]
       dockside operators list [--data-dir DIR]

add   creates an operator and prints {"id","name","role"}. No PIN: the operator chooses one at the first
      sign-in (or an administrator sets one in Settings → Operators). A badge already taken or an
      unknown role exits 2 with the reason on stderr.
list  prints every operator as a JSON array of {id,name,role,badge,active} (inactive ones too).`

const isRole = (value: string): value is OperatorRole => (OPERATOR_ROLES as readonly string[]).includes(value)

const operators: CliCommand = {
  summary: 'Add and list operators (site IT scripts; roles operator, supervisor, administrator)',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === undefined || wantsHelp(argv)) {
      io.out(HELP)
      return sub === undefined ? 2 : 0
    }
    if (sub !== 'add' && sub !== 'list') throw new UsageError(`unknown subcommand "${sub}" (add, list).`)
    const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, badge: { type: 'string' } }, strict: true })
    let role: OperatorRole | undefined
    const name = values.name?.trim()
    const badge = values.badge?.trim()
    if (sub === 'add') {
      if (!name) throw new UsageError('add needs --name NAME.')
      if (name.length > 80) throw new UsageError('--name is at most 80 characters.')
      if (values.role === undefined || !isRole(values.role)) throw new AppFailure('operators.unknown_role', { role: values.role ?? '' })
      if (badge !== undefined && (badge.length === 0 || badge.length > 128)) throw new UsageError('--badge is 1 to 128 characters.')
      role = values.role
    }
    // Beside a running station: SQLite serialises the writes, as `dockside sscc` does.
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']), stationLock: false })
    try {
      const repo = createOperatorRepository(store.db)
      if (sub === 'list') {
        io.out(JSON.stringify(repo.all().map((o) => ({ id: o.id, name: o.name, role: o.role, badge: o.badge, active: o.active }))))
        return 0
      }
      const eventLog = createEventLog(store.db, createSettingsRepository(store.db).stationId())
      const created = await createOperatorAdmin(repo, eventLog).create({ name: name!, role: role!, badge }, null)
      io.out(JSON.stringify({ id: created.id, name: created.name, role: created.role }))
      return 0
    } finally {
      store.close()
    }
  }
}

export default operators
