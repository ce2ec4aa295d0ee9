/**
 * Bundles the `dockside` CLI into out/cli/ with esbuild (part of `npm run build`), so bin/dockside.mjs
 * starts from plain JavaScript instead of transpiling the sources through tsx at every call.
 *
 * - ESM for Node 20; one entry `dockside.mjs` (src/main/cli/index.ts) plus one entry per worker thread
 *   (`<name>.mjs`, from WORKER_SOURCES in src/main/paths.ts). Code splitting keeps the CLI's lazy command
 *   loading: `dockside gs1 parse` loads its own chunks, never the station, SQLite or the devices.
 * - Every npm package stays external and loads from node_modules as before: native modules
 *   (better-sqlite3, serialport, node-hid, usb) must, and pino resolves its transport targets (pino-roll)
 *   and its worker threads from the files that call it and from its own folder.
 * - Flat output (chunks beside the entries): src/main/paths.ts finds the project root and the worker
 *   entries relative to whichever chunk holds it.
 * - Nothing half-written: each file is written to a temporary name and renamed into place, chunks first,
 *   then the entries, then `build-stamp.json` (what bin/build-state.mjs compares source mtimes with).
 *   Files of earlier builds stay a day, so a long-running `dockside serve` can still load its lazy chunks.
 *
 * Run: `node --import tsx scripts/build-cli.ts` (npm run build does), or `ensureCliBuild()` from code.
 */
import { build, type Metafile, type OutputFile } from 'esbuild'
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLI_OUT_DIR, CLI_STAMP, STAMP_FORMAT, cliBuildState, type CliBuildStamp } from '../bin/build-state.mjs'
import { WORKER_SOURCES } from '../src/main/paths'

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const KEEP_EARLIER_BUILD_FILES_MS = 24 * 60 * 60 * 1000

export interface CliBuildResult {
  outDir: string
  files: number
  inputs: number
  ms: number
}

const toPosix = (p: string) => p.split(sep).join('/')

function entryPoints(root: string): Record<string, string> {
  const entries: Record<string, string> = { dockside: join(root, 'src/main/cli/index.ts') }
  for (const [name, source] of Object.entries(WORKER_SOURCES)) entries[name] = join(root, 'src/main', source)
  return entries
}

/** Source files the bundle was made of (relative, posix), plus this script: any of them newer → stale. */
function stampInputs(root: string, metafile: Metafile): string[] {
  const inputs = Object.keys(metafile.inputs).map((p) => toPosix(relative(root, resolve(root, p))))
  const outside = inputs.filter((p) => p.startsWith('..') || p.startsWith('node_modules/'))
  if (outside.length > 0) throw new Error(`The CLI bundle read files outside the project's sources (${outside.slice(0, 3).join(', ')}); they must stay external.`)
  return [...new Set([...inputs, toPosix(relative(root, fileURLToPath(import.meta.url)))])].sort()
}

function writeAtomically(path: string, contents: Uint8Array | string): void {
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, contents)
  renameSync(temp, path)
}

/** Chunks before entries, so an entry on disk never points at a chunk that is not there yet. */
function writeOrder(files: OutputFile[], entryNames: Set<string>): OutputFile[] {
  const isEntry = (f: OutputFile) => entryNames.has(basename(f.path).replace(/\.mjs(\.map)?$/, ''))
  return [...files.filter((f) => !isEntry(f)), ...files.filter(isEntry)]
}

function removeEarlierBuildFiles(outDir: string, keep: Set<string>, now: number): void {
  for (const name of readdirSync(outDir)) {
    const path = join(outDir, name)
    if (keep.has(path)) continue
    const stale = name.endsWith('.tmp') ? now - statSync(path).mtimeMs > 60_000 : now - statSync(path).mtimeMs > KEEP_EARLIER_BUILD_FILES_MS
    if (stale) rmSync(path, { force: true })
  }
}

export async function buildCli(root: string = PROJECT_ROOT): Promise<CliBuildResult> {
  const startedAtMs = Date.now()
  const outDir = join(root, CLI_OUT_DIR)
  const entries = entryPoints(root)
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent'
  })
  mkdirSync(outDir, { recursive: true })
  for (const file of writeOrder(result.outputFiles, new Set(Object.keys(entries)))) writeAtomically(file.path, file.contents)
  const stamp: CliBuildStamp = { format: STAMP_FORMAT, startedAtMs, inputs: stampInputs(root, result.metafile) }
  writeAtomically(join(root, CLI_STAMP), `${JSON.stringify(stamp, null, 1)}\n`)
  removeEarlierBuildFiles(outDir, new Set([...result.outputFiles.map((f) => f.path), join(root, CLI_STAMP)]), Date.now())
  return { outDir, files: result.outputFiles.length, inputs: stamp.inputs.length, ms: Date.now() - startedAtMs }
}

/** Builds the CLI only when bin/dockside.mjs would not run the build (missing or stale). */
export async function ensureCliBuild(root: string = PROJECT_ROOT): Promise<CliBuildResult | null> {
  return cliBuildState(root).fresh ? null : buildCli(root)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = await buildCli()
    console.log(`CLI built: ${toPosix(relative(PROJECT_ROOT, r.outDir))}/ (${r.files} files from ${r.inputs} sources) in ${r.ms} ms`)
  } catch (error) {
    // esbuild's message lists every error with its file and line.
    console.error(`Building the CLI failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
