import { randomUUID } from 'node:crypto'
import type { SyncEvent } from '../../src/shared/sync-protocol'

/** Builds native station events for the sync protocol tests and the upstream bench. */
export function syncEvent(stationId: string, type: string, extra: Partial<SyncEvent> = {}): SyncEvent {
  return { uuid: randomUUID(), type, occurredAt: new Date().toISOString(), stationId, payload: {}, ...extra }
}

export function receivedUnits(stationId: string, gtin: string, serials: string[], at = Date.now()): SyncEvent[] {
  return serials.map((serial, i) =>
    syncEvent(stationId, 'unit.received', {
      occurredAt: new Date(at + i).toISOString(),
      unit: { gtin, serial },
      order: { number: 'PO-1001' },
      location: { code: 'DOCK-1' },
      payload: { order: 'PO-1001', serial }
    })
  )
}

export async function push(url: string, token: string, events: SyncEvent[] | unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/v1/sync/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(Array.isArray(events) ? { events } : events)
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

export async function changes(url: string, token: string, cursor = '0', limit = 5000) {
  const res = await fetch(`${url}/v1/sync/changes?cursor=${cursor}&limit=${limit}`, { headers: { authorization: `Bearer ${token}` } })
  if (res.status !== 200) throw new Error(`changes: ${res.status} ${await res.text()}`)
  return (await res.json()) as { changes: { seq: string; kind: string; key: string; body: Record<string, unknown> }[]; cursor: string; more: boolean }
}
