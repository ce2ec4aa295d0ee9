import { parseArgs } from 'node:util'
import { classifyScan } from '../../../shared/codes/gs1/index'
import { english } from '../../../shared/messages/catalog'
import { SerialFramer, type SerialFrame } from '../../devices/scanners/serial-framer'
import { describeOpenError, openSerialPort, type SerialPortLike } from '../../devices/scanners/serial-scanner'
import { decodeScanBytes } from '../../services/scan-pipeline'
import { EXIT_FAILURE, EXIT_OK, UsageError, wantsHelp, type CliCommand } from '../command'

/** Exit code when --timeout expires before --count scans arrived. */
export const EXIT_TIMEOUT = 3

const HELP = `Usage: dockside scan --port <path> [--baud N] [--count N] [--timeout S] [--silence MS] [--gs TEXT]…

Listens to a serial or USB-CDC scanner and prints one JSON line per scan as it arrives:
  {"raw":"]C1011231231231233310ABC123\\u001d99TESTING","symbology":"]C1","kind":"gs1","form":"scan",
   "elements":[{"ai":"01","value":"12312312312333"},…],"fields":{…}}
  {"raw":"BIN-A-01","kind":"plain","text":"BIN-A-01"}
  {"raw":"]C1019…","kind":"invalid","symbology":"]C1","error":{"code":"gs1.check_digit","message":"…"}}
  {"raw":"…","kind":"rejected","error":{"code":"scan.too_long"|"scan.binary"|"scan.partial","message":"…"}}
"raw" is the scan as text (GS = \\u001d); "elements" is the same array \`dockside gs1 parse\` prints.
Frames end at CR, LF, CR LF or --silence ms without a byte; scans over 4096 bytes are rejected.

Options:
  --port PATH     the serial port (/dev/ttyACM0, /dev/ttyUSB0, COM3)          required
  --baud N        baud rate (default 9600; USB-CDC scanners ignore it)
  --count N       exit 0 after N scans (rejected ones count too)
  --timeout S     stop after S seconds (fractions allowed)
  --silence MS    end a frame after MS ms of silence (default 150; 0 = only CR/LF)
  --gs TEXT       a text stand-in for GS, e.g. "<GS>" (repeatable)

Exit codes: 0 after --count scans, or when --timeout expires and no --count was given, or on
Ctrl+C; 3 when --timeout expires before --count scans arrived; 1 when the port cannot be opened or
closes (scanner unplugged); 2 on bad arguments.`

function positiveInt(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${value}".`)
  return n
}

/** The JSON line for one frame. */
export function scanLine(frame: SerialFrame, gsSubstitutes: readonly string[] = []): Record<string, unknown> {
  const raw = frame.bytes.toString('latin1')
  if (frame.kind === 'rejected') return { raw, kind: 'rejected', error: { code: frame.code, message: frame.reason } }
  const decoded = decodeScanBytes(frame.bytes)
  if ('error' in decoded) return { raw, kind: 'rejected', error: { code: 'scan.binary', message: english({ code: 'scan.binary', params: { byte: decoded.byte, position: decoded.position } }) } }
  const c = classifyScan(decoded.text, { gsSubstitutes })
  const line: Record<string, unknown> = { raw: decoded.text }
  if (c.kind === 'gs1') {
    const { kind, ...parsed } = c
    return { ...line, ...(parsed.symbology ? { symbology: parsed.symbology } : {}), kind, ...parsed }
  }
  if (c.kind === 'plain') return { ...line, ...(c.symbology ? { symbology: c.symbology } : {}), kind: 'plain', text: c.text }
  return { ...line, ...(c.symbology ? { symbology: c.symbology } : {}), kind: 'invalid', error: { code: c.error.code, message: c.error.message } }
}

const command: CliCommand = {
  summary: 'Listen to a serial scanner and print each scan as a JSON line',
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(HELP)
      return EXIT_OK
    }
    let values: Record<string, string | string[] | boolean | undefined>
    try {
      ;({ values } = parseArgs({
        args: argv,
        options: {
          port: { type: 'string' },
          baud: { type: 'string' },
          count: { type: 'string' },
          timeout: { type: 'string' },
          silence: { type: 'string' },
          gs: { type: 'string', multiple: true }
        },
        strict: true,
        allowPositionals: false
      }))
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error))
    }
    const port = values.port as string | undefined
    if (!port) throw new UsageError('--port <path> is required (e.g. --port /dev/ttyACM0). Run `dockside devices list` to see the ports.')
    const baud = positiveInt('baud', values.baud as string | undefined) ?? 9600
    const count = positiveInt('count', values.count as string | undefined)
    const silence = positiveInt('silence', values.silence as string | undefined, 0) ?? 150
    const timeoutText = values.timeout as string | undefined
    let timeoutMs: number | undefined
    if (timeoutText !== undefined) {
      const s = Number(timeoutText)
      if (!Number.isFinite(s) || s <= 0 || timeoutText.trim() === '') throw new UsageError(`--timeout must be a number of seconds > 0, got "${timeoutText}".`)
      timeoutMs = Math.round(s * 1000)
    }
    const gs = (values.gs as string[] | undefined) ?? []

    let serial: SerialPortLike
    try {
      serial = await openSerialPort(port, baud)
    } catch (error) {
      io.err(`dockside scan: ${describeOpenError(port, error)}`)
      return EXIT_FAILURE
    }

    return await new Promise<number>((resolve) => {
      let seen = 0
      let done = false
      const framer = new SerialFramer({ silenceMs: silence })
      const finish = (code: number, message?: string) => {
        if (done) return
        done = true
        if (timer) clearTimeout(timer)
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
        if (message) io.err(`dockside scan: ${message}`)
        if (serial.isOpen) serial.close(() => resolve(code))
        else resolve(code)
      }
      const onSignal = () => finish(EXIT_OK)
      const timer = timeoutMs === undefined ? null : setTimeout(() => finish(count === undefined ? EXIT_OK : EXIT_TIMEOUT, count === undefined ? undefined : `timed out after ${timeoutText} s with ${seen} of ${count} scans.`), timeoutMs)
      process.once('SIGINT', onSignal)
      process.once('SIGTERM', onSignal)
      framer.on('data', (frame: SerialFrame) => {
        if (done) return
        io.out(JSON.stringify(scanLine(frame, gs)))
        seen++
        if (count !== undefined && seen >= count) finish(EXIT_OK)
      })
      serial.on('data', (data) => framer.write(data))
      serial.on('error', (error) => finish(EXIT_FAILURE, `${port}: ${error.message}`))
      serial.on('close', (error) => {
        if (done) return
        framer.discardPartial()
        finish(EXIT_FAILURE, error?.disconnected ? `${port} disconnected (scanner unplugged).` : `${port} closed.`)
      })
    })
  }
}

export default command
