import type { Transform } from 'node:stream'

/** Everything a framer emits, synchronously (Transform pushes in object mode are delivered on write). */
export function collect<T>(framer: Transform): T[] {
  const out: T[] = []
  framer.on('data', (x: T) => out.push(x))
  return out
}

export const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex')

/** Writes `bytes` split at `cuts` (sorted offsets). */
export function writeSplit(framer: Transform, bytes: Buffer, cuts: number[]): void {
  let prev = 0
  for (const c of [...cuts, bytes.length]) {
    if (c > prev) framer.write(bytes.subarray(prev, c))
    prev = Math.max(prev, c)
  }
}
