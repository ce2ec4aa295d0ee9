/**
 * Printer addresses, one string per printer:
 *   tcp://host[:9100]            raw TCP (default port 9100)
 *   usb://0a5f[:PID][/SERIAL]     USB printer class, Zebra's vendor id by default
 *   serial:///dev/ttyUSB0[?baud=9600]
 *   lp://QUEUE                   the OS queue (CUPS raw queue: lp -d QUEUE -o raw)
 *   emulator://NAME              the in-process emulator (demo mode; resolved by the station)
 * Site IT may also write `cups:QUEUE`, `serial:/dev/ttyUSB0` and `usb:0a5f:0166` (no `//`): the same
 * addresses, stored in the form above (`canonicalPrinterUri`).
 */
import { err, ok, type Result } from '../../../shared/result'

export type PrinterAddress =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'usb'; vendorId: number; productId?: number; serial?: string }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'lp'; queue: string }

export const ZEBRA_VENDOR_ID = 0x0a5f

/** The short spellings (`cups:Q`, `serial:/dev/x`, `usb:0a5f`) as `scheme://…`; anything else unchanged. */
function withSlashes(uri: string): string {
  const t = uri.trim()
  const m = /^(cups|lp|serial|usb|tcp):(?!\/\/)(.*)$/.exec(t)
  if (!m) return t.replace(/^cups:\/\//, 'lp://')
  const [, scheme, rest] = m as unknown as [string, string, string]
  return `${scheme === 'cups' ? 'lp' : scheme}://${rest}`
}

export function parsePrinterUri(uri: string): Result<PrinterAddress> {
  const bad = (why: string) => err('printer.bad_uri', `"${uri}" is not a printer address: ${why}. Use tcp://host:9100, usb://0a5f, serial:///dev/ttyUSB0 or cups:QUEUE.`, { uri, problem: why })
  const m = /^([a-z]+):\/\/(.*)$/.exec(withSlashes(uri))
  if (!m) return bad('no scheme')
  const [, scheme, rest] = m as unknown as [string, string, string]
  switch (scheme) {
    case 'tcp': {
      const hm = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?\/?$/.exec(rest)
      if (!hm) return bad('expected tcp://host:port')
      const port = hm[2] ? Number(hm[2]) : 9100
      if (port < 1 || port > 65535) return bad('the port must be 1–65535')
      return ok({ kind: 'tcp', host: hm[1]!.replace(/^\[|\]$/g, ''), port })
    }
    case 'usb': {
      const um = /^([0-9a-fA-F]{4})?(?::([0-9a-fA-F]{4}))?(?:\/(.+))?$/.exec(rest)
      if (!um) return bad('expected usb://VID[:PID][/SERIAL] in hex')
      return ok({
        kind: 'usb',
        vendorId: um[1] ? Number.parseInt(um[1], 16) : ZEBRA_VENDOR_ID,
        ...(um[2] ? { productId: Number.parseInt(um[2], 16) } : {}),
        ...(um[3] ? { serial: decodeURIComponent(um[3]) } : {})
      })
    }
    case 'serial': {
      const [path, query] = rest.split('?') as [string, string | undefined]
      if (!path.startsWith('/') && !/^COM\d+$/i.test(path)) return bad('expected serial:///dev/… or serial://COM3')
      const baud = new URLSearchParams(query ?? '').get('baud')
      const baudRate = baud ? Number(baud) : 9600
      if (!Number.isInteger(baudRate) || baudRate < 1200 || baudRate > 921600) return bad('the baud rate must be 1200–921600')
      return ok({ kind: 'serial', path, baudRate })
    }
    case 'lp': {
      if (!/^[A-Za-z0-9_.@-]{1,127}$/.test(rest)) return bad('a queue name is letters, digits, _ . @ -')
      return ok({ kind: 'lp', queue: rest })
    }
    default:
      return bad(`unknown scheme "${scheme}"`)
  }
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0')

/** One spelling per printer, so the same printer cannot be added twice under two spellings. */
export function canonicalPrinterUri(a: PrinterAddress): string {
  switch (a.kind) {
    case 'tcp':
      return `tcp://${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`
    case 'usb':
      return `usb://${hex4(a.vendorId)}${a.productId !== undefined ? `:${hex4(a.productId)}` : ''}${a.serial ? `/${encodeURIComponent(a.serial)}` : ''}`
    case 'serial':
      return `serial://${a.path}${a.baudRate !== 9600 ? `?baud=${a.baudRate}` : ''}`
    case 'lp':
      return `lp://${a.queue}`
  }
}
