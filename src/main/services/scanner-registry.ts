import { accessSync, constants, realpathSync, statSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { SCANNER_BAUDS, SCANNER_SUFFIXES, scannerDeviceId, type RegisteredScanner, type ScannerKind, type ScannerSuffix } from '../../shared/model/scanners'
import { AppFailure } from '../errors'
import type { EventLog } from '../store/event-log'
import type { ScannerChange, ScannerRepository } from '../store/repositories/scanners'

export interface NewScanner {
  port: string
  kind?: ScannerKind | undefined
  name?: string | undefined
  /** Checked here, not only at the boundary: the CLI passes what was typed. */
  baud?: number | undefined
  suffix?: string | undefined
  terminal?: string | null | undefined
}

export interface ScannerUpdate extends Omit<ScannerChange, 'suffix'> {
  id: number
  suffix?: string | undefined
}

export interface ScannerRegistryDeps {
  repo: ScannerRepository
  eventLog: EventLog
  now: () => Date
  /** Whether a HID POS scanner with this device id is connected now (kind `hid`). */
  hidPresent?: (deviceId: string) => boolean
}

const TERMINAL = /^[A-Za-z0-9._-]{1,64}$/

/**
 * Refuses a serial port the station could not use, saying why: not a path, missing (unplugged, a
 * wrong or dangling by-id symlink), not a character device, or no permission. Opening is left to the
 * driver, which reports a busy port on the scanner's row.
 */
export function checkSerialPort(port: string): void {
  if (!isAbsolute(port) || /[\0\n\r]/.test(port)) throw new AppFailure('scanners.bad_port', { port: port.slice(0, 260) })
  let stat
  try {
    stat = statSync(port)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') throw new AppFailure('scanners.port_denied', { port })
    throw new AppFailure('scanners.port_missing', { port })
  }
  if (!stat.isCharacterDevice()) throw new AppFailure('scanners.not_a_port', { port })
  try {
    accessSync(port, constants.R_OK | constants.W_OK)
  } catch {
    throw new AppFailure('scanners.port_denied', { port })
  }
}

const realPath = (path: string): string | null => {
  try {
    return realpathSync(path)
  } catch {
    return null
  }
}

const checkBaud = (baud: number) => {
  if (!(SCANNER_BAUDS as readonly number[]).includes(baud)) throw new AppFailure('scanners.bad_baud', { baud: String(baud).slice(0, 20) })
}
const checkSuffix = (suffix: string): ScannerSuffix => {
  const lower = suffix.toLowerCase()
  if (!(SCANNER_SUFFIXES as readonly string[]).includes(lower)) throw new AppFailure('scanners.unknown_suffix', { suffix: suffix.slice(0, 20) })
  return lower as ScannerSuffix
}
const checkTerminal = (terminal: string | null | undefined) => {
  if (terminal !== null && terminal !== undefined && !TERMINAL.test(terminal)) throw new AppFailure('scanners.bad_terminal', { terminal: terminal.slice(0, 64) })
}

const described = (s: RegisteredScanner) => ({ name: s.name, kind: s.kind, port: s.port, baud: s.baud, suffix: s.suffix, terminal: s.terminal, enabled: s.enabled })

/**
 * The scanners site IT adds (ADR 0017), shared by the screens and the CLI: each change is checked
 * first (port, duplicate, baud, suffix), then written with its audit event in one transaction.
 */
export function createScannerRegistry(deps: ScannerRegistryDeps) {
  const { repo } = deps
  // Read on every scan (terminal, on/off): kept in memory, reloaded after each change made here and at
  // each discovery pass (`reload`), which is also when a change written by the CLI takes effect.
  let cache: RegisteredScanner[] | null = null
  const cached = (): RegisteredScanner[] => (cache ??= repo.list())
  const changed = <T>(value: T): T => {
    cache = null
    return value
  }
  const existing = (id: number): RegisteredScanner => {
    const s = repo.get(id)
    if (!s) throw new AppFailure('scanners.unknown', { id })
    return s
  }
  /** The same port string, or another path to the same device (a by-id symlink and its /dev node). */
  const refuseDuplicate = (kind: ScannerKind, port: string, self: number | null) => {
    const real = kind === 'serial' ? realPath(port) : null
    const same = repo.list().find((s) => s.id !== self && (s.port === port || (real !== null && s.kind === 'serial' && realPath(s.port) === real)))
    if (same) throw new AppFailure('scanners.duplicate_port', { port, id: same.id, name: same.name })
  }
  const checkPort = (kind: ScannerKind, port: string) => {
    if (kind === 'serial') checkSerialPort(port)
    else if (!(deps.hidPresent?.(port) ?? false)) throw new AppFailure('scanners.hid_missing', { port: port.slice(0, 200) })
  }

  return {
    list: (): RegisteredScanner[] => cached(),
    /** Reads the table again (a discovery pass: the CLI may have changed it beside the station). */
    reload(): RegisteredScanner[] {
      cache = null
      return cached()
    },
    get: existing,
    /** The registered scanner behind a driver's device id, if any. */
    byDevice(deviceId: string): RegisteredScanner | null {
      return cached().find((s) => scannerDeviceId(s) === deviceId) ?? null
    },
    add(input: NewScanner, actor: number | null): RegisteredScanner {
      const kind = input.kind ?? 'serial'
      const port = input.port.trim()
      const baud = input.baud ?? 9600
      checkBaud(baud)
      const suffix = checkSuffix(input.suffix ?? 'crlf')
      checkTerminal(input.terminal)
      checkPort(kind, port)
      refuseDuplicate(kind, port, null)
      const name = (input.name?.trim() || port).slice(0, 80)
      const at = deps.now().toISOString()
      const { result: id } = changed(deps.eventLog.record(
        () => {
          refuseDuplicate(kind, port, null)
          return repo.insert({ name, kind, port, baud, suffix, terminal: input.terminal ?? null }, at)
        },
        (id) => ({ type: 'scanner.added', operatorId: actor, payload: { scanner: id, after: { name, kind, port, baud, suffix, terminal: input.terminal ?? null, enabled: true } } })
      ))
      return existing(id)
    },
    update(input: ScannerUpdate, actor: number | null): RegisteredScanner {
      const before = existing(input.id)
      if (input.baud !== undefined) checkBaud(input.baud)
      const suffix = input.suffix === undefined ? before.suffix : checkSuffix(input.suffix)
      checkTerminal(input.terminal)
      const port = input.port?.trim() ?? before.port
      if (port !== before.port) {
        checkPort(before.kind, port)
        refuseDuplicate(before.kind, port, before.id)
      }
      const next: RegisteredScanner = {
        ...before,
        name: input.name?.trim() ? input.name.trim().slice(0, 80) : before.name,
        port,
        baud: input.baud ?? before.baud,
        suffix,
        terminal: input.terminal === undefined ? before.terminal : input.terminal,
        enabled: input.enabled ?? before.enabled
      }
      changed(
        deps.eventLog.record(
          () => repo.update(before.id, next, deps.now().toISOString()),
          () => ({ type: 'scanner.changed', operatorId: actor, payload: { scanner: before.id, before: described(before), after: described(next) } })
        )
      )
      return existing(before.id)
    },
    remove(id: number, actor: number | null): { removed: number } {
      const before = existing(id)
      changed(
        deps.eventLog.record(
          () => repo.remove(id),
          () => ({ type: 'scanner.removed', operatorId: actor, payload: { scanner: id, before: described(before) } })
        )
      )
      return { removed: id }
    },
    deviceIdOf: (s: RegisteredScanner) => scannerDeviceId(s)
  }
}

export type ScannerRegistry = ReturnType<typeof createScannerRegistry>
