import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../helpers/store'

const CHILD = fileURLToPath(new URL('./lock-race-child.ts', import.meta.url))
const STARTERS = 40

function starter(dir: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('exit', () => resolve(out.trim()))
  })
}

async function race(dir: string): Promise<string[]> {
  // Every child spins until this moment, far enough ahead for 40 Node start-ups on 2 busy cores.
  const startAt = Date.now() + 25_000
  return Promise.all(Array.from({ length: STARTERS }, () => starter(dir, startAt)))
}

describe('the data-dir lock is taken atomically (issue 11, finding 5)', () => {
  it(`of ${STARTERS} simultaneous starters on an empty folder exactly one wins`, async () => {
    const results = await race(makeTempDir())
    expect(results.filter((r) => r === 'WON')).toHaveLength(1)
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
