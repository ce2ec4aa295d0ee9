import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import WebSocket from 'ws'
import { WS_PROTOCOL } from '../../src/shared/ws-protocol'
import { checkAfterKill, type SoakCycle } from './soak'
import { startServer, uploadToServer, type RunningServer } from './station-server'
import { until } from './wait'

type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } }

/** A WebSocket client whose calls fail (instead of hanging) once the station is gone. */
async function connect(server: RunningServer) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, [WS_PROTOCOL, `token.${server.token}`], { origin: server.origin })
  const pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>()
  let nextId = 1
  let closed = false
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { id?: number; result?: Result }
    if (typeof msg.id === 'number' && msg.result) {
      pending.get(msg.id)?.resolve(msg.result)
      pending.delete(msg.id)
    }
  })
  const fail = () => {
    closed = true
    for (const p of pending.values()) p.reject(new Error('the station went away'))
    pending.clear()
  }
  ws.on('close', fail)
  ws.on('error', fail)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    call: (method: string, input: unknown) =>
      new Promise<Result>((resolve, reject) => {
        if (closed) return reject(new Error('the station went away'))
        const id = nextId++
        pending.set(id, { resolve, reject })
        ws.send(JSON.stringify({ id, method, input }))
      }),
    close: () => ws.terminate()
  }
}

/**
 * One kill -9 cycle of the station as deployed: the real `dockside serve` child is started on the data
 * folder, driven over its WebSocket API with the launch token (bursts of scans, then an items import
 * uploaded and run in its import worker), SIGKILLed once `ackTarget` scans were acknowledged (plus
 * `extraMs`), and the database is checked as in the in-process soak.
 */
const SOAK_ADMIN = { name: 'Soak Administrator', pin: '24682468' }

/**
 * Every state-changing call needs a signed-in operator (ADR 0015): the first cycle runs the station's
 * first-run setup (its administrator); later cycles sign that administrator in again.
 */
async function signInSoakAdministrator(client: { call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> }): Promise<void> {
  const made = await client.call('setup.createAdministrator', SOAK_ADMIN)
  if (made.ok) return
  const list = await client.call('operators.list', {})
  const admin = ((list.value ?? []) as Array<{ id: number; name: string }>).find((o) => o.name === SOAK_ADMIN.name)
  if (!admin) throw new Error(`no soak administrator to sign in: ${JSON.stringify(made.error)}`)
  const signed = await client.call('session.signIn', { operatorId: admin.id, pin: SOAK_ADMIN.pin })
  if (!signed.ok) throw new Error(`the soak administrator could not sign in: ${JSON.stringify(signed.error)}`)
}

export async function soakServeCycle(dataDir: string, cycle: number, ackTarget: number, extraMs: number): Promise<SoakCycle & { startMs: number }> {
  const t0 = performance.now()
  // A restart on a busy machine from source can take long: the bound is generous (it is not what is measured).
  // Not --demo: a SIGKILLed demo station leaves its simulated RFID reader's socat behind (one per cycle).
  const server = await startServer({ dataDir, demo: false, startTimeoutMs: 180_000 })
  const startMs = performance.now() - t0
  const acks: Array<{ id: number; text: string }> = []
  const imports: Array<{ prefix: string; rows: number }> = []
  let stopped = false
  const client = await connect(server)
  await signInSoakAdministrator(client)
  const drive = (async () => {
    for (let burst = 0; !stopped; burst++) {
      for (let i = 0; i < 25 && !stopped; i++) {
        const text = `SOAK-${cycle}-${burst}-${i}`
        const r = await client.call('scans.submit', { text, source: 'test' })
        const journalId = (r.value as { journalId?: number } | undefined)?.journalId ?? 0
        if (r.ok && journalId > 0) acks.push({ id: journalId, text })
      }
      const prefix = `SK${cycle}X${burst}X`
      const rows = 200
      const file = join(dataDir, `soak-serve-${cycle}-${burst}.csv`)
      writeFileSync(file, `kind,items\nsku,description,tracking\n${Array.from({ length: rows }, (_, j) => `${prefix}${j},Soak ${j},none`).join('\n')}\n`)
      const upload = await uploadToServer(server, file, `soak-${burst}.csv`)
      const r = await client.call('imports.run', { upload })
      if (r.ok && (r.value as { applied?: boolean }).applied) imports.push({ prefix, rows })
    }
  })().catch(() => undefined)
  try {
    await until(
      () => {
        if (server.process.exitCode !== null) throw new Error(`dockside serve exited ${server.process.exitCode}: ${server.output().slice(-2000)}`)
        return acks.length >= ackTarget
      },
      { timeoutMs: 120_000, what: `cycle ${cycle}: ${ackTarget} scans acknowledged over the WebSocket` }
    )
    await new Promise((r) => setTimeout(r, extraMs))
  } finally {
    stopped = true
    await server.stop('SIGKILL')
    client.close()
    await drive
  }
  return { ...checkAfterKill(dataDir, cycle, acks, imports), startMs }
}
