-- Findings as message codes and parameters (shared/domain/issue-message.ts)
-- instead of English sentences: the words are made where a finding is shown,
-- in the reader's language, from one template per code and language.
--
-- quality_issues is rebuilt without its message column (SQLite cannot drop
-- the NOT NULL of a column in place). Only the current run's rows are
-- copied: no reader sees the others, and the next profile deletes them.
-- Their sentences, written by an earlier version, become the one parameter
-- of the code 'legacyText' and are shown as stored (in English) until the
-- next profile replaces them; the flag-stored findings need no copy, as the
-- view below gives them codes from their columns.
--
-- The view's text is viewSql() in main/quality/flag-schema.ts; a test
-- compares it with the view of a migrated project.

DROP VIEW quality_current_issues;

CREATE TABLE quality_issues_coded (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES quality_runs(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  source_id   INTEGER NOT NULL,          -- copied from the customer so per-source counts need no join
  field       TEXT NOT NULL,
  dimension   TEXT NOT NULL,             -- completeness | validity | accuracy | consistency | timeliness | uniqueness
  rule        TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  code        TEXT NOT NULL,             -- the message code (IssueCode)
  params      TEXT,                      -- its parameters as a JSON object; NULL when it has none
  suggestion  TEXT
) STRICT;

INSERT INTO quality_issues_coded (id, run_id, customer_id, source_id, field, dimension, rule, severity, code, params, suggestion)
  SELECT id, run_id, customer_id, source_id, field, dimension, rule, severity, 'legacyText', json_object('text', message), suggestion
  FROM quality_issues WHERE run_id = (SELECT id FROM quality_runs WHERE status = 'current');

DROP TABLE quality_issues;
ALTER TABLE quality_issues_coded RENAME TO quality_issues;
-- Drill-down and metric counts filter by run, then field/dimension/rule/source.
CREATE INDEX quality_issues_drill ON quality_issues(run_id, field, dimension, rule, source_id);
-- The grid and the detail panel ask "what is wrong with this customer".
CREATE INDEX quality_issues_customer ON quality_issues(customer_id);

CREATE VIEW quality_current_issues (run_id, customer_id, source_id, field, dimension, rule, severity, code, params, suggestion) AS
  SELECT i.run_id, i.customer_id, i.source_id, i.field, i.dimension, i.rule, i.severity, i.code, i.params, i.suggestion
  FROM quality_issues i WHERE i.run_id = (SELECT id FROM quality_runs WHERE status = 'current')
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'source_record_id', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 1 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'full_name', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 2 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'given_name', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 4 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'family_name', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 8 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'gender', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 16 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'birth_date', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 32 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'email', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 64 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'phone', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 128 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'mobile', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 256 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'company', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 512 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'street', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 1024 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'city', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 2048 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'region', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 4096 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'postcode', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 8192 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'country', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 16384 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'income', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 32768 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'created_at', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 65536 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'updated_at', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 131072 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'phone', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'phone'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 128 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'mobile', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'mobile'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 256 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'postcode', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'postcode'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 8192 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'birth_date', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'birth_date'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 32 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'created_at', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'created_at'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 65536 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'updated_at', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'updated_at'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 131072 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'country', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'country'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 16384 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'gender', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'gender'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 16 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'income', 'consistency', 'format_inconsistent', 'info', 'format', json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = 'income'), '?')), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.format & 32768 <> 0
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'email', 'uniqueness', 'duplicate_email', 'warning', 'sameEmail', json_object('customer', f.dup_email_of), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.dup_email_of IS NOT NULL
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'phone', 'uniqueness', 'duplicate_phone', 'warning', 'sameNumber', json_object('customer', f.dup_phone_of), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.dup_phone_of IS NOT NULL
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'mobile', 'uniqueness', 'duplicate_phone', 'warning', 'sameNumber', json_object('customer', f.dup_mobile_of), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.dup_mobile_of IS NOT NULL
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'updated_at', 'timeliness', 'stale', 'info', 'stale', json_object('days', f.age_days, 'window', (SELECT json_extract(r.options_json, '$.timelinessDays') FROM quality_runs r WHERE r.id = f.run_id)), NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.timely = 1
  UNION ALL
  SELECT f.run_id, f.customer_id, f.source_id, 'updated_at', 'timeliness', 'no_update_date', 'info', 'noUpdateDate', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.timely = 2;
