import { parseArgs } from 'node:util'
import { createTagDeduper } from '../../devices/rfid/dedup'
import { createSerialReader, defaultBaud } from '../../devices/rfid/driver'
import { tagIdentity } from '../../devices/rfid/identity'
import { describeRfidIssue } from '../../devices/rfid/messages'
import { RFID_PROTOCOLS, type ReaderSettings, type RfidIssue, type RfidProtocol, type TagRead } from '../../devices/rfid/types'
import { EXIT_FAILURE, EXIT_OK, UsageError, wantsHelp, type CliCommand, type CliIo } from '../command'

const HELP = `Usage: dockside rfid read --port <path> --protocol thingmagic|r2000|ascii [--baud N] [--duration S]
                          [--region R] [--power DBM] [--antennas 1,2]
       dockside rfid simulate --port <path> --protocol thingmagic|r2000 [--tags N] [--rate N|max]
                          [--repeats N] [--corrupt-every N] [--sgtin198 all|mixed] [--duration S]

read: reads tags and prints one JSON line per EPC the first time it is seen:
  {"epc":"3074257BF7194E4000001A85","antenna":1,"rssi":-52,"scheme":"sgtin-96",
   "tagUri":"urn:epc:tag:sgtin-96:3.0614141.812345.6789","gtin":"80614141123458","serial":"6789"}
  {"epc":"3174257BF4499602D2000000","antenna":1,"rssi":-48,"scheme":"sscc-96","tagUri":"…","sscc":"106141412345678908"}
  {"epc":"E2801160600002084A5C4A11","antenna":2,"rssi":-61,"scheme":null,"tagUri":null,"error":{"code":"epc.header","params":{"header":226}}}
and when it ends: {"summary":{"unique":N,"reads":N,"badFrames":N}}
  --port PATH        the reader's serial port (/dev/ttyUSB0, /dev/ttyACM0, COM3)      required
  --protocol P       thingmagic (JADAK/ThingMagic Mercury: M6E Nano, Micro), r2000 (Impinj R2000
                     "A0" readers) or ascii (one EPC per line: EPC or EPC,ANTENNA,RSSI)  required
  --baud N           default 115200 (ascii: 9600)
  --duration S       read for S seconds (fractions allowed), then exit 0; without it, until Ctrl+C
  --region R         NA2, EU3, … (thingmagic) or FCC, ETSI, CHN (r2000)
  --power DBM        read power in dBm
  --antennas LIST    antenna ports, e.g. 1,2
Problems while reading (damaged frames, a silent reader that is restarted) go to stderr with their code.
Exit codes: 0 when the duration ends or on Ctrl+C; 1 when the port cannot be opened, the reader never
answers, or it is unplugged while reading (the summary is printed first); 2 on bad arguments.

simulate: plays a reader on PATH, the far end of a pty pair, e.g.
  socat pty,raw,echo=0,link=/tmp/reader pty,raw,echo=0,link=/tmp/reader-sim &
  dockside rfid simulate --port /tmp/reader-sim --protocol thingmagic --tags 50 &
  dockside rfid read --port /tmp/reader --protocol thingmagic --duration 3
  --tags N              SGTIN-96 tags (serials 1000…) plus one pallet SSCC-96 (default 20)
  --sgtin198 all|mixed  SGTIN-198 tags (26-byte EPCs, serials S-1000…): all of them, or every other one`

type Values = Record<string, string | boolean | undefined>

function parse(argv: string[], options: Record<string, { type: 'string' }>): Values {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error))
  }
}

