-- migrate: foreign_keys off
-- Merging duplicates into golden records (issue 10). Every table here is
-- written through the one write path (change-writer.ts) as change_log rows
-- of its own entity kind, so a merge, a decision and an unmerge are batches
-- of the change history that undo, redo and revert like any other:
--   golden        golden_members.golden_id of a customer      (field 'golden_id')
--   golden_pick   golden_picks of a customer and field         (field 'pick:<field>')
--   match_label   match_labels of a pair a < b                 (entity_id a, field 'pair:<b>')
--   match_cluster match_members.cluster_id of a customer       (field 'cluster_id')
--   presence      customers.gone_since                         (field 'gone_since')

-- 1. Two batch kinds: 'import' (a later export of a source updating its
-- records) and 'review' (a duplicate decision that records labels and
-- reshapes suggestions without merging). SQLite cannot widen a CHECK in
-- place, so the (small) batch table is rebuilt as its documentation says.
DROP TRIGGER change_batches_append_only_update;
DROP TRIGGER change_batches_append_only_delete;
CREATE TABLE change_batches_next (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('fix', 'edit', 'revert', 'undo', 'redo', 'verify', 'merge', 'unmerge', 'withdraw', 'restore', 'import', 'review')),
  description TEXT NOT NULL,
  params      TEXT NOT NULL DEFAULT '{}',
  target      INTEGER REFERENCES change_batches(id),
  changes     INTEGER NOT NULL
) STRICT;
INSERT INTO change_batches_next (id, at, actor, kind, description, params, target, changes)
  SELECT id, at, actor, kind, description, params, target, changes FROM change_batches;
DROP TABLE change_batches;
ALTER TABLE change_batches_next RENAME TO change_batches;
CREATE TRIGGER change_batches_append_only_update BEFORE UPDATE ON change_batches
BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;
CREATE TRIGGER change_batches_append_only_delete BEFORE DELETE ON change_batches
BEGIN SELECT RAISE(ABORT, 'the change history is append-only'); END;

-- 2. Golden records. A customer in a golden record of two or more has a row
-- here; every other customer is its own golden record (id = its own id). A
-- golden record's id is its smallest member's id, like a cluster's. Its
-- values are not stored: they follow from the members' current values and
-- the project's survivorship settings (settings key 'survivorship').
CREATE TABLE golden_members (
  customer_id INTEGER PRIMARY KEY,
  golden_id   INTEGER NOT NULL
) STRICT;
CREATE INDEX golden_members_golden ON golden_members(golden_id);

-- A steward's hand pick: for its golden record, `field` takes this
-- customer's value. The newest pick of a field among the members wins.
CREATE TABLE golden_picks (
  customer_id INTEGER NOT NULL,
  field       TEXT NOT NULL,
  picked_at   TEXT NOT NULL,
  PRIMARY KEY (customer_id, field)
) STRICT, WITHOUT ROWID;

-- 3. Labels from decisions: 'same' (accepted together), 'different' (not the
-- same customer: never grouped again). Matching reads them as constraints
-- and to re-estimate its model; the review view estimates precision and
-- recall from them.
CREATE TABLE match_labels (
  a     INTEGER NOT NULL,
  b     INTEGER NOT NULL,
  label TEXT NOT NULL CHECK (label IN ('same', 'different')),
  PRIMARY KEY (a, b),
  CHECK (a < b)
) STRICT, WITHOUT ROWID;
CREATE INDEX match_labels_b ON match_labels(b);

-- 4. The review queue is match_clusters with what sorting and filtering
-- need: status (merged: exactly the members of one golden record), the
-- weakest link (the pair that joined the last two groups: the cluster's
-- least certain decision), the member sources (',1,3,'). A decision marks
-- the clusters it touched dirty; the queue recomputes them when read.
ALTER TABLE match_clusters ADD COLUMN status TEXT NOT NULL DEFAULT 'review' CHECK (status IN ('review', 'merged'));
ALTER TABLE match_clusters ADD COLUMN weakest REAL;
ALTER TABLE match_clusters ADD COLUMN weakest_a INTEGER;
ALTER TABLE match_clusters ADD COLUMN weakest_b INTEGER;
ALTER TABLE match_clusters ADD COLUMN source_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE match_clusters ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0;
UPDATE match_clusters SET dirty = 1;
CREATE INDEX match_clusters_queue ON match_clusters(status, weakest, size);
CREATE INDEX match_clusters_dirty ON match_clusters(id) WHERE dirty = 1;

-- A rejected cluster as it was when rejected, for the queue's "rejected"
-- filter: listed while its pair (a, b) is still labelled 'different' (an
-- undo of the rejection takes the label away, and the row out of the list).
CREATE TABLE match_rejections (
  batch_id        INTEGER PRIMARY KEY,
  cluster_id      INTEGER NOT NULL,
  at              TEXT NOT NULL,
  members         TEXT NOT NULL,        -- JSON array of customer ids
  size            INTEGER NOT NULL,
  source_ids      TEXT NOT NULL,
  weakest         REAL,
  max_probability REAL NOT NULL,
  a               INTEGER NOT NULL,
  b               INTEGER NOT NULL
) STRICT;

-- 5. Later exports of a source system. A source whose export updates an
-- earlier one's records points at the system's first source; the record ids
-- of a system are unique within it. A record a later export no longer holds
-- is marked gone from its source (never deleted).
ALTER TABLE sources ADD COLUMN system_id INTEGER;
ALTER TABLE customers ADD COLUMN gone_since TEXT;
