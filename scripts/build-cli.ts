/**
 * Bundles the `dockside` CLI into out/cli/ with esbuild (part of `npm run build`), so bin/dockside.mjs
 * starts from plain JavaScript instead of transpiling the sources through tsx at every call.
 *
 * - ESM for Node 20; one entry `dockside.mjs` (src/main/cli/index.ts) plus one entry per worker thread
 *   (`<name>.mjs`, from WORKER_SOURCES in src/main/paths.ts). Code splitting keeps the CLI's lazy command
 *   loading: `dockside gs1 parse` loads its own chunks, never the station, SQLite or the devices.
 * - npm packages stay external and load from node_modules as before: native modules (better-sqlite3,
 *   serialport, node-hid, usb) must, and pino resolves its transport targets (pino-roll) and its worker
 *   threads from the files that call it and from its own folder. Only pure-ESM packages that every
 *   station start loads are bundled (BUNDLED_PACKAGES: zod's ~70 files load in a third of the time as
 *   one chunk). A reinstall (node_modules/.package-lock.json rewritten) makes the build stale.
 * - Flat output (chunks beside the entries): src/main/paths.ts finds the project root and the worker
 *   entries relative to whichever chunk holds it.
 * - Nothing half-written: each file is written to a temporary name and renamed into place, chunks first,
 *   then the entries, then `build-stamp.json` (what bin/build-state.mjs compares source mtimes with).
 *   Files of earlier builds stay a day, so a long-running `dockside serve` can still load its lazy chunks.
 *
 * Run: `node --import tsx scripts/build-cli.ts` (npm run build does), or `ensureCliBuild()` from code.
 */
import { build, type Metafile, type OutputFile, type Plugin } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
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

/** npm packages bundled into the CLI; every other one is imported from node_modules at run time. */
export const BUNDLED_PACKAGES = ['zod']
const INSTALL_RECORD = 'node_modules/.package-lock.json'

const toPosix = (p: string) => p.split(sep).join('/')
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

/** Bare imports (npm packages, node: builtins) stay imports, except BUNDLED_PACKAGES. */
const externalPackages: Plugin = {
  name: 'dockside-external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGES.includes(packageName(args.path)) ? undefined : { path: args.path, external: true }))
  }
}

function entryPoints(root: string): Record<string, string> {
  const entries: Record<string, string> = { dockside: join(root, 'src/main/cli/index.ts') }
  for (const [name, source] of Object.entries(WORKER_SOURCES)) entries[name] = join(root, 'src/main', source)
  return entries
}

/**
 * What makes the build stale when it changes: the sources it was made of (relative, posix), this
 * script, and — for the bundled packages, whose files npm extracts with their publish-time mtimes — the
 * record npm rewrites at every install.
 */
function stampInputs(root: string, metafile: Metafile): string[] {
  const inputs = Object.keys(metafile.inputs).map((p) => toPosix(relative(root, resolve(root, p))))
  const isBundledPackage = (p: string) => BUNDLED_PACKAGES.some((name) => p.startsWith(`node_modules/${name}/`))
  const outside = inputs.filter((p) => (p.startsWith('..') || p.startsWith('node_modules/')) && !isBundledPackage(p))
  if (outside.length > 0) throw new Error(`The CLI bundle read files outside the project's sources (${outside.slice(0, 3).join(', ')}); they must stay external.`)
  const own = inputs.filter((p) => !isBundledPackage(p))
  if (own.length < inputs.length && existsSync(join(root, INSTALL_RECORD))) own.push(INSTALL_RECORD)
  return [...new Set([...own, toPosix(relative(root, fileURLToPath(import.meta.url)))])].sort()
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
    plugins: [externalPackages],
    // A git worktree may share node_modules through a symlink; keep its paths inside the project.
    preserveSymlinks: true,
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
