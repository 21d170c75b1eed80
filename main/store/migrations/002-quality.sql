-- Data quality: profiling runs, the record-level issues each run found,
-- snapshots of the metrics for the trend, and verified reference values for
-- accuracy. Issues belong to a run; a new run's issues become visible only
-- when the run is marked current (one short transaction), so a cancelled or
-- crashed run leaves the previous results in place.

CREATE TABLE quality_runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('running', 'current', 'superseded', 'cancelled', 'failed')),
  options_json TEXT NOT NULL,            -- defaultCountry, timelinessDays, now
  context_json TEXT                      -- what metrics need besides issues: sources, fields, age histogram, accuracy counts, income stats
) STRICT;
CREATE UNIQUE INDEX quality_runs_one_current ON quality_runs(status) WHERE status = 'current';

CREATE TABLE quality_issues (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES quality_runs(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  source_id   INTEGER NOT NULL,          -- copied from the customer so per-source counts need no join
  field       TEXT NOT NULL,
  dimension   TEXT NOT NULL,             -- completeness | validity | accuracy | consistency | timeliness | uniqueness
  rule        TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message     TEXT NOT NULL,
  suggestion  TEXT
) STRICT;
-- Drill-down and metric counts filter by run, then field/dimension/rule/source.
CREATE INDEX quality_issues_drill ON quality_issues(run_id, field, dimension, rule, source_id);
-- The grid and the detail panel ask "what is wrong with this customer".
CREATE INDEX quality_issues_customer ON quality_issues(customer_id);

-- The issues of the current run: what every reader outside the profiler should use.
CREATE VIEW quality_current_issues AS
  SELECT i.* FROM quality_issues i
  WHERE i.run_id = (SELECT id FROM quality_runs WHERE status = 'current');

CREATE TABLE quality_snapshots (
  id           INTEGER PRIMARY KEY,
  taken_at     TEXT NOT NULL,
  reason       TEXT NOT NULL,            -- import | on_demand | fix | ...
  run_id       INTEGER REFERENCES quality_runs(id),
  metrics_json TEXT NOT NULL
) STRICT;
CREATE INDEX quality_snapshots_taken ON quality_snapshots(taken_at);

-- Verified values for accuracy. origin 'reference_file': imported from a file
-- the user vouches for; origin 'steward': a steward marked the record verified,
-- freezing the values it had then. value NULL means "verified: no value".
CREATE TABLE quality_reference (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  field         TEXT NOT NULL,
  value         TEXT,
  origin        TEXT NOT NULL CHECK (origin IN ('reference_file', 'steward')),
  origin_detail TEXT,                    -- file name, or who verified
  verified_at   TEXT NOT NULL,
  UNIQUE (customer_id, field)
) STRICT;

-- The verified marker: one row per customer a steward has verified.
CREATE TABLE quality_verified (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
  verified_at TEXT NOT NULL,
  verified_by TEXT
) STRICT;
