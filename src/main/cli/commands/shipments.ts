import { parseArgs } from 'node:util'
import { openStore } from '../../store/db'
import { createShipmentRepository } from '../../store/repositories/shipments'
import { UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'
import importCommand from './import'

const HELP = `Usage: dockside shipments import <file.csv|file.xlsx> [--data-dir DIR] [--dry-run]
       dockside shipments list [--data-dir DIR] [--status open|loading|shipped|all]

import: the importer with --kind shipment (README, "Gate": columns shipment, customer, customer_name,
ship_to, door, line, item, serial, qty, sscc). All rows or none; same JSON report and exit codes as
dockside import.
list: JSON array of shipments (number, status, customer, door, expected units and plates).`

const shipmentsCommand: CliCommand = {
  summary: 'Import outbound shipments (CSV/XLSX) and list them',
  async run(argv, io) {
    if (wantsHelp(argv) || argv.length === 0) {
      io.out(HELP)
      return argv.length === 0 ? 2 : 0
    }
    const [sub, ...rest] = argv
    if (sub === 'import') return importCommand.run([...rest, '--kind', 'shipment'], io)
    if (sub !== 'list') throw new UsageError(`unknown subcommand "${sub ?? ''}": import or list`)
    const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, status: { type: 'string' } }, strict: true })
    const status = (values.status ?? 'all') as 'open' | 'loading' | 'shipped' | 'all'
    if (!['open', 'loading', 'shipped', 'all'].includes(status)) throw new UsageError(`--status must be open, loading, shipped or all; got "${status}".`)
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']), stationLock: false })
    try {
      io.out(JSON.stringify(createShipmentRepository(store.db).list(status, 500), null, 2))
      return 0
    } finally {
      store.close()
    }
  }
}

export default shipmentsCommand
