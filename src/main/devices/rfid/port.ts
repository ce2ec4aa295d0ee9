import { describeOpenError } from '../scanners/serial-scanner'
import { RfidFailure } from './types'

/** The part of a serialport `SerialPort` a reader driver uses: the hardware seam (tests inject their own). */
export interface RfidPortLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown
  on(event: 'close', listener: (error?: Error & { disconnected?: boolean }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  write(data: Buffer, callback?: (error?: Error | null) => void): unknown
  close(callback?: (error?: Error | null) => void): void
  readonly isOpen: boolean
}

export type OpenRfidPort = (path: string, baudRate: number) => Promise<RfidPortLike>

/** Opens a real port with serialport (loaded lazily: the native module is needed only here). */
export const openRfidPort: OpenRfidPort = async (path, baudRate) => {
  const { SerialPort } = await import('serialport')
  const port = new SerialPort({ path, baudRate, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())))
  return port
}

/** A port that cannot be opened, as a code: `rfid.port_missing`, `rfid.port_denied`, `rfid.port_busy` or `rfid.port_failed`. */
export function portFailure(path: string, error: unknown): RfidFailure {
  const reason = error instanceof Error ? error.message : String(error)
  const code = /ENOENT|No such file/i.test(reason) ? 'rfid.port_missing' : /EACCES|Permission denied/i.test(reason) ? 'rfid.port_denied' : /EBUSY|Resource busy|lock/i.test(reason) ? 'rfid.port_busy' : 'rfid.port_failed'
  return new RfidFailure(code, { path, reason }, describeOpenError(path, error))
}
