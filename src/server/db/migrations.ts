/**
 * The upstream's schema, one numbered migration per entry; each runs in its own transaction.
 * Never edit a released migration: add the next number.
 */
export interface ServerMigration {
  version: number
  name: string
  sql: string
}

const m0001 = `
CREATE TABLE stations (
  id         bigserial PRIMARY KEY,
  name       text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the sha-256 of a token is kept; the token itself is shown once, at creation or rotation.
CREATE TABLE station_tokens (
  id          bigserial PRIMARY KEY,
  station_id  bigint NOT NULL REFERENCES stations(id),
  token_hash  bytea NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX station_tokens_station ON station_tokens(station_id);

-- EPCIS 2.0 events, from POST /capture or mapped from station events. The document is kept as sent.
CREATE TABLE epcis_events (
  seq          bigserial PRIMARY KEY,
  event_id     text NOT NULL UNIQUE,
  event_type   text NOT NULL,
  event_time   timestamptz NOT NULL,
  record_time  timestamptz NOT NULL DEFAULT now(),
  action       text,
  biz_step     text,
  disposition  text,
  read_point   text,
  biz_location text,
  epcs         text[] NOT NULL DEFAULT '{}',
  any_epcs     text[] NOT NULL DEFAULT '{}',
  document     jsonb NOT NULL,
  capture_id   uuid,
  station_id   bigint REFERENCES stations(id)
);
CREATE INDEX epcis_events_time ON epcis_events(event_time);
CREATE INDEX epcis_events_biz_step ON epcis_events(biz_step);
CREATE INDEX epcis_events_biz_location ON epcis_events(biz_location);
CREATE INDEX epcis_events_epcs ON epcis_events USING gin(epcs);
CREATE INDEX epcis_events_any_epcs ON epcis_events USING gin(any_epcs);

CREATE TABLE capture_jobs (
  id                      uuid PRIMARY KEY,
  station_id              bigint NOT NULL REFERENCES stations(id),
  created_at              timestamptz NOT NULL,
  finished_at             timestamptz,
  running                 boolean NOT NULL,
  success                 boolean NOT NULL,
  capture_error_behaviour text NOT NULL,
  event_count             integer NOT NULL,
  stored_count            integer NOT NULL,
  errors                  jsonb NOT NULL DEFAULT '[]'
);

-- Native station events pushed by the sync engine, exactly once by uuid.
CREATE TABLE station_events (
  seq           bigserial PRIMARY KEY,
  uuid          uuid NOT NULL UNIQUE,
  type          text NOT NULL,
  occurred_at   timestamptz NOT NULL,
  station_id    bigint NOT NULL REFERENCES stations(id),
  gtin          text,
  serial        text,
  plate_code    text,
  order_number  text,
  location_code text,
  payload       jsonb NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_events_unit ON station_events(gtin, serial) WHERE serial IS NOT NULL;

-- The unit registry: where every unit is, across sites (last event by occurred_at wins).
CREATE TABLE units (
  gtin            text NOT NULL,
  serial          text NOT NULL,
  status          text NOT NULL,
  condition       text,
  location_code   text,
  plate_code      text,
  station_id      bigint NOT NULL REFERENCES stations(id),
  last_event_uuid uuid NOT NULL,
  last_event_at   timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (gtin, serial)
);

-- The same GTIN + serial received (unit.received) at two stations is a conflict, found through
-- station_events_unit; one row per unit, with every station that received it.
CREATE TABLE conflicts (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('duplicate_receipt')),
  gtin        text NOT NULL,
  serial      text NOT NULL,
  station_ids bigint[] NOT NULL,
  event_uuids uuid[] NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  UNIQUE (kind, gtin, serial)
);

-- Master data kept upstream and followed by every station.
CREATE TABLE master_data (
  kind       text NOT NULL CHECK (kind IN ('item','supplier','location','operator')),
  key        text NOT NULL,
  body       jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, key)
);

-- What stations pull. A reader sees only rows of transactions older than every transaction still
-- running (xid < the snapshot's xmin), in (xid, seq) order, and its cursor is the last xid it read
-- whole: a change that commits late can never land behind a cursor, and writers take no global lock.
CREATE TABLE changes (
  seq        bigserial PRIMARY KEY,
  xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
  kind       text NOT NULL CHECK (kind IN ('unit','conflict','master')),
  key        text NOT NULL,
  body       jsonb NOT NULL,
  audience   bigint[],
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_xid ON changes(xid, seq);
`

// Sites and token roles (ADR 0011): a station belongs to one site and reads only its site's changes and
// global ones; an admin token loads master data and reads everything. Master data grows the kinds a
// head office sends down (inbound orders, outbound shipments, recalls), each global or for one site.
const m0002 = `
ALTER TABLE stations ADD COLUMN site text NOT NULL DEFAULT 'default' CHECK (length(site) BETWEEN 1 AND 100);
CREATE INDEX stations_site ON stations(site);
ALTER TABLE station_tokens ADD COLUMN role text NOT NULL DEFAULT 'station' CHECK (role IN ('station','admin'));

ALTER TABLE master_data DROP CONSTRAINT master_data_kind_check;
ALTER TABLE master_data ADD CONSTRAINT master_data_kind_check
  CHECK (kind IN ('item','supplier','location','operator','order','shipment','recall'));
-- NULL: global (every site); otherwise only that site's stations pull it.
ALTER TABLE master_data ADD COLUMN site text;

-- NULL: every site may read the change; otherwise only stations of that site (and admins).
ALTER TABLE changes ADD COLUMN site text;
`

export const serverMigrations: readonly ServerMigration[] = [
  { version: 1, name: 'upstream', sql: m0001 },
  { version: 2, name: 'sites-roles-master-kinds', sql: m0002 }
]
