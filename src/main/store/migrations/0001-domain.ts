import type { Migration } from '../migration'

/**
 * The whole domain of DOMAIN.md as of the first release. Current-state tables are updated in the same
 * transaction as the append-only `events` row and the sync `outbox` row (see store/event-log.ts).
 * Timestamps are ISO-8601 UTC text; JSON columns hold small documents validated by the code.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'domain',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE operators (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        badge      TEXT UNIQUE,
        pin_hash   TEXT,
        role       TEXT NOT NULL DEFAULT 'operator' CHECK (role IN ('operator','supervisor','admin')),
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE suppliers (
        id   INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        gln  TEXT
      ) STRICT;

      CREATE TABLE customers (
        id   INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        gln  TEXT
      ) STRICT;

      CREATE TABLE locations (
        id        INTEGER PRIMARY KEY,
        code      TEXT NOT NULL UNIQUE,
        name      TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('site','zone','aisle','shelf','bin','dock','door')),
        parent_id INTEGER REFERENCES locations(id),
        gln       TEXT,
        active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
      ) STRICT;
      CREATE INDEX locations_parent ON locations(parent_id);

      CREATE TABLE items (
        id               INTEGER PRIMARY KEY,
        sku              TEXT NOT NULL UNIQUE,
        gtin             TEXT UNIQUE CHECK (gtin IS NULL OR (length(gtin) = 14 AND gtin NOT GLOB '*[^0-9]*')),
        description      TEXT NOT NULL,
        tracking         TEXT NOT NULL CHECK (tracking IN ('none','lot','serial','lot_serial')),
        serial_rule      TEXT CHECK (serial_rule IS NULL OR json_valid(serial_rule)),
        shelf_life_days  INTEGER,
        default_bin_id   INTEGER REFERENCES locations(id),
        putaway_zone_id  INTEGER REFERENCES locations(id),
        created_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE lots (
        id          INTEGER PRIMARY KEY,
        item_id     INTEGER NOT NULL REFERENCES items(id),
        lot         TEXT NOT NULL,
        expiry      TEXT,
        status      TEXT NOT NULL DEFAULT 'released' CHECK (status IN ('released','quarantined','recalled')),
        status_note TEXT,
        UNIQUE (item_id, lot)
      ) STRICT;

      CREATE TABLE license_plates (
        id          INTEGER PRIMARY KEY,
        code        TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('sscc','lpn')),
        parent_id   INTEGER REFERENCES license_plates(id),
        location_id INTEGER REFERENCES locations(id),
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','shipped','dissolved')),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX license_plates_parent ON license_plates(parent_id);

      CREATE TABLE inbound_orders (
        id          INTEGER PRIMARY KEY,
        number      TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('po','asn')),
        supplier_id INTEGER REFERENCES suppliers(id),
        po_number   TEXT,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','receiving','closed','cancelled')),
        expected_at TEXT,
        created_at  TEXT NOT NULL,
        closed_at   TEXT
      ) STRICT;

      CREATE TABLE inbound_lines (
        id           INTEGER PRIMARY KEY,
        order_id     INTEGER NOT NULL REFERENCES inbound_orders(id),
        line_no      INTEGER NOT NULL,
        item_id      INTEGER NOT NULL REFERENCES items(id),
        qty_expected INTEGER NOT NULL CHECK (qty_expected >= 0),
        lot          TEXT,
        UNIQUE (order_id, line_no)
      ) STRICT;

      CREATE TABLE inbound_expected_plates (
        id       INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES inbound_orders(id),
        code     TEXT NOT NULL,
        UNIQUE (order_id, code)
      ) STRICT;

      CREATE TABLE inbound_expected_units (
        id              INTEGER PRIMARY KEY,
        order_id        INTEGER NOT NULL REFERENCES inbound_orders(id),
        line_id         INTEGER NOT NULL REFERENCES inbound_lines(id),
        item_id         INTEGER NOT NULL REFERENCES items(id),
        serial          TEXT,
        lot             TEXT,
        expiry          TEXT,
        plate_id        INTEGER REFERENCES inbound_expected_plates(id),
        made_at         TEXT,
        production_line TEXT,
        shift           TEXT
      ) STRICT;
      CREATE UNIQUE INDEX inbound_expected_units_serial ON inbound_expected_units(order_id, item_id, serial) WHERE serial IS NOT NULL;
      CREATE INDEX inbound_expected_units_plate ON inbound_expected_units(plate_id);

      CREATE TABLE outbound_shipments (
        id          INTEGER PRIMARY KEY,
        number      TEXT NOT NULL UNIQUE,
        customer_id INTEGER REFERENCES customers(id),
        door_id     INTEGER REFERENCES locations(id),
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','picking','loading','shipped','cancelled')),
        created_at  TEXT NOT NULL,
        shipped_at  TEXT
      ) STRICT;

      CREATE TABLE outbound_lines (
        id          INTEGER PRIMARY KEY,
        shipment_id INTEGER NOT NULL REFERENCES outbound_shipments(id),
        line_no     INTEGER NOT NULL,
        item_id     INTEGER NOT NULL REFERENCES items(id),
        qty         INTEGER NOT NULL CHECK (qty >= 0),
        UNIQUE (shipment_id, line_no)
      ) STRICT;

      CREATE TABLE outbound_expected_units (
        id          INTEGER PRIMARY KEY,
        shipment_id INTEGER NOT NULL REFERENCES outbound_shipments(id),
        line_id     INTEGER REFERENCES outbound_lines(id),
        item_id     INTEGER NOT NULL REFERENCES items(id),
        serial      TEXT NOT NULL,
        UNIQUE (shipment_id, item_id, serial)
      ) STRICT;

      CREATE TABLE units (
        id               INTEGER PRIMARY KEY,
        item_id          INTEGER NOT NULL REFERENCES items(id),
        serial           TEXT NOT NULL,
        lot              TEXT,
        expiry           TEXT,
        made_at          TEXT,
        production_line  TEXT,
        shift            TEXT,
        supplier_id      INTEGER REFERENCES suppliers(id),
        inbound_order_id INTEGER REFERENCES inbound_orders(id),
        condition        TEXT NOT NULL DEFAULT 'new' CHECK (condition IN ('new','A','B','C','damaged','defective')),
        status           TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('expected','received','stored','picked','shipped','returned','quarantined','scrapped','consumed')),
        location_id      INTEGER REFERENCES locations(id),
        plate_id         INTEGER REFERENCES license_plates(id),
        customer_id      INTEGER REFERENCES customers(id),
        received_at      TEXT,
        updated_at       TEXT NOT NULL,
        UNIQUE (item_id, serial)
      ) STRICT;
      CREATE INDEX units_serial ON units(serial);
      CREATE INDEX units_plate ON units(plate_id) WHERE plate_id IS NOT NULL;
      CREATE INDEX units_lot ON units(item_id, lot) WHERE lot IS NOT NULL;
      CREATE INDEX units_order ON units(inbound_order_id);

      -- The audit trail, the unit history, the EPCIS source and what is pushed upstream. Never updated.
      CREATE TABLE events (
        id          INTEGER PRIMARY KEY,
        uuid        TEXT NOT NULL UNIQUE,
        type        TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        station_id  TEXT NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        unit_id     INTEGER REFERENCES units(id),
        plate_id    INTEGER REFERENCES license_plates(id),
        order_id    INTEGER REFERENCES inbound_orders(id),
        location_id INTEGER REFERENCES locations(id),
        reason      TEXT,
        payload     TEXT NOT NULL CHECK (json_valid(payload))
      ) STRICT;
      CREATE INDEX events_unit ON events(unit_id) WHERE unit_id IS NOT NULL;
      CREATE INDEX events_plate ON events(plate_id) WHERE plate_id IS NOT NULL;
      CREATE INDEX events_order ON events(order_id) WHERE order_id IS NOT NULL;
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

      CREATE TABLE outbox (
        id         INTEGER PRIMARY KEY,
        event_id   INTEGER NOT NULL UNIQUE REFERENCES events(id),
        created_at TEXT NOT NULL,
        sent_at    TEXT,
        attempts   INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox(id) WHERE sent_at IS NULL;

      CREATE TABLE scan_journal (
        id         INTEGER PRIMARY KEY,
        scanned_at TEXT NOT NULL,
        device_id  TEXT NOT NULL,
        raw        BLOB NOT NULL,
        text       TEXT,
        symbology  TEXT,
        outcome    TEXT NOT NULL CHECK (outcome IN ('accepted','rejected','warning','ignored')),
        message    TEXT,
        event_id   INTEGER REFERENCES events(id)
      ) STRICT;

      CREATE TABLE sequences (
        name     TEXT PRIMARY KEY,
        next     INTEGER NOT NULL,
        last     INTEGER NOT NULL,
        CHECK (next <= last + 1)
      ) STRICT;
    `)
  }
}
