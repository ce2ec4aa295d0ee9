import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../helpers/store'

const SOURCE = fileURLToPath(new URL('./lock-race-child.ts', import.meta.url))
const STARTERS = 40
// The child is bundled once to plain JS: 40 TypeScript loaders starting at once would take minutes on
// a busy 2-core machine; plain Node starts in ~50 ms, so the starters really do race.
let CHILD = ''
beforeAll(() => {
  CHILD = join(makeTempDir('dockside-lock-race-'), 'child.mjs')
  buildSync({ entryPoints: [SOURCE], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: CHILD, logLevel: 'silent' })
})

interface Starter {
  answer: Promise<string>
  child: ChildProcess
}

function starter(dir: string, startAt: number): Starter {
  const child = spawn(process.execPath, [CHILD, dir, String(startAt)], { stdio: ['pipe', 'pipe', 'pipe'] })
  const answer = new Promise<string>((resolve) => {
    let out = ''
    const onData = (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) resolve(out.trim())
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('close', (code, signal) => resolve(out.trim() || `EXITED ${code} ${signal}`))
  })
  return { answer, child }
}

async function race(dir: string): Promise<string[]> {
  // Every child waits for this moment, far enough ahead for 40 Node start-ups on 2 busy cores; the
  // winner holds the lock until every starter has answered, so a slow starter still races it.
  const startAt = Date.now() + 8_000
  const starters = Array.from({ length: STARTERS }, () => starter(dir, startAt))
  const answers = await Promise.all(starters.map((s) => s.answer))
  await Promise.all(
    starters.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null) return resolve()
          s.child.once('exit', () => resolve())
          s.child.stdin!.end()
        })
    )
  )
  return answers
}

describe('the data-dir lock is taken atomically (issue 11, finding 5)', () => {
  it(`of ${STARTERS} simultaneous starters on an empty folder exactly one wins`, async () => {
    const results = await race(makeTempDir())
    expect(results.filter((r) => r === 'WON')).toHaveLength(1)
    expect(results.filter((r) => !r.startsWith('LOST store.locked') && r !== 'WON')).toEqual([])
    expect(results.filter((r) => r.startsWith('LOST store.locked'))).toHaveLength(STARTERS - 1)
  }, 120_000)

  it(`of ${STARTERS} simultaneous starters on a folder with a dead station's lock exactly one wins`, async () => {
    const dir = makeTempDir()
    writeFileSync(join(dir, 'station.lock'), JSON.stringify({ pid: 2 ** 22 + 4321, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }))
    const results = await race(dir)
    expect(results.filter((r) => r === 'WON')).toHaveLength(1)
  }, 120_000)

  it('an empty or half-written lock file is not taken over while it is fresh', async () => {
    const dir = makeTempDir()
    writeFileSync(join(dir, 'station.lock'), '')
    const { lockDataDir } = await import('../../../src/main/store/data-dir-lock')
    expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ code: 'store.locked' }))
    writeFileSync(join(dir, 'station.lock'), '{"pid":')
    expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ code: 'store.locked' }))
  })
})
