/**
 * Zebra status answers. `~HS` gives three `<STX>…<ETX><CR><LF>` lines:
 *   1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l  — b paper out, c pause, eee formats in buffer, f buffer full,
 *      h partial format, j corrupt RAM, k under temperature, l over temperature
 *   2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www — o head open, p ribbon out, t label waiting, u labels remaining
 *   3: xxxx,y                           — password, static RAM
 * `~HQES` gives ERRORS / WARNINGS lines: a flag and two 8-hex-digit groups; in the low group's first
 * nibble 1 = media out, 2 = ribbon out, 4 = head open, 8 = cutter fault.
 * Source: Zebra ZPL II programming guide (~HS, ~HQ). Pure functions; never throw.
 */
import { msg, type Message } from '../../../shared/messages/catalog'
import { err, ok, type Result } from '../../../shared/result'

export interface PrinterStatus {
  ready: boolean
  paperOut: boolean
  ribbonOut: boolean
  headOpen: boolean
  paused: boolean
  bufferFull: boolean
  /** A format was started (^XA) but not finished (^XZ): a job was cut off. */
  partialFormat: boolean
  formatsInBuffer: number
  labelsRemaining: number
  /** Further errors (temperature, RAM, cutter, ~HQES bits) as short English phrases. */
  errors: string[]
  warnings: string[]
}

const STX = '\u0002'
const ETX = '\u0003'

/** The `<STX>…<ETX>` blocks of an answer, in order. */
export function frames(text: string): string[] {
  const out: string[] = []
  let at = 0
  for (;;) {
    const s = text.indexOf(STX, at)
    if (s < 0) break
    const e = text.indexOf(ETX, s + 1)
    if (e < 0) break
    out.push(text.slice(s + 1, e))
    at = e + 1
  }
  return out
}

export const countFrames = (text: string): number => frames(text).length

const flag = (v: string | undefined): boolean => v?.trim() === '1'
const num = (v: string | undefined): number => {
  const n = Number.parseInt(v?.trim() ?? '', 10)
  return Number.isFinite(n) ? n : 0
}

/** Parses a `~HS` answer (the first three frames). */
export function parseHostStatus(answer: string | Buffer): Result<PrinterStatus> {
  const text = typeof answer === 'string' ? answer : answer.toString('latin1')
  const f = frames(text)
  if (f.length < 3) return err('printer.bad_status', `The printer's ~HS answer is incomplete (${f.length} of 3 lines).`, { raw: text.slice(0, 200) })
  const l1 = f[0]!.split(',')
  const l2 = f[1]!.split(',')
  if (l1.length < 12 || l2.length < 11) return err('printer.bad_status', 'The printer’s ~HS answer does not have the expected fields.', { raw: text.slice(0, 200) })
  const errors: string[] = []
  if (flag(l1[9])) errors.push('corrupt RAM')
  if (flag(l1[10])) errors.push('under temperature')
  if (flag(l1[11])) errors.push('over temperature')
  const s: PrinterStatus = {
    ready: false,
    paperOut: flag(l1[1]),
    paused: flag(l1[2]),
    formatsInBuffer: num(l1[4]),
    bufferFull: flag(l1[5]),
    partialFormat: flag(l1[7]),
    headOpen: flag(l2[2]),
    ribbonOut: flag(l2[3]),
    labelsRemaining: num(l2[8]),
    errors,
    warnings: []
  }
  s.ready = isReady(s)
  return ok(s)
}

const isReady = (s: PrinterStatus): boolean => !s.paperOut && !s.paused && !s.headOpen && !s.ribbonOut && !s.bufferFull && s.errors.length === 0

const ERROR_BITS: [number, string][] = [
  [0x1, 'media out'],
  [0x2, 'ribbon out'],
  [0x4, 'head open'],
  [0x8, 'cutter fault'],
  [0x10, 'printhead over temperature'],
  [0x20, 'motor over temperature'],
  [0x40, 'bad printhead element'],
  [0x80, 'printhead detection error']
]
const WARNING_BITS: [number, string][] = [
  [0x1, 'media needs calibration'],
  [0x2, 'clean printhead'],
  [0x4, 'replace printhead'],
  [0x8, 'paper near end']
]

export interface ExtendedStatus {
  errors: string[]
  warnings: string[]
  mediaOut: boolean
  ribbonOut: boolean
  headOpen: boolean
}

