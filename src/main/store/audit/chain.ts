import { createHash } from 'node:crypto'

/** The columns of an event row that its hash covers, in this order. */
export const CHAINED_COLUMNS = 'id, uuid, type, occurred_at, station_id, operator_id, unit_id, plate_id, order_id, location_id, reason, payload, prev_hash'

export interface ChainedRow {
  id: number
  uuid: string
  type: string
  occurred_at: string
  station_id: string
  operator_id: number | null
  unit_id: number | null
  plate_id: number | null
  order_id: number | null
  location_id: number | null
  reason: string | null
  payload: string
  prev_hash: string | null
}

/** The chain starts from this value: the first event's `prev_hash`. */
export const GENESIS_HASH = '0'.repeat(64)

/**
 * The hash of one event row (ADR 0015): SHA-256 over its columns, its own id and the previous row's
 * hash, so altering, removing or reordering any row breaks the link of the row after it.
 */
export function eventHash(row: ChainedRow): string {
  const fields = [
    row.id,
    row.uuid,
    row.type,
    row.occurred_at,
    row.station_id,
    row.operator_id ?? '',
    row.unit_id ?? '',
    row.plate_id ?? '',
    row.order_id ?? '',
    row.location_id ?? '',
    row.reason ?? '\u0000',
    row.payload,
    row.prev_hash ?? ''
  ]
  return createHash('sha256').update(fields.join('\u001f')).digest('hex')
}
