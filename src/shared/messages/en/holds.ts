/** Releasing held units (ADR 0019). */
export const holdsEn = {
  'holds.released': '{serial} ({sku}) released from hold into good stock at {location}, approved by {approver}.',
  'holds.not_held': '{serial} is not on hold ({status}): nothing to release.',
  'holds.unknown_unit': 'No unit {code} in the system.',
  'holds.ambiguous': 'Serial {serial} belongs to several items: look it up by its full barcode.',
  'holds.lot_recalled': '{serial} ({sku}) belongs to recalled lot {lot}: only the supplier can lift a recall (a lot import marks it released); the station cannot release it.',
  'holds.lot_quarantined': '{serial} ({sku}) is held because lot {lot} is quarantined in the master data: the lot’s release comes with a lot import, not from this station.',
  'holds.expired': '{serial} ({sku}) expired on {expiry:date}: expired goods stay on hold (return or scrap them); a supervisor cannot release them.'
} as const
