import type { Migration } from '../migration'

/**
 * Outbound shipments for the loading-door gate (ADR 0013): the ship-to address, expected plates (a
 * pallet SSCC expected whole), the reason a load was confirmed short, and the door it left through.
 * `outbound_shipments`, `outbound_lines` and `outbound_expected_units` exist since 0001.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'shipments',
  up: (db) => {
    db.exec(`
      ALTER TABLE outbound_shipments ADD COLUMN ship_to TEXT;
      ALTER TABLE outbound_shipments ADD COLUMN partial_reason TEXT;
      ALTER TABLE outbound_shipments ADD COLUMN loaded_units INTEGER;
      CREATE TABLE outbound_expected_plates (
        id          INTEGER PRIMARY KEY,
        shipment_id INTEGER NOT NULL REFERENCES outbound_shipments(id),
        code        TEXT NOT NULL,
        UNIQUE (shipment_id, code)
      ) STRICT;
      CREATE INDEX outbound_expected_units_shipment ON outbound_expected_units(shipment_id);
      CREATE INDEX outbound_lines_shipment ON outbound_lines(shipment_id);
    `)
  }
}
