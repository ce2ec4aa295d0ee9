// Is the CLI build (out/cli, made by `npm run build`) current? Read by bin/dockside.mjs at every start,
// so it only stats the source files the build stamp lists (no globbing, no hashing): a few ms.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const CLI_OUT_DIR = 'out/cli'
export const CLI_ENTRY = `${CLI_OUT_DIR}/dockside.mjs`
export const CLI_STAMP = `${CLI_OUT_DIR}/build-stamp.json`
export const STAMP_FORMAT = 1

/**
 * `{ fresh: true, entry }` when the build exists and no file it was built from changed since the build
 * started; otherwise `{ fresh: false, reason }` with the reason in a few words (for one stderr line).
 */
export function cliBuildState(root) {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(join(root, CLI_STAMP), 'utf8'))
  } catch {
    return { fresh: false, reason: `there is no CLI build (${CLI_STAMP} is missing)` }
  }
  if (stamp?.format !== STAMP_FORMAT || typeof stamp.startedAtMs !== 'number' || !Array.isArray(stamp.inputs) || stamp.inputs.length === 0) {
    return { fresh: false, reason: `${CLI_STAMP} is not a build stamp of this version` }
  }
  for (const file of stamp.inputs) {
    let mtimeMs
    try {
      mtimeMs = statSync(join(root, String(file))).mtimeMs
    } catch {
      return { fresh: false, reason: `${file} is gone since the last build` }
    }
    if (mtimeMs > stamp.startedAtMs) return { fresh: false, reason: `${file} changed after the last build` }
  }
  const entry = join(root, CLI_ENTRY)
  try {
    statSync(entry)
  } catch {
    return { fresh: false, reason: `${CLI_ENTRY} is missing` }
  }
  return { fresh: true, entry }
}
