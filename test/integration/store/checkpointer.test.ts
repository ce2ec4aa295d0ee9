import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startCheckpointer } from '../../../src/main/store/checkpointer'
import { makeTempDir } from '../../helpers/store'

describe('background WAL checkpointer', () => {
  it('moves committed pages from the WAL into the database file without the writer checkpointing', async () => {
    const file = join(makeTempDir(), 'wal.sqlite')
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0') // the writer never checkpoints by itself
    db.exec('CREATE TABLE t (x TEXT)')
    const insert = db.prepare('INSERT INTO t VALUES (?)')
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(1000))
    const before = statSync(file).size
    const errors: string[] = []
    const checkpointer = startCheckpointer({ file, intervalMs: 50, onError: (m) => errors.push(m) })
    const deadline = Date.now() + 5000
    while (statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    await checkpointer.stop()
    expect(statSync(file).size).toBeGreaterThan(before + 400_000)
    expect(errors).toEqual([])
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(500)
    db.close()
  })
})