function int(name: string, value: string | boolean | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (typeof value !== 'string' || value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number ${min}–${max}, got "${String(value)}".`)
  return n
}

function seconds(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined
  const s = Number(value)
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(s) || s <= 0) throw new UsageError(`--duration must be a number of seconds > 0, got "${String(value)}".`)
  return Math.round(s * 1000)
}

function protocolOf(value: string | boolean | undefined, allowed: readonly RfidProtocol[]): RfidProtocol {
  if (value === undefined) throw new UsageError(`--protocol is required: ${allowed.join(', ')}.`)
  if (!allowed.includes(value as RfidProtocol)) throw new UsageError(`--protocol must be ${allowed.join(', ')}, got "${String(value)}".`)
  return value as RfidProtocol
}

function settingsOf(v: Values): ReaderSettings {
  const s: ReaderSettings = {}
  if (typeof v.region === 'string') s.region = v.region
  if (v.power !== undefined) {
    const p = Number(v.power)
    if (typeof v.power !== 'string' || !Number.isFinite(p) || p < 0 || p > 33) throw new UsageError(`--power must be dBm 0–33, got "${String(v.power)}".`)
    s.powerDbm = p
  }
  if (typeof v.antennas === 'string') {
    const list = v.antennas.split(',').map((a) => Number(a.trim()))
    if (list.length === 0 || list.some((a) => !Number.isInteger(a) || a < 1 || a > 64)) throw new UsageError(`--antennas must be ports 1–64 separated by commas, got "${v.antennas}".`)
    s.antennas = list
  }
  return s
}

/** The JSON line of a tag seen for the first time. */
export function firstSeenLine(read: Pick<TagRead, 'epc' | 'antenna' | 'rssi'>): Record<string, unknown> {
  return { epc: read.epc, antenna: read.antenna, rssi: read.rssi, ...tagIdentity(read.epc) }
}

const say = (io: CliIo, issue: RfidIssue, prefix = '') => io.err(`dockside rfid: ${prefix}${describeRfidIssue(issue)} [${issue.code}]`)

async function read(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, { port: { type: 'string' }, protocol: { type: 'string' }, baud: { type: 'string' }, duration: { type: 'string' }, region: { type: 'string' }, power: { type: 'string' }, antennas: { type: 'string' } })
  const path = v.port
  if (typeof path !== 'string' || path === '') throw new UsageError('--port <path> is required (e.g. --port /dev/ttyUSB0). Run `dockside devices list` to see the ports.')
  const protocol = protocolOf(v.protocol, RFID_PROTOCOLS)
  const baudRate = int('baud', v.baud, 300, 4_000_000) ?? defaultBaud(protocol)
  const durationMs = seconds(v.duration)
  const settings = settingsOf(v)

  const reader = createSerialReader({ id: `cli:${path}`, path, protocol, baudRate, settings, backoff: { initialMs: 250, maxMs: 1000 } })
  const dedup = createTagDeduper()
  reader.on('tag', (t) => {
    if (dedup.add(t.epc, t.antenna, t.rssi, t.at).first) io.out(JSON.stringify(firstSeenLine(t)))
  })
  reader.on('issue', (issue) => say(io, issue, 'warning: '))
  await reader.open()
  const st = reader.status()
  if (st.state !== 'connected') {
    await reader.close()
    say(io, st.issue ?? { code: 'rfid.disconnected', params: { path } })
    return EXIT_FAILURE
  }
  await reader.startInventory()

  return await new Promise<number>((resolve) => {
    let done = false
    const finish = async (code: number, issue?: RfidIssue) => {
      if (done) return
      done = true
      if (timer) clearTimeout(timer)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      off()
      await reader.stopInventory().catch(() => undefined)
      await reader.close()
      io.out(JSON.stringify({ summary: { unique: dedup.unique(), reads: dedup.reads(), badFrames: reader.counters().badFrames } }))
      if (issue) say(io, issue)
      resolve(code)
    }
    const onSignal = () => void finish(EXIT_OK)
    const timer = durationMs === undefined ? null : setTimeout(() => void finish(EXIT_OK), durationMs)
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    const off = reader.on('status', (s) => {
      if (s.state === 'disconnected' && s.issue) void finish(EXIT_FAILURE, s.issue)
    })
  })
}

async function simulate(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, { port: { type: 'string' }, protocol: { type: 'string' }, tags: { type: 'string' }, rate: { type: 'string' }, repeats: { type: 'string' }, 'corrupt-every': { type: 'string' }, duration: { type: 'string' }, seed: { type: 'string' }, sgtin198: { type: 'string' } })
  const path = v.port
  if (typeof path !== 'string' || path === '') throw new UsageError('--port <path> is required: the far end of a pty pair (see --help).')
  const protocol = protocolOf(v.protocol, ['thingmagic', 'r2000'])
  const rate: number | 'max' = v.rate === 'max' ? 'max' : (int('rate', v.rate, 1, 1_000_000) ?? 200)
  const count = int('tags', v.tags, 0, 100_000) ?? 20
  const every = int('corrupt-every', v['corrupt-every'], 0) ?? 0
  const repeats = int('repeats', v.repeats, 1, 1000) ?? 3
  const seed = int('seed', v.seed, 0) ?? 1
  const durationMs = seconds(v.duration)
  const sgtin198 = v.sgtin198
  if (sgtin198 !== undefined && sgtin198 !== 'all' && sgtin198 !== 'mixed') throw new UsageError(`--sgtin198 must be all or mixed, got "${String(sgtin198)}".`)
  const { sampleTags } = await import('../../devices/rfid/sim/sim-population')
  const tags = sampleTags(count, { withPallet: count > 0, ...(sgtin198 ? { sgtin198 } : {}) })
  const options = { path, tags, rate, repeats, seed, ...(every > 0 ? { corrupt: { every } } : {}) }
  const sim = protocol === 'thingmagic' ? (await import('../../devices/rfid/sim/thingmagic-sim')).startThingMagicSimulator(options) : (await import('../../devices/rfid/sim/r2000-sim')).startR2000Simulator(options)
  io.err(`dockside rfid: simulating a ${protocol} reader with ${tags.length} tags on ${path} (rate ${rate}/s)`)
  return await new Promise<number>((resolve) => {
    const finish = async () => {
      if (timer) clearTimeout(timer)
      process.off('SIGINT', finish)
      process.off('SIGTERM', finish)
      const s = sim.stats()
      await sim.close()
      io.out(JSON.stringify({ simulated: { tagFrames: s.tagFrames, corrupted: s.corrupted, commands: s.commands, keepAlives: s.keepAlives } }))
      resolve(EXIT_OK)
    }
    const timer = durationMs === undefined ? null : setTimeout(() => void finish(), durationMs)
    process.once('SIGINT', () => void finish())
    process.once('SIGTERM', () => void finish())
  })
}

const command: CliCommand = {
  summary: 'Read UHF RFID tags from a serial reader (one JSON line per EPC), or simulate a reader',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === undefined || ((sub === '--help' || sub === '-h') && rest.length === 0) || wantsHelp(rest)) {
      io.out(HELP)
      return sub === undefined ? 2 : EXIT_OK
    }
    if (sub === 'read') return read(rest, io)
    if (sub === 'simulate') return simulate(rest, io)
    throw new UsageError(`unknown subcommand "${sub}" (read, simulate). Run \`dockside rfid --help\`.`)
  }
}

export default command
