import type { ComponentType } from './types'

const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`
const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const CSET64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const N = 1
const X = 2
const Y = 4
const Z = 8
const FLAGS = new Uint8Array(128)
for (let c = 48; c <= 57; c++) FLAGS[c] = N
for (const ch of CSET82) FLAGS[ch.charCodeAt(0)]! |= X
for (const ch of CSET39) FLAGS[ch.charCodeAt(0)]! |= Y
for (const ch of CSET64) FLAGS[ch.charCodeAt(0)]! |= Z

const MASK: Record<ComponentType, number> = { N, X, Y, Z }

export const CSET82_CHARS = CSET82
export const CSET39_CHARS = CSET39
export const CSET64_CHARS = CSET64

/** Index of the first character of `value[start, end)` outside the type's character set, or -1. */
export function firstInvalidChar(type: ComponentType, value: string, start: number, end: number): number {
  const mask = MASK[type]
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i)
    if (c < 128 && (FLAGS[c]! & mask) !== 0) continue
    // base64url may end with up to two '=' padding characters
    if (type === 'Z' && c === 61 && end - i <= 2 && (i + 1 === end || value.charCodeAt(i + 1) === 61)) continue
    return i
  }
  return -1
}

export function isCset82(value: string): boolean {
  return firstInvalidChar('X', value, 0, value.length) < 0
}
