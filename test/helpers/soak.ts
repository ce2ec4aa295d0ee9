import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DATABASE_FILE } from '../../src/main/store/db'
import { PROJECT_ROOT } from './station-server'
import { until } from './wait'

export interface SoakCycle {
  acked: number
  lost: string[]
  importsAcked: number
  partialImports: string[]
  integrity: string
}

/**
 * One kill -9 cycle: a station child scans and imports until it has acknowledged `ackTarget` scans
 * (plus a random extra few ms), is killed with SIGKILL, and the database is checked: every
 * acknowledged scan is in the journal, every import is all-or-nothing, `integrity_check` is ok.
 */
export async function soakCycle(dataDir: string, cycle: number, ackTarget: number, extraMs: number): Promise<SoakCycle> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test/helpers/soak-child.ts'), dataDir, String(cycle)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (b: Buffer) => (out += b.toString()))
  child.stderr.on('data', (b: Buffer) => (err += b.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  try {
    await until(
      () => {
        if (child.exitCode !== null) throw new Error(`the soak child exited ${child.exitCode}: ${err.slice(-2000)}`)
        return (out.match(/^ack /gm)?.length ?? 0) >= ackTarget
      },
      { timeoutMs: 120_000, what: `cycle ${cycle}: ${ackTarget} acknowledged scans` }
    )
    await new Promise((r) => setTimeout(r, extraMs))
  } finally {
    child.kill('SIGKILL')
    await exited
  }
  const acks = [...out.matchAll(/^ack (\d+) (\S+)$/gm)].map((m) => ({ id: Number(m[1]), text: m[2]! }))
  const imports = [...out.matchAll(/^import (\S+) (\d+)$/gm)].map((m) => ({ prefix: m[1]!, rows: Number(m[2]) }))
  return checkAfterKill(dataDir, cycle, acks, imports)
}

/**
 * After a kill: every acknowledged scan is in the journal with its text, every import (acknowledged
 * or in flight, SKUs `SK<cycle>X<burst>X<n>`, 200 rows each) is whole or absent, integrity_check ok.
 */
export function checkAfterKill(dataDir: string, cycle: number, acks: Array<{ id: number; text: string }>, imports: Array<{ prefix: string; rows: number }>): SoakCycle {
  const db = new Database(join(dataDir, DATABASE_FILE))
  try {
    const byId = db.prepare<[number], { text: string | null }>('SELECT text FROM scan_journal WHERE id = ?')
    const lost = acks.filter((a) => byId.get(a.id)?.text !== a.text).map((a) => a.text)
    const count = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM items WHERE sku LIKE ? || '%'")
    const partialImports: string[] = []
    for (const im of imports) if (count.get(im.prefix)!.n !== im.rows) partialImports.push(im.prefix)
    // Imports not acknowledged (in flight at the kill) must be all or nothing too.
    const perPrefix = new Map<string, number>()
    for (const sku of db.prepare<[string], string>('SELECT sku FROM items WHERE sku LIKE ?').pluck().all(`SK${cycle}X%`)) {
      const p = /^SK\d+X\d+X/.exec(sku)?.[0] ?? sku
      perPrefix.set(p, (perPrefix.get(p) ?? 0) + 1)
    }
    for (const [p, n] of perPrefix) if (n !== 200 && !partialImports.includes(p)) partialImports.push(p)
    const integrity = String(db.pragma('integrity_check', { simple: true }))
    return { acked: acks.length, lost, importsAcked: imports.length, partialImports, integrity }
  } finally {
    db.close()
  }
}
