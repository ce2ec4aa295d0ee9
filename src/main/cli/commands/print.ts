import { parseArgs } from 'node:util'
import { EXIT_FAILURE, EXIT_OK, UsageError, wantsHelp, type CliCommand } from '../command'
import { resolveDataDir } from '../data-dir'
import { describeLabelError, parseDataArg } from './label'

const USAGE = `Usage: dockside print --printer URI --template NAME --data JSON [--dpi 203|300|600] [--timeout MS] [--data-dir DIR]

Renders the label and sends it straight to the printer (no station queue):
  URI: tcp://host:9100, usb://0a5f[:PID][/SERIAL], serial:///dev/ttyUSB0?baud=9600, lp://QUEUE
The printer's status (~HS) is read first: paper out, head open, ribbon out or pause refuse the job.
Exit 0 once the printer has the job (it answered a status request sent after it);
exit 1 with the reason when the printer refused, did not answer or dropped the connection before
taking the job; exit 3 when the job went out but could not be confirmed (check the printer before
printing again); exit 2 for bad arguments or a missing or invalid field.`

export const EXIT_UNCERTAIN = 3

const print: CliCommand = {
  summary: 'Print one label on a printer (tcp://, usb://, serial://, lp://)',
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(USAGE)
      return EXIT_OK
    }
    let values: Record<string, string | undefined>
    try {
      ;({ values } = parseArgs({
        args: argv,
        options: { printer: { type: 'string' }, template: { type: 'string' }, data: { type: 'string' }, dpi: { type: 'string' }, timeout: { type: 'string' }, 'data-dir': { type: 'string' } },
        strict: true
      }))
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error))
    }
    if (!values.printer) throw new UsageError('--printer is required, e.g. tcp://192.168.1.50:9100.')
    if (!values.template) throw new UsageError('--template is required (unit, sscc, bin, rfid-unit or one of yours).')
    const dpi = values.dpi === undefined ? 203 : Number(values.dpi)
    if (dpi !== 203 && dpi !== 300 && dpi !== 600) throw new UsageError(`--dpi must be 203, 300 or 600; got "${values.dpi}".`)
    const timeoutMs = values.timeout === undefined ? 3000 : Number(values.timeout)
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) throw new UsageError('--timeout is milliseconds, 100–60000.')
    const data = parseDataArg(values.data)
    const [{ openTransport }, { sendJob }, { createLabelService }] = await Promise.all([import('../../devices/printers'), import('../../devices/printers/zebra'), import('../../labels')])
    const transport = openTransport(values.printer)
    if (!transport.ok) throw new UsageError(transport.error.message)
    const labels = createLabelService({ dataDir: resolveDataDir(values['data-dir']) })
    const z = labels.zpl(values.template, data, dpi)
    if (!z.ok) throw new UsageError(describeLabelError(z.error))
    try {
      const out = await sendJob(transport.value, z.value.zpl, { timeoutMs })
      if (out.state === 'confirmed') {
        io.out(JSON.stringify({ printed: true, printer: transport.value.uri, bytes: out.sentBytes }))
        return EXIT_OK
      }
      if (out.state === 'uncertain' && out.code === 'printer.no_status') {
        io.err(`dockside print: ${out.reason}`)
        io.out(JSON.stringify({ printed: true, printer: transport.value.uri, bytes: out.sentBytes, confirmed: false }))
        return EXIT_OK
      }
      io.err(`dockside print: ${out.reason}`)
      return out.state === 'uncertain' ? EXIT_UNCERTAIN : EXIT_FAILURE
    } finally {
      await transport.value.close()
    }
  }
}

export default print
