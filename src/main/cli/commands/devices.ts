import { parseArgs } from 'node:util'
import { probeDevices } from '../../devices/scanners/discovery'
import { EXIT_OK, UsageError, wantsHelp, type CliCommand } from '../command'

const HELP = `Usage: dockside devices list [--pretty]

Looks at every bus once and prints one JSON object:
  {"serialPorts":[…],"hidScanners":[…],"usbPrinters":[…]}
plus "errors":{"serialPorts"|"hidScanners"|"usbPrinters": "reason"} for each probe that failed
(e.g. no udevadm to list serial ports). A failed probe never hides the others.

  serialPorts   every serial port (serialport.list()); "scanner": true for a scanner maker's USB vendor id
  hidScanners   HID devices with usage page 0x8C (HID POS barcode scanners)
  usbPrinters   USB devices with Zebra's vendor id 0x0A5F or a printer-class (07) interface

Exit 0 when the JSON was printed (check "errors"), 2 on bad arguments.`

const command: CliCommand = {
  summary: 'List serial ports, HID POS scanners and USB printers as JSON',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === undefined || sub === 'help' || wantsHelp(argv)) {
      io.out(HELP)
      return sub === undefined ? 2 : EXIT_OK
    }
    if (sub !== 'list') throw new UsageError(`unknown subcommand "${sub}". Usage: dockside devices list [--pretty]`)
    let values: { pretty?: boolean | undefined }
    try {
      ;({ values } = parseArgs({ args: rest, options: { pretty: { type: 'boolean' } }, strict: true, allowPositionals: false }))
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error))
    }
    const report = await probeDevices()
    io.out(values.pretty ? JSON.stringify(report, null, 2) : JSON.stringify(report))
    return EXIT_OK
  }
}

export default command
