import type { Migration } from '../migration'

/**
 * Receiving, put-away and look-up (ADR 0008).
 * - `receipts`: one row per thing a receiving scan (or exception) added to an order — a unit, a
 *   quantity of a non-serialised item, or an exception. Rows of one scan share `scan_id` (a pallet by
 *   its SSCC is one scan with many units), so "undo the operator's last scan" is one query, and the
 *   live counts per line are kept in `line_counts` by triggers. Undo flips `status` to `undone`
 *   (with the compensating event); nothing is deleted.
 * - `inbound_expected_plates.parent_id`: expected pallets → cases nesting from the ASN.
 * - Look-up indices: units by location (bin contents), events by location (bin history).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'receiving',
  up: (db) => {
    db.exec(`
      CREATE TABLE receipts (
        id             INTEGER PRIMARY KEY,
        scan_id        INTEGER NOT NULL,
        order_id       INTEGER NOT NULL REFERENCES inbound_orders(id),
        line_id        INTEGER REFERENCES inbound_lines(id),
        item_id        INTEGER REFERENCES items(id),
        unit_id        INTEGER REFERENCES units(id),
        plate_id       INTEGER REFERENCES license_plates(id),
        kind           TEXT NOT NULL CHECK (kind IN ('unit','quantity','exception')),
        reason         TEXT CHECK (reason IS NULL OR reason IN ('damaged','wrong_item','unexpected_serial','no_label')),
        qty            INTEGER NOT NULL DEFAULT 1 CHECK (qty > 0),
        lot            TEXT,
        code           TEXT,
        note           TEXT,
        prev_condition TEXT,
        over           INTEGER NOT NULL DEFAULT 0 CHECK (over IN (0,1)),
        operator_id    INTEGER REFERENCES operators(id),
        created_at     TEXT NOT NULL,
        status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','undone')),
        undone_at      TEXT,
        CHECK (kind = 'exception' OR reason IS NULL),
        CHECK (kind <> 'exception' OR reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX receipts_plate ON receipts(plate_id) WHERE plate_id IS NOT NULL;
      CREATE INDEX receipts_scan ON receipts(scan_id);
      CREATE INDEX receipts_operator ON receipts(order_id, operator_id, scan_id);
      CREATE INDEX receipts_unit ON receipts(unit_id) WHERE unit_id IS NOT NULL;
      CREATE INDEX receipts_exceptions ON receipts(order_id, reason, qty) WHERE kind = 'exception' AND status = 'active';

      -- Live counts per line, kept by triggers in the receipt's own transaction, so a scan's checks
      -- and the receiving screen read one row per line instead of summing thousands of receipts.
      CREATE TABLE line_counts (
        line_id  INTEGER PRIMARY KEY REFERENCES inbound_lines(id),
        received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
        damaged  INTEGER NOT NULL DEFAULT 0 CHECK (damaged >= 0),
        no_label INTEGER NOT NULL DEFAULT 0 CHECK (no_label >= 0)
      ) STRICT;
      CREATE TRIGGER receipts_count_insert AFTER INSERT ON receipts WHEN NEW.line_id IS NOT NULL AND NEW.status = 'active'
      BEGIN
        INSERT OR IGNORE INTO line_counts (line_id) VALUES (NEW.line_id);
        UPDATE line_counts SET
          received = received + (CASE WHEN NEW.kind IN ('unit','quantity') THEN NEW.qty ELSE 0 END),
          damaged  = damaged  + (CASE WHEN NEW.reason = 'damaged' THEN NEW.qty ELSE 0 END),
          no_label = no_label + (CASE WHEN NEW.reason = 'no_label' THEN NEW.qty ELSE 0 END)
        WHERE line_id = NEW.line_id;
      END;
      CREATE TRIGGER receipts_count_undo AFTER UPDATE OF status ON receipts WHEN NEW.line_id IS NOT NULL AND OLD.status = 'active' AND NEW.status = 'undone'
      BEGIN
        UPDATE line_counts SET
          received = received - (CASE WHEN OLD.kind IN ('unit','quantity') THEN OLD.qty ELSE 0 END),
          damaged  = damaged  - (CASE WHEN OLD.reason = 'damaged' THEN OLD.qty ELSE 0 END),
          no_label = no_label - (CASE WHEN OLD.reason = 'no_label' THEN OLD.qty ELSE 0 END)
        WHERE line_id = OLD.line_id;
      END;
      CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
        BEGIN SELECT RAISE(ABORT, 'receipts are never deleted: undo marks them undone'); END;

      ALTER TABLE inbound_expected_plates ADD COLUMN parent_id INTEGER REFERENCES inbound_expected_plates(id);
      CREATE INDEX inbound_expected_plates_parent ON inbound_expected_plates(parent_id) WHERE parent_id IS NOT NULL;
      CREATE INDEX inbound_expected_units_line ON inbound_expected_units(line_id);
      CREATE INDEX inbound_expected_units_serial_any ON inbound_expected_units(serial, order_id) WHERE serial IS NOT NULL;

      CREATE INDEX units_location ON units(location_id) WHERE location_id IS NOT NULL;
      CREATE INDEX events_location ON events(location_id) WHERE location_id IS NOT NULL;
      CREATE INDEX license_plates_location ON license_plates(location_id) WHERE location_id IS NOT NULL;
      CREATE INDEX inbound_orders_status ON inbound_orders(status, id);
    `)
  }
}
