import type { Migration } from '../migration'

/**
 * Printers and the print queue (ADR 0006). A job moves queued → sending → sent → confirmed, or ends
 * `uncertain` (bytes may have reached the printer but it never confirmed: an operator decides),
 * `failed` (an operator said an uncertain job did not print) or `cancelled` (never sent). An original
 * label is printed at most once: a partial unique index on its `label_key`; more copies are `reprint`
 * jobs, each with a reason and an event.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'print-queue',
  up: (db) => {
    db.exec(`
      CREATE TABLE printers (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        uri        TEXT NOT NULL,
        dpi        INTEGER NOT NULL DEFAULT 203 CHECK (dpi IN (203, 300, 600)),
        simulated  INTEGER NOT NULL DEFAULT 0 CHECK (simulated IN (0,1)),
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE print_batches (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        total       INTEGER NOT NULL CHECK (total >= 0),
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
        operator_id INTEGER REFERENCES operators(id),
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE print_jobs (
        id          INTEGER PRIMARY KEY,
        uuid        TEXT NOT NULL UNIQUE,
        printer_id  TEXT NOT NULL REFERENCES printers(id),
        template    TEXT NOT NULL,
        data        TEXT NOT NULL CHECK (json_valid(data)),
        label_key   TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('original','reprint')),
        reprint_of  INTEGER REFERENCES print_jobs(id),
        reason      TEXT,
        batch_id    INTEGER REFERENCES print_batches(id),
        status      TEXT NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued','sending','sent','confirmed','uncertain','failed','cancelled')),
        held_reason TEXT,
        last_error  TEXT,
        attempts    INTEGER NOT NULL DEFAULT 0,
        unit_id     INTEGER REFERENCES units(id),
        plate_id    INTEGER REFERENCES license_plates(id),
        operator_id INTEGER REFERENCES operators(id),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        sent_at     TEXT,
        finished_at TEXT,
        CHECK (kind = 'original' OR (reprint_of IS NOT NULL AND reason IS NOT NULL AND length(trim(reason)) > 0))
      ) STRICT;
      CREATE UNIQUE INDEX print_jobs_once ON print_jobs(label_key) WHERE kind = 'original' AND status <> 'cancelled';
      CREATE INDEX print_jobs_open ON print_jobs(printer_id, id) WHERE status IN ('queued','sending','sent');
      CREATE INDEX print_jobs_attention ON print_jobs(id) WHERE status = 'uncertain';
      CREATE INDEX print_jobs_batch ON print_jobs(batch_id) WHERE batch_id IS NOT NULL;
      CREATE INDEX print_jobs_unit ON print_jobs(unit_id) WHERE unit_id IS NOT NULL;
    `)
  }
}
