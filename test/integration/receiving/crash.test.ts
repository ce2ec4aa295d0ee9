import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { until } from '../../helpers/wait'
import { openRig } from './rig'

it('kill -9 in the middle of receiving: after reopening every acknowledged scan is there, none twice', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-rcv-crash-'))
  const setup = openRig({ dataDir })
  const po = Number(setup.db.prepare("INSERT INTO inbound_orders (number, kind, created_at) VALUES ('PO-CRASH', 'po', 'now')").run().lastInsertRowid)
  setup.db.prepare("INSERT INTO inbound_lines (order_id, line_no, item_id, qty_expected) VALUES (?, 1, (SELECT id FROM items WHERE sku = 'MON-27-BLK'), 1000000)").run(po)
  setup.close()

  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (b: Buffer) => (out += b.toString()))
  child.stderr.on('data', (b: Buffer) => (err += b.toString()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  await until(
    () => {
      if (child.exitCode !== null) throw new Error(`the child exited: ${out.slice(-500)} ${err.slice(-2000)}`)
      return (out.match(/^ack /gm)?.length ?? 0) >= 300
    },
    { timeoutMs: 40_000, what: 'the child acknowledging 300 scans' }
  )
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
  const acked = [...out.matchAll(/^ack (\S+)$/gm)].map((m) => m[1]!)
  expect(out).not.toMatch(/refused/)

  const rig = openRig({ dataDir, demo: false })
  try {
    const units = rig.db.prepare("SELECT serial, status FROM units WHERE inbound_order_id = ? ORDER BY id").all(po) as Array<{ serial: string; status: string }>
    const events = rig.db.prepare("SELECT json_extract(payload, '$.serial') AS serial FROM events WHERE type = 'unit.received' AND order_id = ? ORDER BY id").all(po) as Array<{ serial: string }>
    const receipts = rig.count("SELECT count(*) AS n FROM receipts WHERE order_id = ? AND status = 'active'", po)
    const stored = new Set(units.map((u) => u.serial))
    for (const s of acked) expect(stored.has(s), s).toBe(true)
    // none twice: one unit, one event and one receipt per serial; at most the one scan in flight beyond the last ack
    expect(new Set(events.map((e) => e.serial)).size).toBe(events.length)
    expect(units).toHaveLength(events.length)
    expect(receipts).toBe(units.length)
    expect(units.length - acked.length).toBeGreaterThanOrEqual(0)
    expect(units.length - acked.length).toBeLessThanOrEqual(1)
    expect(units.every((u) => u.status === 'received')).toBe(true)
    expect(rig.count('SELECT count(*) AS n FROM outbox o JOIN events e ON e.id = o.event_id WHERE e.order_id = ?', po)).toBe(events.length + 1) // + order.receiving_started
    // The station carries on where the child stopped.
    rig.svc.open('PO-CRASH')
    expect(rig.svc.state().lines[0]!.received).toBe(units.length)
    expect(rig.db.pragma('integrity_check', { simple: true })).toBe('ok')
  } finally {
    rig.close()
  }
}, 90_000)
