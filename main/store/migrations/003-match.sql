-- Duplicate matching: the model of each run, the scored pairs worth showing
-- (with their comparison levels, so every waterfall can be rebuilt), and the
-- entities (clusters) they form. Only the results of the current run are kept
-- in match_pairs / match_members / match_clusters; a run replaces them in one
-- transaction at its end, so a cancelled or failed run leaves the previous
-- results exactly as they were.

CREATE TABLE match_runs (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
  status           TEXT NOT NULL CHECK (status IN ('current', 'superseded')),
  finished_at      TEXT NOT NULL,
  seconds          REAL NOT NULL,
  model_json       TEXT NOT NULL,        -- MatchModel (m, u, prior, tf tables, threshold)
  threshold        REAL NOT NULL,        -- probability at which pairs link into entities
  report_threshold REAL NOT NULL,        -- pairs at or above this are stored for review
  blocking_json    TEXT NOT NULL,        -- [{ rule, comparisons, skippedBlocks }]
  records          INTEGER NOT NULL,     -- customers matched
  comparisons      INTEGER NOT NULL,     -- candidate pairs scored
  max_customer_id  INTEGER NOT NULL      -- customers with a larger id arrived later: "new" for incremental runs
) STRICT;
CREATE UNIQUE INDEX match_runs_one_current ON match_runs(status) WHERE status = 'current';

-- a < b (customer ids). levels: one comparison level per model comparison, comma separated.
CREATE TABLE match_pairs (
  a           INTEGER NOT NULL,
  b           INTEGER NOT NULL,
  weight      REAL NOT NULL,
  probability REAL NOT NULL,
  levels      TEXT NOT NULL,
  rule        TEXT NOT NULL,
  PRIMARY KEY (a, b)
) STRICT, WITHOUT ROWID;
CREATE INDEX match_pairs_b ON match_pairs(b);

-- Records in an entity of two or more; every other customer is its own entity
-- (cluster id = its own id). A cluster id is the smallest customer id in it,
-- so it stays the same across re-runs while that record stays in the entity.
CREATE TABLE match_members (
  customer_id INTEGER PRIMARY KEY,
  cluster_id  INTEGER NOT NULL,
  probability REAL NOT NULL            -- strongest link from this record to another member
) STRICT;
CREATE INDEX match_members_cluster ON match_members(cluster_id);

CREATE TABLE match_clusters (
  id              INTEGER PRIMARY KEY,  -- the cluster id
  size            INTEGER NOT NULL,
  sources         INTEGER NOT NULL,     -- distinct source files among the members
  min_probability REAL NOT NULL,        -- weakest of the members' strongest links
  max_probability REAL NOT NULL
) STRICT;
CREATE INDEX match_clusters_order ON match_clusters(size DESC, max_probability DESC);
