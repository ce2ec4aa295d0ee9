import WebSocket from 'ws'
import type { RunningServer } from './station-server'

/** A Node WebSocket client of a started `dockside serve` that records every pushed event. */
export async function connectEvents(server: Pick<RunningServer, 'port' | 'token' | 'origin'>) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, ['dockside.v1', `token.${server.token}`], { origin: server.origin })
  const events: { event: string; payload: unknown; at: number }[] = []
  const listeners = new Set<(e: { event: string; payload: unknown; at: number }) => void>()
  const pending = new Map<number, (r: unknown) => void>()
  let nextId = 1
  ws.on('message', (data) => {
    const at = performance.now()
    const msg = JSON.parse(data.toString()) as { event?: string; payload?: unknown; id?: number; result?: unknown }
    if (msg.event) {
      const e = { event: msg.event, payload: msg.payload, at }
      events.push(e)
      listeners.forEach((l) => l(e))
    } else if (typeof msg.id === 'number') {
      pending.get(msg.id)?.(msg.result)
      pending.delete(msg.id)
    }
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    events,
    of: <T>(name: string) => events.filter((e) => e.event === name).map((e) => e.payload as T),
    onEvent: (l: (e: { event: string; payload: unknown; at: number }) => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    call: (method: string, input: unknown) =>
      new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((resolve) => {
        const id = nextId++
        pending.set(id, resolve as (r: unknown) => void)
        ws.send(JSON.stringify({ id, method, input }))
      }),
    close: () => ws.close()
  }
}
