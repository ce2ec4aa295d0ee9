import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { EPCIS_CONTEXT, mapStationEvent } from '../../../shared/epcis'
import { StoreError } from '../../store/store-error'
import { DATABASE_FILE, openStore } from '../../store/db'
import { createEpcisExportRepository } from '../../store/repositories/epcis-export'
import { UsageError, wantsHelp, type CliCommand, type CliIo } from '../command'
import { resolveDataDir } from '../data-dir'

const HELP = `Usage: dockside export epcis [--since ISO-8601] [--out FILE] [--data-dir DIR]

Writes the station's events as one GS1 EPCIS 2.0 EPCISDocument (JSON-LD): receipts, put-away and
shipping as ObjectEvents, plates and packing as AggregationEvents, with CBV bizSteps, dispositions,
SGLN read points / business locations and PO/ASN business transactions. Events that change no object
(sign-in, settings, print queue) are left out. eventID = urn:uuid:<the station event's uuid>.

  --since T   only events at or after T (e.g. 2026-05-01 or 2026-05-01T08:00:00Z)
  --out FILE  write the document to FILE (all or nothing) and print {"ok":true,"file","events","skipped"};
              without it the document goes to stdout
EPC URIs use the company prefix length of the station's SSCC range (dockside sscc configure), else 7.
Read-only: safe while a station runs.`

const DEFAULT_COMPANY_PREFIX_LENGTH = 7

function parseSince(text: string | undefined): string {
  if (text === undefined) return ''
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new UsageError(`--since must be an ISO-8601 date or date-time, e.g. 2026-05-01 or 2026-05-01T08:00:00Z; got "${text}".`)
  }
  return new Date(text).toISOString()
}

/** Streams the document piece by piece so a large event log never sits in memory whole. */
function writeDocument(write: (chunk: string) => void, events: Iterable<object>): number {
  const head = { '@context': EPCIS_CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: new Date().toISOString() }
  write(JSON.stringify(head).slice(0, -1) + ',"epcisBody":{"eventList":[')
  let n = 0
  for (const event of events) write((n++ === 0 ? '\n' : ',\n') + JSON.stringify(event))
  write('\n]}}\n')
  return n
}

function exportEpcis(argv: string[], io: CliIo): number {
  const { values } = parseArgs({ args: argv, options: { since: { type: 'string' }, out: { type: 'string' }, 'data-dir': { type: 'string' } }, strict: true })
  const since = parseSince(values.since)
  const dataDir = resolveDataDir(values['data-dir'])
  if (!existsSync(join(dataDir, DATABASE_FILE))) throw new StoreError('store.missing', `No Dockside database in ${dataDir}.`)
  const store = openStore({ dataDir, readonly: true })
  try {
    const repo = createEpcisExportRepository(store.db)
    const options = { companyPrefixLength: repo.companyPrefixLength() ?? DEFAULT_COMPANY_PREFIX_LENGTH }
    let skipped = 0
    const mapped = function* () {
      for (const e of repo.since(since)) {
        const m = mapStationEvent(e, options)
        if (m.ok) yield m.event
        else skipped++
      }
    }
    if (values.out === undefined) {
      let text = ''
      writeDocument((chunk) => (text += chunk), mapped())
      io.out(text)
      return 0
    }
    const file = resolve(values.out)
    if (!existsSync(dirname(file))) throw new UsageError(`--out: the folder ${dirname(file)} does not exist.`)
    const temp = `${file}.${process.pid}.tmp`
    const fd = openSync(temp, 'w')
    let count: number
    try {
      count = writeDocument((chunk) => writeSync(fd, chunk), mapped())
      fsyncSync(fd)
    } catch (error) {
      closeSync(fd)
      rmSync(temp, { force: true })
      throw error
    }
    closeSync(fd)
    renameSync(temp, file)
    io.out(JSON.stringify({ ok: true, file, events: count, skipped }))
    return 0
  } finally {
    store.close()
  }
}

const exportCommand: CliCommand = {
  summary: 'Export the station’s events as a GS1 EPCIS 2.0 document (JSON-LD)',
  async run(argv, io) {
    const [what, ...rest] = argv
    if (what === undefined || what === '--help' || what === '-h' || (what === 'epcis' && wantsHelp(rest))) {
      io.out(HELP)
      return what === undefined ? 2 : 0
    }
    if (what !== 'epcis') throw new UsageError(`unknown export "${what}"; the one export is: dockside export epcis`)
    return exportEpcis(rest, io)
  }
}

export default exportCommand
