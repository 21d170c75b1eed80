-- The project's foundation. Raw input is immutable: sources, raw_rows and
-- quarantine are only ever inserted into. Customers are derived working
-- records; later steps change them through change_log entries.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per imported file.
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  file_path     TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  byte_size     INTEGER NOT NULL,
  format        TEXT NOT NULL,          -- csv | xlsx | json
  encoding      TEXT,
  delimiter     TEXT,
  entity        TEXT NOT NULL,          -- customer | transaction | need
  preset        TEXT,                   -- salesforce | hubspot | ... | null
  headers_json  TEXT NOT NULL,          -- column names as shown (blank and repeated ones renamed)
  mapping_json  TEXT NOT NULL,          -- { header: targetField | null }
  id_column     TEXT,
  rows          INTEGER NOT NULL,       -- data records the file holds
  imported      INTEGER NOT NULL,
  quarantined   INTEGER NOT NULL,
  imported_at   TEXT NOT NULL
);
CREATE INDEX sources_hash ON sources(content_hash);

-- Every parsed data row exactly as it came. Delimited files keep the record's
-- text as it stood in the file (raw_text; its cells are re-read with the
-- source's delimiter), spreadsheets and JSON keep the cells (cells_json).
-- One of the two is always set; the text form is a quarter smaller than the
-- JSON of its cells, which counts at a million rows.
CREATE TABLE raw_rows (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  row_number  INTEGER NOT NULL,         -- 1-based data record number in the file
  line_number INTEGER NOT NULL,         -- 1-based physical line (or sheet row) where it starts
  cells_json  TEXT,
  raw_text    TEXT
);

-- Records that could not be read as a row of the file, with why.
CREATE TABLE quarantine (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  row_number  INTEGER NOT NULL,
  line_number INTEGER NOT NULL,
  raw_text    TEXT NOT NULL,
  reason      TEXT NOT NULL,            -- machine code: too_many_fields | too_few_fields | unterminated_quote | text_after_quote | not_an_object | unreadable_cell
  detail      TEXT NOT NULL             -- human sentence, English
);
CREATE INDEX quarantine_source ON quarantine(source_id);

CREATE TABLE customers (
  id               INTEGER PRIMARY KEY,
  source_id        INTEGER NOT NULL REFERENCES sources(id),
  raw_row_id       INTEGER NOT NULL REFERENCES raw_rows(id),
  source_record_id TEXT,
  full_name        TEXT,
  given_name       TEXT,
  family_name      TEXT,
  gender           TEXT,
  birth_date       TEXT,
  email            TEXT,
  phone            TEXT,
  mobile           TEXT,
  company          TEXT,
  street           TEXT,
  city             TEXT,
  region           TEXT,
  postcode         TEXT,
  country          TEXT,
  income           ANY,                  -- REAL when the cell parsed as a number, else the text as given
  created_at       TEXT,
  updated_at       TEXT,
  extra_json       TEXT                  -- unmapped columns { header: value }
) STRICT;
-- No secondary index here: each one costs about 10% of a million-row import.
-- Sort indexes are built on first use (customers-repo.ts).

CREATE TABLE transactions (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id),
  raw_row_id   INTEGER NOT NULL REFERENCES raw_rows(id),
  customer_ref TEXT,
  customer_id  INTEGER REFERENCES customers(id),
  txn_date     TEXT,
  amount       ANY,
  currency     TEXT,
  txn_kind     TEXT,                      -- purchase | refund | as given
  product      TEXT,
  extra_json   TEXT
) STRICT;
CREATE INDEX transactions_customer ON transactions(customer_id);

CREATE TABLE needs (
  id               INTEGER PRIMARY KEY,
  source_id        INTEGER NOT NULL REFERENCES sources(id),
  raw_row_id       INTEGER NOT NULL REFERENCES raw_rows(id),
  need_customer_ref TEXT,
  customer_id      INTEGER REFERENCES customers(id),
  need_kind        TEXT,
  need_description TEXT,
  need_date        TEXT,
  extra_json       TEXT
) STRICT;
CREATE INDEX needs_customer ON needs(customer_id);

-- Append-only: every change to a working record, with before and after.
-- Undo is a new entry that restores the before value.
CREATE TABLE change_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  batch_id   TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  field      TEXT NOT NULL,
  before     ANY,
  after      ANY,
  reason     TEXT NOT NULL,
  undoes     INTEGER REFERENCES change_log(id)
) STRICT;
CREATE INDEX change_log_entity ON change_log(entity, entity_id);

CREATE TRIGGER raw_rows_immutable_update BEFORE UPDATE ON raw_rows
BEGIN SELECT RAISE(ABORT, 'raw rows are immutable'); END;
CREATE TRIGGER raw_rows_immutable_delete BEFORE DELETE ON raw_rows
BEGIN SELECT RAISE(ABORT, 'raw rows are immutable'); END;
CREATE TRIGGER change_log_append_only_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_append_only_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
