-- Fixing records: one write path for every change to a customer (a fix, a
-- manual edit, an undo, later a merge), grouped into batches that can be
-- undone and redone; standardisation runs and the suggestions they make.

-- The change_log entry (id) that last touched the record, 0 for never:
-- caches, profiles and incremental matching ask "what changed since n".
ALTER TABLE customers ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
-- ISO 4217 code of the income, when a standardised amount named one ("$85,000" → 85000, USD).
ALTER TABLE customers ADD COLUMN income_currency TEXT;

-- The change_log id a match run had seen: records changed after it are
-- matched again by "match new records", as new ones are.
ALTER TABLE match_runs ADD COLUMN max_change_seq INTEGER NOT NULL DEFAULT 0;

-- Who made the change: 'steward' in the app, 'cli', or 'automatic' for safe rules applied by a run.
ALTER TABLE change_log ADD COLUMN actor TEXT;
-- change_log.batch_id holds the id of its batch (as text). Ordered by record
-- and field so that reversing a batch of millions of changes reads it in
-- pages, grouped by record, without sorting.
CREATE INDEX change_log_batch ON change_log(batch_id, entity_id, field);

-- One user action: everything it changed is undone and redone together.
-- Append-only like the change log: undo and redo are batches of their own
-- (target = the batch they act on), so the undo and redo stacks are
-- replayed from this table and survive a restart.
CREATE TABLE change_batches (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('fix', 'edit', 'revert', 'undo', 'redo', 'verify', 'merge', 'unmerge', 'withdraw', 'restore')),
  description TEXT NOT NULL,            -- English summary for the CLI and the log export; the UI builds its own text from kind and params
  params      TEXT NOT NULL DEFAULT '{}', -- JSON: rule, field, customer, counts … for the UI's text
  target      INTEGER REFERENCES change_batches(id),
  changes     INTEGER NOT NULL
) STRICT;
CREATE TRIGGER change_batches_append_only_update BEFORE UPDATE ON change_batches
BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
CREATE TRIGGER change_batches_append_only_delete BEFORE DELETE ON change_batches
BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;

-- A standardisation run: its suggestions become visible when it is marked
-- current (one short transaction), so a cancelled run leaves the previous
-- suggestions in place.
CREATE TABLE fix_runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('running', 'current', 'superseded', 'cancelled', 'failed')),
  options_json TEXT NOT NULL,
  summary_json TEXT                     -- suggestions per rule and field, records read
) STRICT;
CREATE UNIQUE INDEX fix_runs_one_current ON fix_runs(status) WHERE status = 'current';

-- What a standardiser proposed for one field of one customer. kind 'change'
-- proposes `after`; kind 'flag' says the value is damaged or ambiguous and
-- proposes nothing. status: open → accepted (applied in batch_id) | rejected
-- | stale (the value changed before it was applied).
CREATE TABLE fix_suggestions (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES fix_runs(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  source_id   INTEGER NOT NULL,
  field       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('change', 'flag')),
  rule        TEXT NOT NULL,
  before      ANY,
  after       ANY,
  confidence  REAL NOT NULL,
  params      TEXT,                     -- JSON for the explanation (source of a filled value, reason of a flag)
  edited      INTEGER NOT NULL DEFAULT 0, -- the steward changed the proposed value
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected', 'stale')),
  batch_id    INTEGER REFERENCES change_batches(id)
) STRICT;
CREATE INDEX fix_suggestions_review ON fix_suggestions(run_id, rule, field, status);
CREATE INDEX fix_suggestions_customer ON fix_suggestions(customer_id);
CREATE INDEX fix_suggestions_batch ON fix_suggestions(batch_id) WHERE batch_id IS NOT NULL;

