import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** The data folder and everything in it belong to the station's user only (POSIX; ignored on Windows). */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates (or tightens) a private folder: 0700 whatever the umask. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  tighten(dir, PRIVATE_DIR_MODE)
}

/** chmod that never throws (a file that vanished, a filesystem without modes). */
export function tighten(path: string, mode: number = PRIVATE_FILE_MODE): void {
  if (process.platform === 'win32') return
  try {
    chmodSync(path, mode)
  } catch {
    // best effort: the folder mode already keeps other users out
  }
}

/** Writes a station file (a report PDF…) 0600 in a 0700 folder, tightening one that already existed. */
export function writePrivate(path: string, bytes: Uint8Array | string): void {
  ensurePrivateDir(dirname(path))
  writeFileSync(path, bytes, { mode: PRIVATE_FILE_MODE })
  tighten(path)
}
