-- income_currency (a customer field since migration 005, filled by fixes or
-- mapped at import) gets a flag bit: bit 18 of quality_flags.missing, so
-- the view grows one "missing" branch. The view's text is viewSql() in
-- main/quality/flag-schema.ts; a test compares it with a migrated project's.

DROP VIEW quality_current_issues;

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
  SELECT f.run_id, f.customer_id, f.source_id, 'income_currency', 'completeness', 'missing', 'warning', 'missing', NULL, NULL
  FROM quality_flags f WHERE f.run_id = (SELECT id FROM quality_runs WHERE status = 'current') AND f.missing & 262144 <> 0
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