/** Parses a `~HQES` answer. */
export function parseHqes(answer: string | Buffer): Result<ExtendedStatus> {
  const text = typeof answer === 'string' ? answer : answer.toString('latin1')
  const line = (name: string) => new RegExp(`${name}:\\s*([01])\\s+([0-9A-Fa-f]{8})\\s+([0-9A-Fa-f]{8})`).exec(text)
  const e = line('ERRORS')
  const w = line('WARNINGS')
  if (!e || !w) return err('printer.bad_status', 'The printer’s ~HQES answer has no ERRORS/WARNINGS lines.', { raw: text.slice(0, 200) })
  const decode = (m: RegExpExecArray, table: [number, string][]): string[] => {
    if (m[1] !== '1') return []
    const low = Number.parseInt(m[3]!, 16)
    const high = Number.parseInt(m[2]!, 16)
    const out = table.filter(([bit]) => low & bit).map(([, name]) => name)
    const known = table.reduce((a, [bit]) => a | bit, 0)
    if (low & ~known || high) out.push(`code ${m[2]} ${m[3]}`)
    return out
  }
  const errors = decode(e, ERROR_BITS)
  return ok({
    errors,
    warnings: decode(w, WARNING_BITS),
    mediaOut: errors.includes('media out'),
    ribbonOut: errors.includes('ribbon out'),
    headOpen: errors.includes('head open')
  })
}

/**
 * Folds ~HQES into a ~HS status (some printers report a fault in only one of them). With the extended
 * answer `errors` names every fault, including the ones ~HS has a flag for (media out, ribbon out, head
 * open), so a script reading `errors` alone sees a paper-out printer as faulted.
 */
export function mergeExtended(s: PrinterStatus, x: ExtendedStatus): PrinterStatus {
  const paperOut = s.paperOut || x.mediaOut
  const ribbonOut = s.ribbonOut || x.ribbonOut
  const headOpen = s.headOpen || x.headOpen
  const flagged: string[] = [...(paperOut ? ['media out'] : []), ...(ribbonOut ? ['ribbon out'] : []), ...(headOpen ? ['head open'] : [])]
  const errors = [...new Set([...flagged, ...s.errors, ...x.errors])]
  const merged: PrinterStatus = { ...s, paperOut, ribbonOut, headOpen, errors, warnings: [...new Set([...s.warnings, ...x.warnings])] }
  merged.ready = isReady(merged)
  return merged
}

/** The operator's line for a status (a message code): the one problem, or how many there are. */
export function statusMessage(s: PrinterStatus): Message {
  const problems: Message[] = [
    ...(s.paperOut ? [msg('printer.state.paper_out', {})] : []),
    ...(s.ribbonOut ? [msg('printer.state.ribbon_out', {})] : []),
    ...(s.headOpen ? [msg('printer.state.head_open', {})] : []),
    ...(s.paused ? [msg('printer.state.paused', {})] : []),
    ...(s.bufferFull ? [msg('printer.state.buffer_full', {})] : []),
    ...s.errors.map((fault) => msg('printer.state.fault', { fault }))
  ]
  if (problems.length === 0) return msg('printer.state.ready', {})
  return problems.length === 1 ? problems[0]! : msg('printer.state.several', { count: problems.length })
}

/** One sentence for the CLI and the logs: why the printer will not print, or "ready". */
export function describeStatus(s: PrinterStatus): string {
  const problems = [
    s.paperOut && 'out of paper',
    s.ribbonOut && 'out of ribbon',
    s.headOpen && 'head open',
    s.paused && 'paused',
    s.bufferFull && 'buffer full',
    ...s.errors
  ].filter(Boolean) as string[]
  return problems.length === 0 ? 'ready' : problems.join(', ')
}

/** Builds a `~HS` answer (the emulator's and the tests' side). */
export function formatHostStatus(s: Partial<PrinterStatus>): string {
  const b = (v: boolean | undefined) => (v ? '1' : '0')
  const l1 = ['030', b(s.paperOut), b(s.paused), '1245', String(s.formatsInBuffer ?? 0).padStart(3, '0'), b(s.bufferFull), '0', b(s.partialFormat), '000', '0', '0', '0']
  const l2 = ['001', '0', b(s.headOpen), b(s.ribbonOut), '1', '2', '6', '0', String(s.labelsRemaining ?? 0).padStart(8, '0'), '1', '000']
  return `${STX}${l1.join(',')}${ETX}\r\n${STX}${l2.join(',')}${ETX}\r\n${STX}1234,0${ETX}\r\n`
}

/** Builds a `~HQES` answer. */
export function formatHqes(s: Partial<PrinterStatus>): string {
  const bits = (s.paperOut ? 1 : 0) | (s.ribbonOut ? 2 : 0) | (s.headOpen ? 4 : 0)
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0')
  return `${STX}\r\n\r\n  PRINTER STATUS\r\n   ERRORS:         ${bits ? 1 : 0} 00000000 ${hex(bits)}\r\n   WARNINGS:       0 00000000 00000000\r\n${ETX}\r\n`
}
