import type { DeviceRegistry } from '../registry'
import { createSerialReader, type SerialReaderOptions } from './driver'
import type { OpenRfidPort } from './port'
import type { ReaderSettings, ReaderStatus, RejectedFrame, RfidIssue, RfidProtocol, RfidReader, TagRead } from './types'

/** One configured reader (what the Devices screen will store). */
export interface ReaderConfig {
  /** Default `rfid:<path>`. */
  id?: string
  name?: string
  path: string
  protocol: RfidProtocol
  baudRate?: number
  settings?: ReaderSettings
  /** Start the inventory as soon as the reader is connected (a gate door PC). */
  autoStart?: boolean
}

export interface RfidReaderManagerOptions {
  registry: DeviceRegistry
  onTag: (read: TagRead) => void
  onRejected?: (deviceId: string, rejected: RejectedFrame) => void
  onIssue?: (deviceId: string, issue: RfidIssue) => void
  onStatus?: (deviceId: string, status: ReaderStatus) => void
  openPort?: OpenRfidPort
  /** Extra driver options (tests: short backoff, watchdog). */
  driver?: Partial<Pick<SerialReaderOptions, 'backoff' | 'watchdogMs' | 'answerTimeoutMs' | 'handshakeAttempts'>>
}

/** Live numbers for aiming antennas: reads in the last second and the last RSSI per antenna. */
export interface ReaderLive {
  readsPerSecond: number
  rssiByAntenna: Record<number, number>
}

const idOf = (c: ReaderConfig) => c.id ?? `rfid:${c.path}`
const sameConfig = (a: ReaderConfig, b: ReaderConfig) => JSON.stringify({ ...a, id: idOf(a) }) === JSON.stringify({ ...b, id: idOf(b) })

/**
 * Keeps one driver per configured reader in the device registry (kind `rfid-reader`), forwards
 * reads, rejections and issues, and keeps a one-second read rate and the last RSSI per antenna.
 * `configure` adds new readers, closes removed ones and recreates changed ones. Drivers reconnect by
 * themselves, so an unplugged reader stays listed as disconnected until it comes back.
 */
export function createRfidReaderManager(options: RfidReaderManagerOptions) {
  const entries = new Map<string, { config: ReaderConfig; reader: RfidReader; offs: (() => void)[]; stamps: number[]; rssi: Record<number, number>; lastSeenAt: string | null }>()
  let stopped = false

  const publish = (id: string) => {
    const e = entries.get(id)
    if (!e) return
    const s = e.reader.status()
    options.registry.upsert({ id, kind: 'rfid-reader', transport: 'serial', name: e.reader.name, state: s.state, simulated: e.reader.simulated, lastSeenAt: e.lastSeenAt, lastError: s.issue?.code ?? null })
  }

  const add = async (config: ReaderConfig) => {
    const id = idOf(config)
    const reader = createSerialReader({ id, path: config.path, protocol: config.protocol, ...(config.name ? { name: config.name } : {}), ...(config.baudRate ? { baudRate: config.baudRate } : {}), ...(config.settings ? { settings: config.settings } : {}), ...(options.openPort ? { openPort: options.openPort } : {}), ...options.driver })
    const entry = { config, reader, offs: [] as (() => void)[], stamps: [] as number[], rssi: {} as Record<number, number>, lastSeenAt: null as string | null }
    entries.set(id, entry)
    entry.offs.push(
      reader.on('tag', (t) => {
        entry.stamps.push(t.at)
        if (entry.stamps.length > 20_000) entry.stamps.splice(0, 10_000)
        if (t.antenna !== null && t.rssi !== null) entry.rssi[t.antenna] = t.rssi
        entry.lastSeenAt = new Date(t.at).toISOString()
        options.onTag(t)
      }),
      reader.on('rejected', (r) => options.onRejected?.(id, r)),
      reader.on('issue', (i) => options.onIssue?.(id, i)),
      reader.on('status', (st) => {
        publish(id)
        options.onStatus?.(id, st)
      })
    )
    publish(id)
    if (config.autoStart) await reader.startInventory()
    await reader.open()
    publish(id)
  }

  const remove = async (id: string) => {
    const e = entries.get(id)
    if (!e) return
    entries.delete(id)
    e.offs.forEach((off) => off())
    await e.reader.close()
    options.registry.remove(id)
  }

  return {
    async configure(configs: readonly ReaderConfig[]): Promise<void> {
      if (stopped) return
      const wanted = new Map(configs.map((c) => [idOf(c), c]))
      for (const [id, e] of [...entries]) if (!wanted.has(id) || !sameConfig(e.config, wanted.get(id)!)) await remove(id)
      for (const [id, c] of wanted) if (!entries.has(id)) await add(c)
    },
    get: (id: string) => entries.get(id)?.reader,
    readers: () => [...entries.values()].map((e) => e.reader),
    live(id: string, now = Date.now()): ReaderLive | null {
      const e = entries.get(id)
      if (!e) return null
      let n = 0
      for (let i = e.stamps.length - 1; i >= 0 && now - e.stamps[i]! <= 1000; i--) n++
      return { readsPerSecond: n, rssiByAntenna: { ...e.rssi } }
    },
    async stop(): Promise<void> {
      stopped = true
      await Promise.all([...entries.keys()].map((id) => remove(id)))
    }
  }
}

export type RfidReaderManager = ReturnType<typeof createRfidReaderManager>
