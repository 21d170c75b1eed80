-- Withdrawing an imported source (issue 11): a file imported by mistake (a
-- picture, the wrong export) is taken back without destroying anything. Its
-- raw rows, quarantine and working records stay; the records are hidden.
--
-- Hiding is structural rather than a condition repeated in every query: the
-- table of working records becomes customer_records, and `customers` is a
-- view of the records whose source is not withdrawn. Every read of
-- `customers` (grid, counts, quality, matching, fixes, exports, golden
-- records) sees only what a steward has not taken back, and so does every
-- read written later. Writes go to customer_records: the import, the one
-- write path (change-writer.ts, so an undo of an older fix still reaches a
-- hidden record) and a later export's update. Renaming a table carries its
-- indexes and the other tables' foreign keys along (SQLite 3.26+).
ALTER TABLE customers RENAME TO customer_records;

-- One row per withdrawn source, written only through the change history as
-- entity kind 'source', field 'withdrawn' (entity-stores.ts): a withdrawal is
-- a batch of kind 'withdraw', and undo, redo and revert bring it back.
CREATE TABLE withdrawn_sources (
  source_id    INTEGER PRIMARY KEY REFERENCES sources(id),
  withdrawn_at TEXT NOT NULL
) STRICT;

CREATE VIEW customers AS
  SELECT * FROM customer_records WHERE source_id NOT IN (SELECT source_id FROM withdrawn_sources);
