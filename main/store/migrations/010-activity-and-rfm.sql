-- Transactions and needs as data of their own, and RFM (issue 12).
--
-- The cells stay as imported (txn_date, amount, currency, txn_kind); the
-- columns below are what the standardisers read from them
-- (main/ingest/read-activity.ts), written once after the import. A row whose
-- is_refund is NULL has not been read yet.
ALTER TABLE transactions ADD COLUMN txn_day TEXT;          -- ISO yyyy-MM-dd, NULL when the date cannot be read
ALTER TABLE transactions ADD COLUMN amount_value REAL;     -- the amount as a number, NULL when it cannot be read
ALTER TABLE transactions ADD COLUMN amount_currency TEXT;  -- ISO 4217: the currency cell, else the amount's sign or code
ALTER TABLE transactions ADD COLUMN is_refund INTEGER;     -- 1 refund (by its kind or a negative amount), 0 purchase
-- Why a row is or is not linked: linked | no_reference | not_found | ambiguous
-- (the record id is held by customers of several sources and nothing says which).
ALTER TABLE transactions ADD COLUMN link_status TEXT;
ALTER TABLE needs ADD COLUMN need_day TEXT;
ALTER TABLE needs ADD COLUMN link_status TEXT;

-- RFM reads every transaction grouped by customer: with this covering index
-- it walks the index in customer order and never the table (a 5-million-row
-- aggregate without a sort). It replaces the plain customer_id index.
DROP INDEX transactions_customer;
CREATE INDEX transactions_rfm ON transactions(customer_id, amount_currency, is_refund, txn_day, amount_value);

-- The customers source a transactions or needs file refers to, when the
-- steward picked one (record ids repeat across sources).
ALTER TABLE sources ADD COLUMN link_source_id INTEGER REFERENCES sources(id);

-- The newest RFM run, one row per customer or golden record (entity_id is the
-- customer id, or the golden record's id). Written whole in one transaction,
-- so a failed run leaves the previous one. Segments are not stored: they
-- follow from (r, f, m) and the editable rules, so editing a rule re-labels
-- at once without a new run.
CREATE TABLE rfm_scores (
  entity_id    INTEGER PRIMARY KEY,
  recency_days INTEGER NOT NULL,
  frequency    INTEGER NOT NULL,
  monetary     REAL NOT NULL,
  r            INTEGER NOT NULL,
  f            INTEGER NOT NULL,
  m            INTEGER NOT NULL
) STRICT;
CREATE INDEX rfm_scores_cell ON rfm_scores(r, f, m);
