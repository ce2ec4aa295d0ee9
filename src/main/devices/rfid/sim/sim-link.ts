import { closeSync, constants, openSync } from 'node:fs'
import { ReadStream } from 'node:tty'

/**
 * The simulator's end of a pseudo-terminal: opened by path with node:tty (non-blocking reads and
 * writes, no native module). When the pty disappears (socat killed: an unplug) `onGone` runs once.
 */
export interface SimLink {
  write(bytes: Buffer): boolean
  /** Bytes queued but not yet taken by the pty. */
  backlog(): number
  onData(listener: (data: Buffer) => void): void
  onDrain(listener: () => void): void
  onGone(listener: () => void): void
  close(): void
  gone(): boolean
}

export function openSimLink(path: string): SimLink {
  const fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY)
  const stream = new ReadStream(fd)
  let isGone = false
  const goneListeners: (() => void)[] = []
  const markGone = () => {
    if (isGone) return
    isGone = true
    goneListeners.forEach((l) => l())
  }
  stream.on('error', markGone)
  stream.on('end', markGone)
  stream.on('close', markGone)
  return {
    write(bytes) {
      if (isGone) return false
      return stream.write(bytes)
    },
    backlog: () => stream.writableLength,
    onData: (l) => void stream.on('data', (d: Buffer | string) => l(typeof d === 'string' ? Buffer.from(d, 'latin1') : d)),
    onDrain: (l) => void stream.on('drain', l),
    onGone: (l) => void goneListeners.push(l),
    close() {
      isGone = true
      stream.destroy()
      try {
        closeSync(fd)
      } catch {
        // the stream closed it already
      }
    },
    gone: () => isGone
  }
}
