import { createRandom, createTagCycle, type SimCorruptOptions, type SimCorruption, type SimTag } from './sim-population'
import { openSimLink, type SimLink } from './sim-link'

export interface ReaderSimOptions {
  /** The pty path the simulator opens (the far end of the one the driver opens). */
  path: string
  tags?: readonly SimTag[]
  /** Tag frames per second while reading; `'max'` = as fast as the pty takes them. Default 200. */
  rate?: number | 'max'
  /** Reads of each tag per pass through the population (default 3). */
  repeats?: number
  corrupt?: SimCorruptOptions
  /** Seed of the PRNG (RSSI jitter, noise bytes). */
  seed?: number
  /** Never answer and never stream (a dead reader). */
  mute?: boolean
}

export interface SimStats {
  /** Good tag frames written. */
  tagFrames: number
  /** Frames damaged, by kind. */
  corrupted: Record<SimCorruption, number>
  commands: number
  keepAlives: number
  /** EPCs written in good frames (each once). */
  epcs: Set<string>
}

export interface RfidSimulator {
  readonly path: string
  stats(): SimStats
  setTags(tags: readonly SimTag[]): void
  /** Stop answering and streaming (true) or resume (false). */
  mute(on: boolean): void
  reading(): boolean
  /** General-purpose outputs as the host last set them. */
  outputs(): Record<number, boolean>
  /** Writes raw bytes to the driver (tests). */
  sendRaw(bytes: Buffer): void
  close(): Promise<void>
}

/** What a protocol gives the shared simulator core. */
export interface SimProtocol {
  kinds: readonly SimCorruption[]
  /** Handle host bytes; return frames to answer. */
  onBytes(data: Buffer, control: SimControl): void
  /** A good tag frame. */
  tagFrame(tag: { epc: string; antenna: number; rssi: number; xpc?: readonly number[] }, readerMs: number): Buffer
  /** The frame damaged in the given way (noise = garbage before the good frame). */
  damage(frame: Buffer, kind: SimCorruption, random: () => number): Buffer
  /** Called between frames and every 10 ms: bytes to send now (a keep-alive, the end of a round) or null. */
  tick?(control: SimControl, now: number): Buffer | null
}

export interface SimControl {
  answer(bytes: Buffer): void
  setReading(on: boolean): void
  reading(): boolean
  countCommand(): void
  countKeepAlive(): void
  setOutput(pin: number, high: boolean): void
  /** Frames streamed since reading started (R2000 rounds end after a number of them). */
  framesThisRun(): number
}

const TICK_MS = 10

/** Shared pacing, corruption and pty plumbing of the reader simulators. */
export function startSimCore(options: ReaderSimOptions, protocol: SimProtocol): RfidSimulator {
  const link: SimLink = openSimLink(options.path)
  const random = createRandom(options.seed ?? 1)
  let tags: readonly SimTag[] = options.tags ?? []
  const next = createTagCycle(() => tags, options.repeats ?? 3, random)
  const stats: SimStats = { tagFrames: 0, corrupted: { crc: 0, tag_crc: 0, truncate: 0, noise: 0 }, commands: 0, keepAlives: 0, epcs: new Set() }
  const kinds = options.corrupt?.kinds?.filter((k) => protocol.kinds.includes(k)) ?? protocol.kinds
  const every = options.corrupt?.every ?? 0
  let muted = options.mute ?? false
  let reading = false
  let startedAt = 0
  let sentThisRun = 0
  let paced = 0
  let stoppedAt = -Infinity
  let frameNo = 0
  let kindNo = 0
  let pumping = false
  const outputs: Record<number, boolean> = {}

  const control: SimControl = {
    answer: (bytes) => {
      if (!muted) link.write(bytes)
    },
    setReading(on) {
      if (on && !reading) {
        sentThisRun = 0
        // Pacing carries over a short pause (the gap between two R2000 inventory rounds): the
        // rate is a rate of the stream, not of each round.
        if (performance.now() - stoppedAt > 250) {
          startedAt = performance.now()
          paced = 0
        }
      }
      if (!on && reading) stoppedAt = performance.now()
      reading = on
      if (on && options.rate === 'max') pump()
    },
    reading: () => reading,
    countCommand: () => stats.commands++,
    countKeepAlive: () => stats.keepAlives++,
    setOutput: (pin, high) => void (outputs[pin] = high),
    framesThisRun: () => sentThisRun
  }

  const frame = (): Buffer | null => {
    const t = next()
    if (!t) return null
    const good = protocol.tagFrame(t, Math.round(performance.now() - startedAt))
    frameNo++
    sentThisRun++
    paced++
    if (every > 0 && frameNo % every === 0 && kinds.length > 0) {
      const kind = kinds[kindNo++ % kinds.length]!
      stats.corrupted[kind]++
      if (kind !== 'noise') return protocol.damage(good, kind, random)
      stats.tagFrames++
      stats.epcs.add(t.epc)
      return protocol.damage(good, kind, random)
    }
    stats.tagFrames++
    stats.epcs.add(t.epc)
    return good
  }

  const batch = (n: number): Buffer => {
    const parts: Buffer[] = []
    for (let i = 0; i < n && reading; i++) {
      const f = frame()
      if (!f) break
      parts.push(f)
      const extra = protocol.tick?.(control, performance.now())
      if (extra) parts.push(extra)
    }
    return Buffer.concat(parts)
  }

  /** rate 'max': keep the pty full, waiting for 'drain' whenever its queue is full. */
  let waitingDrain = false
  const pump = () => {
    if (pumping || waitingDrain) return
    pumping = true
    while (reading && !muted && !link.gone()) {
      const b = batch(256)
      if (b.length === 0) break
      if (!link.write(b)) {
        waitingDrain = true
        break
      }
    }
    pumping = false
  }
  link.onDrain(() => {
    if (!waitingDrain) return
    waitingDrain = false
    setImmediate(pump)
  })

  const timer = setInterval(() => {
    if (muted || link.gone()) return
    const extra = protocol.tick?.(control, performance.now())
    if (extra) link.write(extra)
    if (!reading || options.rate === 'max') {
      if (reading && options.rate === 'max') pump()
      return
    }
    const rate = options.rate ?? 200
    const due = Math.floor(((performance.now() - startedAt) / 1000) * rate) - paced
    if (due <= 0) return
    const b = batch(Math.min(due, Math.ceil(rate / 10) + 1))
    if (b.length > 0) link.write(b)
  }, TICK_MS)
  timer.unref?.()

  link.onData((data) => {
    if (muted) return
    protocol.onBytes(data, control)
  })
  link.onGone(() => {
    reading = false
    clearInterval(timer)
  })

  return {
    path: options.path,
    stats: () => ({ ...stats, corrupted: { ...stats.corrupted }, epcs: new Set(stats.epcs) }),
    setTags(t) {
      tags = t
    },
    mute(on) {
      muted = on
    },
    reading: () => reading,
    outputs: () => ({ ...outputs }),
    sendRaw: (bytes) => void link.write(bytes),
    async close() {
      clearInterval(timer)
      reading = false
      link.close()
    }
  }
}
