import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { english } from '../../../shared/messages/catalog'
import { createLookup } from '../../workflows/lookup/lookup'
import { lookupUpstream } from '../../sync/upstream-lookup'
import { createSettingsRepository } from '../../store/repositories/settings'
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
When the station syncs with an upstream server, a unit's result also carries "upstream": where else the
unit is or was across this site's stations ({"state":"found","unit","history"} | {"state":"not-found"}),
or {"state":"unavailable","code":"lookup.upstream_unreachable","message"} when the server cannot be
reached — the local record is printed all the same, exit 0.
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
      const lookup = createLookup(store.db)
      const code = positionals[0]!
      const result = lookup.find(code)
      // The CLI contract keeps `summary` a sentence: the timeline's codes in English.
      const printed = result.kind === 'choices' ? result : { ...result, timeline: result.timeline.map((e) => ({ ...e, summary: english(e.summary) })) }
      const settings = createSettingsRepository(store.db)
      const upstream =
        result.kind === 'unit'
          ? await lookupUpstream({ config: () => ({ url: settings.get().syncServerUrl, token: settings.syncToken() }), stationId: settings.stationId(), unitKey: lookup.unitKey }, code)
          : null
      const shown = upstream?.state === 'unavailable' ? { ...upstream, message: english({ code: upstream.code, params: upstream.params } as Parameters<typeof english>[0]) } : upstream
      io.out(JSON.stringify(shown && shown.state !== 'no-unit' && shown.state !== 'not-configured' ? { ...printed, upstream: shown } : printed, null, 2))
      return 0
    } finally {
      store.close()
    }
  }
}

export default lookupCommand
