import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { english } from '../../../shared/messages/catalog'
import { createLookup } from '../../workflows/lookup/lookup'
import { DATABASE_FILE, openStore } from '../../store/db'
import { StoreError } from '../../store/store-error'
import { UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside lookup <code> [--data-dir DIR]

Looks up any code — a serial, a GS1 element string or bracketed code such as
"(01)09521234543213(21)MN00004001", a GS1 Digital Link, an SSCC, an EPC in hex, a plate or bin code —
and prints the unit's, plate's or location's record and history as JSON:
  {"kind":"unit","code","unit":{…},"timeline":[{"eventId","type","at","stationId","operator","summary",…}]}
  {"kind":"plate",…} | {"kind":"location",…} | {"kind":"choices","units":[…]} (a serial of several items)
Read-only: safe while a station runs. Exit 2 when the code is unknown, or when an open order expects the
serial but it has not been received yet (the reason names the order and SKU).`

const lookupCommand: CliCommand = {
  summary: "Look up a serial, GS1 code, SSCC, EPC or bin: the unit's or plate's history as JSON",
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(HELP)
      return 0
    }
    const { values, positionals } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: true })
    if (positionals.length !== 1) throw new UsageError('give exactly one code: dockside lookup <code> (quote codes with spaces or brackets)')
    const dataDir = resolveDataDir(values['data-dir'])
    if (!existsSync(join(dataDir, DATABASE_FILE))) throw new StoreError('store.missing', `No Dockside database in ${dataDir}.`)
    const store = openStore({ dataDir, readonly: true })
    try {
      const result = createLookup(store.db).find(positionals[0]!)
      // The CLI contract keeps `summary` a sentence: the timeline's codes in English.
      const printed = result.kind === 'choices' ? result : { ...result, timeline: result.timeline.map((e) => ({ ...e, summary: english(e.summary) })) }
      io.out(JSON.stringify(printed, null, 2))
      return 0
    } finally {
      store.close()
    }
  }
}

export default lookupCommand
