import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLI_ENTRY, CLI_OUT_DIR, CLI_STAMP, STAMP_FORMAT, cliBuildState } from '../../../bin/build-state.mjs'
import { buildCli } from '../../../scripts/build-cli'
import { WORKER_SOURCES } from '../../../src/main/paths'
import { parseTrace, TRACE_NODE_ARGS } from '../../helpers/module-trace'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir } from '../../helpers/store'

const PARSE = ['gs1', 'parse', '(01)09506000134352(21)ABC']
const PARSED = { form: 'hri', elements: [{ ai: '01', value: '09506000134352' }, { ai: '21', value: 'ABC' }], fields: { gtin: '09506000134352', serial: 'ABC' } }

async function run(bin: string, args: string[], options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}) {
  const env = { ...process.env, ...options.env }
  if (!options.env?.DOCKSIDE_FROM_SOURCE) delete env.DOCKSIDE_FROM_SOURCE
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], { cwd: PROJECT_ROOT, env, timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A project root of its own: a copy of bin/, the real sources and node_modules linked, no build unless given. */
function scratchRoot(): string {
  const root = makeTempDir('dockside-cli-root-')
  cpSync(join(PROJECT_ROOT, 'bin'), join(root, 'bin'), { recursive: true })
  for (const name of ['src', 'scripts', 'node_modules', 'package.json', 'resources']) symlinkSync(join(PROJECT_ROOT, name), join(root, name))
  return root
}

/** A scratch root with files a, b and a stamp naming them (built at `startedAtMs`) and an entry. */
function stampedRoot(startedAtMs: number, inputs = ['src/a.ts', 'src/b.ts']) {
  const root = makeTempDir('dockside-stamp-')
  mkdirSync(join(root, 'src'))
  mkdirSync(join(root, CLI_OUT_DIR), { recursive: true })
  for (const f of ['src/a.ts', 'src/b.ts']) {
    writeFileSync(join(root, f), 'export {}\n')
    utimesSync(join(root, f), new Date(startedAtMs - 60_000), new Date(startedAtMs - 60_000))
  }
  writeFileSync(join(root, CLI_ENTRY), 'export {}\n')
  writeFileSync(join(root, CLI_STAMP), JSON.stringify({ format: STAMP_FORMAT, startedAtMs, inputs }))
  return root
}

describe('the CLI build freshness check (bin/build-state.mjs)', () => {
  const built = Date.now() - 3_600_000

  it('is fresh when no listed source changed since the build started', () => {
    const root = stampedRoot(built)
    expect(cliBuildState(root)).toEqual({ fresh: true, entry: join(root, CLI_ENTRY) })
  })

  it('names the source that changed after the build, or is gone', () => {
    const root = stampedRoot(built)
    utimesSync(join(root, 'src/b.ts'), new Date(), new Date())
    expect(cliBuildState(root)).toEqual({ fresh: false, reason: 'src/b.ts changed after the last build' })
    rmSync(join(root, 'src/b.ts'))
    expect(cliBuildState(root)).toEqual({ fresh: false, reason: 'src/b.ts is gone since the last build' })
  })

  it('is stale without a stamp, with a foreign stamp, or without the entry', () => {
    const root = stampedRoot(built)
    rmSync(join(root, CLI_ENTRY))
    expect(cliBuildState(root)).toEqual({ fresh: false, reason: `${CLI_ENTRY} is missing` })
    writeFileSync(join(root, CLI_STAMP), JSON.stringify({ format: STAMP_FORMAT + 1, startedAtMs: built, inputs: ['src/a.ts'] }))
    expect(cliBuildState(root)).toEqual({ fresh: false, reason: `${CLI_STAMP} is not a build stamp of this version` })
    rmSync(join(root, CLI_STAMP))
    expect(cliBuildState(root)).toEqual({ fresh: false, reason: `there is no CLI build (${CLI_STAMP} is missing)` })
  })

  it('never throws on a damaged stamp file and never calls it fresh unless it lists real, older sources', () => {
    const root = stampedRoot(built)
    const stampFile = join(root, CLI_STAMP)
    const stampLike = fc.record({
      format: fc.oneof(fc.constant(STAMP_FORMAT), fc.anything()),
      startedAtMs: fc.oneof(fc.constant(built), fc.double(), fc.anything()),
      inputs: fc.oneof(fc.constant(['src/a.ts']), fc.array(fc.string()), fc.anything())
    })
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), stampLike.map((s) => JSON.stringify(s)), fc.uint8Array().map((b) => Buffer.from(b).toString('latin1'))), (content) => {
        writeFileSync(stampFile, content)
        const state = cliBuildState(root)
        if (state.fresh) {
          const stamp = JSON.parse(content) as { startedAtMs: number; inputs: string[] }
          expect(stamp.inputs.length).toBeGreaterThan(0)
          for (const f of stamp.inputs) expect(statSync(join(root, String(f))).mtimeMs).toBeLessThanOrEqual(stamp.startedAtMs)
        } else {
          expect(state.reason).toMatch(/\S/)
          expect(state.reason).not.toContain('\n')
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe('bin/dockside.mjs chooses the build or the sources', () => {
  it('runs from source through tsx without a build, saying so in one stderr line; same output and exit codes', async () => {
    const bin = join(scratchRoot(), 'bin', 'dockside.mjs')
    const ok = await run(bin, PARSE)
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual(PARSED)
    expect(ok.stderr).toMatch(/^dockside: running from source through tsx \(slower start\) because there is no CLI build \(out\/cli\/build-stamp\.json is missing\); `npm run build` refreshes the build\.\n$/)
    const refused = await run(bin, ['gs1', 'parse', '(01)09506000134353'])
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr.trim().split('\n')).toHaveLength(2) // the notice and the refusal
    const quiet = await run(bin, PARSE, { env: { DOCKSIDE_FROM_SOURCE: '1' } })
    expect({ code: quiet.code, stderr: quiet.stderr, out: JSON.parse(quiet.stdout) as unknown }).toEqual({ code: 0, stderr: '', out: PARSED })
  })

  it('runs from source when a source is newer than the build, naming it', async () => {
    const root = scratchRoot()
    cpSync(join(PROJECT_ROOT, CLI_OUT_DIR), join(root, CLI_OUT_DIR), { recursive: true })
    const stampFile = join(root, CLI_STAMP)
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { startedAtMs: number; inputs: string[] }
    writeFileSync(stampFile, JSON.stringify({ ...stamp, startedAtMs: 0 }))
    const r = await run(join(root, 'bin', 'dockside.mjs'), PARSE, { nodeArgs: TRACE_NODE_ARGS })
    const trace = parseTrace(r.stderr)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(PARSED)
    expect(trace.rest.trim()).toMatch(/^dockside: running from source through tsx \(slower start\) because \S+ changed after the last build; /)
    expect(trace.main.some((u) => u.endsWith('/src/main/cli/index.ts'))).toBe(true)
    expect(trace.main.some((u) => u.includes('/out/cli/'))).toBe(false)
  })

  it('runs the current build: `gs1 parse` loads only its own chunks — no sources, no npm package, no station', async () => {
    expect(cliBuildState(PROJECT_ROOT)).toMatchObject({ fresh: true }) // test/global-setup.ts built it
    const r = await run(BIN, PARSE, { nodeArgs: TRACE_NODE_ARGS })
    const trace = parseTrace(r.stderr)
    expect({ code: r.code, stderr: trace.rest.trim(), out: JSON.parse(r.stdout) as unknown }).toEqual({ code: 0, stderr: '', out: PARSED })
    const ours = trace.main.filter((u) => !u.startsWith('node:'))
    const outside = ours.filter((u) => !u.includes('/bin/') && !u.includes(`/${CLI_OUT_DIR}/`))
    expect(outside).toEqual([])
    const loaded = [...new Set(ours.filter((u) => u.includes(`/${CLI_OUT_DIR}/`)))]
    expect(loaded.length).toBeGreaterThan(1)
    // Neither the station, SQLite, the contract's zod (bundled) nor any other command's code.
    for (const url of loaded) expect(readFileSync(new URL(url), 'utf8'), url).not.toMatch(/createStation|better-sqlite3|\$ZodType|startHeadless|SerialPort/)
  })

  it('refuses to build broken sources, naming the file and line, and writes nothing', async () => {
    const root = makeTempDir('dockside-broken-')
    mkdirSync(join(root, 'src/main/cli'), { recursive: true })
    writeFileSync(join(root, 'src/main/cli/index.ts'), 'export const x = ;\n')
    await expect(buildCli(root)).rejects.toThrow(/src\/main\/cli\/index\.ts:1:\d+: ERROR: Unexpected ";"/)
    expect(existsSync(join(root, 'out'))).toBe(false)
  })

  it('ships a flat build with every worker thread as its own entry', () => {
    const dir = join(PROJECT_ROOT, CLI_OUT_DIR)
    expect(readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())).toEqual([])
    for (const name of Object.keys(WORKER_SOURCES)) expect(existsSync(join(dir, `${name}.mjs`)), name).toBe(true)
  })
})

describe('the Electron main build (out/main, electron-vite)', () => {
  it('is flat and its workerUrl finds every worker entry', async () => {
    const dir = join(PROJECT_ROOT, 'out/main')
    if (!existsSync(join(dir, 'index.js'))) throw new Error('Build first: npm run build (npm test does it).')
    expect(readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())).toEqual([])
    // The chunk that holds src/main/paths.ts (it imports no electron, so plain Node can load it).
    const chunk = readdirSync(dir).find((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('function workerUrl('))
    expect(chunk).toBeDefined()
    const exported = Object.values((await import(pathToFileURL(join(dir, chunk!)).href)) as Record<string, unknown>)
    const workerUrl = exported.find((v): v is (name: string) => URL => typeof v === 'function' && v.name === 'workerUrl')!
    for (const name of Object.keys(WORKER_SOURCES)) expect(workerUrl(name).href).toBe(pathToFileURL(join(dir, `${name}.js`)).href)
    for (const name of Object.keys(WORKER_SOURCES)) expect(existsSync(join(dir, `${name}.js`)), name).toBe(true)
  })
})

