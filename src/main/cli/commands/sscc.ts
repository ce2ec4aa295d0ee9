import { parseArgs } from 'node:util'
import { createSsccIssuer } from '../../services/sscc-issuer'
import { openStore } from '../../store/db'
import { createEventLog } from '../../store/event-log'
import { createSettingsRepository } from '../../store/repositories/settings'
import { UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside sscc next [--count N] [--data-dir DIR]
       dockside sscc configure --company-prefix DIGITS --extension D --range START-END [--data-dir DIR]
       dockside sscc status [--data-dir DIR]

next       prints the next SSCC(s) from this station's range, one 18-digit SSCC per line, and records
           them as issued (never issued again). Exit 2 when no range is configured or it is used up.
configure  sets the GS1 Company Prefix (6–12 digits), the extension digit (0–9) and this station's
           serial-reference range; give every station its own range so no two issue the same SSCC.
status     prints the configuration and how many numbers are left, as JSON.`

function openForCli(dataDir: string) {
  // Runs beside a running station: SQLite's locking serialises the counter update, not the station lock.
  const store = openStore({ dataDir, stationLock: false })
  const settings = createSettingsRepository(store.db)
  const events = createEventLog(store.db, settings.stationId())
  return { store, issuer: createSsccIssuer(store.db, settings, events) }
}

function parseRange(text: string | undefined): [number, number] {
  const match = /^(\d{1,15})-(\d{1,15})$/.exec(text ?? '')
  if (!match) throw new UsageError(`--range must look like 1000-1999; got "${text ?? ''}".`)
  return [Number(match[1]), Number(match[2])]
}

const sscc: CliCommand = {
  summary: 'Issue SSCCs from this station’s range (next, configure, status)',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === undefined || wantsHelp(argv)) {
      io.out(HELP)
      return sub === undefined ? 2 : 0
    }
    const { values } = parseArgs({
      args: rest,
      options: {
        'data-dir': { type: 'string' },
        count: { type: 'string' },
        'company-prefix': { type: 'string' },
        extension: { type: 'string' },
        range: { type: 'string' }
      },
      strict: true
    })
    const dataDir = resolveDataDir(values['data-dir'])
    if (!['next', 'configure', 'status'].includes(sub)) throw new UsageError(`unknown subcommand "${sub}" (next, configure, status).`)
    const count = values.count === undefined ? 1 : Number(values.count)
    if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new UsageError(`--count must be 1 to 10000; got "${values.count}".`)
    const { store, issuer } = openForCli(dataDir)
    try {
      if (sub === 'next') {
        io.out(issuer.issue(count, null).join('\n'))
      } else if (sub === 'configure') {
        const [rangeStart, rangeEnd] = parseRange(values.range)
        if (values['company-prefix'] === undefined || values.extension === undefined) throw new UsageError('configure needs --company-prefix, --extension and --range.')
        const config = issuer.configure({ companyPrefix: values['company-prefix'], extensionDigit: Number(values.extension), rangeStart, rangeEnd }, null)
        io.out(JSON.stringify({ ...config, remaining: issuer.remaining() }))
      } else {
        io.out(JSON.stringify({ config: issuer.config(), remaining: issuer.remaining() }))
      }
      return 0
    } finally {
      store.close()
    }
  }
}

export default sscc
