import type { Transform } from 'node:stream'
import type { ReaderInfo, ReaderSettings, RejectCode, TagRead } from './types'

/** What a protocol session may do on its connection (provided by the driver). */
export interface SessionContext {
  write(bytes: Buffer): void
  /** Sends `bytes` and resolves with the first frame `match` accepts; rejects with `rfid.no_answer` after `timeoutMs`. */
  request<T>(bytes: Buffer, match: (frame: unknown) => T | undefined, what: string, timeoutMs?: number): Promise<T>
  tag(read: Omit<TagRead, 'deviceId' | 'at'>): void
  rejected(code: RejectCode, bytes: number, sample: string): void
  keepAlive(): void
  issue(code: string, params: Record<string, string | number>): void
  /** True while the inventory is wanted (tags are delivered, rounds re-issued). */
  reading(): boolean
}

/** One connection's protocol logic: framing, handshake, settings, inventory control. */
export interface ProtocolSession {
  readonly framer: Transform
  /** Every checked frame no pending request took. */
  onFrame(frame: unknown): void
  handshake(): Promise<ReaderInfo>
  configure(settings: ReaderSettings): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
  /** The watchdog found the inventory silent: kick it. */
  restart(): Promise<void>
  setOutput(pin: number, high: boolean): Promise<void>
  /** Whether silence while reading means trouble (false for readers that only talk when a tag is there). */
  readonly watchdog: boolean
}

export type SessionFactory = (ctx: SessionContext) => ProtocolSession
