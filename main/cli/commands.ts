import type { Command } from './args.ts';

const settingOptions = '[--default-country <CC>] [--timeliness-days <n>]';

/** How an encrypted project's passphrase is given; every command that opens a project follows it. */
export const passphraseNote = 'An encrypted project asks for its passphrase at the terminal, or reads CRM_STEWARD_PASSPHRASE.';

/**
 * Every crm-steward command. This file imports nothing heavy: a command's
 * module (and with it SQLite and the engines) is loaded only when that
 * command runs, so --help and usage errors answer at once.
 */
export const commands: Record<string, Command> = {
  import: {
    usage: 'crm-steward import <file>... --project <path> [--encrypt] [--json] [--reimport | --skip-imported] [--as-new]',
    summary: 'Import CSV/TSV, XLSX or JSON exports into a project; broken rows are quarantined. A later export of a source already imported updates its records (--as-new: import them as new records). --encrypt protects a new project with a passphrase (CRM_STEWARD_PASSPHRASE, or typed twice).',
    valued: ['project'],
    load: async () => (await import('./import-command.ts')).importCommand,
  },
  profile: {
    usage: `crm-steward profile --project <path> [--json] ${settingOptions}`,
    summary: 'Measure data quality (completeness, validity, accuracy, consistency, timeliness, uniqueness) and store the issues.',
    valued: ['project', 'default-country', 'timeliness-days'],
    load: async () => (await import('./quality-commands.ts')).profileCommand,
  },
  reference: {
    usage: 'crm-steward reference <file> --project <path> [--json] [--no-profile]',
    summary: 'Import a verified reference file (matched to customers by record id) and profile again, so accuracy is measured against it.',
    valued: ['project'],
    load: async () => (await import('./quality-commands.ts')).referenceCommand,
  },
  audit: {
    usage: `crm-steward audit <file>... --report <out.html> [--json <out.json>] [--lang en|zh-CN] [--mask] ${settingOptions}`,
    summary: 'One-shot audit of export files: a self-contained HTML report (English or Chinese) and, with --json, every metric and issue; --mask hides email, phone, mobile, birth date and street in both.',
    valued: ['report', 'json', 'lang', 'default-country', 'timeliness-days'],
    load: async () => (await import('./quality-commands.ts')).auditCommand,
  },
  dedupe: {
    usage: 'crm-steward dedupe --project <path> --out <clusters.csv> [--threshold <p>] [--new] [--json]',
    summary: 'Find duplicate customers in a project and write source,record_id,row_number,cluster_id,probability per record (--new: only records imported since the last run).',
    valued: ['project', 'out', 'threshold'],
    load: async () => (await import('./match-commands.ts')).dedupeCommand,
  },
  'export-model': {
    usage: 'crm-steward export-model --project <path> --out <folder> [--dialect duckdb|spark] [--json]',
    summary: 'Write the project\'s trained matching model for Splink 4 (scale-out on DuckDB or Spark): model.json (Splink settings: blocking rules, comparisons with m/u and term-frequency adjustments, prior), prepared.csv (each customer\'s normalised values) and run_splink.py. Run `dedupe` first.',
    valued: ['project', 'out', 'dialect'],
    load: async () => (await import('./export-model-command.ts')).exportModelCommand,
  },
  fix: {
    usage: 'crm-steward fix --project <path> [--apply-safe | --apply-all | --apply-rule <rule>...] [--no-backup] [--json]',
    summary: 'Find standardisation suggestions (E.164 phones, ISO countries and dates, …) and optionally apply them; every change can be undone.',
    valued: ['project', 'apply-rule'],
    load: async () => (await import('./fix-commands.ts')).fixCommand,
  },
  history: {
    usage: 'crm-steward history --project <path> [--export <log.csv>] [--json]',
    summary: 'List the change history (newest first) or write the whole log as CSV.',
    valued: ['project', 'export'],
    load: async () => (await import('./fix-commands.ts')).historyCommand,
  },
  undo: {
    usage: 'crm-steward undo --project <path> [--all | --batch <id>] [--force | --skip-conflicts] [--json]',
    summary: 'Undo the newest batch of changes, a given batch, or everything since import.',
    valued: ['project', 'batch'],
    load: async () => (await import('./fix-commands.ts')).undoCommand,
  },
  redo: {
    usage: 'crm-steward redo --project <path> [--force | --skip-conflicts] [--json]',
    summary: 'Redo the newest undo.',
    valued: ['project'],
    load: async () => (await import('./fix-commands.ts')).redoCommand,
  },
  rfm: {
    usage: 'crm-steward rfm --project <path> --out <rfm.csv> [--as-of YYYY-MM-DD] [--per customer|golden] [--currency EUR] [--rates USD=0.92,CNY=0.13] [--save] [--json]',
    summary: 'Recency, frequency and monetary value of every customer (or golden record) with a purchase, scored 1-5 by quintiles and segmented by the project\'s rules: source,source_record_id,recency_days,frequency,monetary,r,f,m,segment. Amounts in other currencies count when --rates gives them. --save keeps the run as the project\'s current one (the app\'s RFM view, its charts and the segment command\'s recency, frequency and monetary features read it).',
    valued: ['project', 'out', 'as-of', 'per', 'currency', 'rates'],
    load: async () => (await import('./rfm-command.ts')).rfmCommand,
  },
  report: {
    usage: 'crm-steward report --project <path> --out <report.html> [--lang en|zh-CN] [--mask] [--measure] [--json]',
    summary: 'The client report: one offline HTML file (no script, no network, prints to PDF on A4) with the sources, data quality before and after fixes, fixes applied, duplicates merged, k-means segments and RFM. --mask hides names, emails, phones, addresses and birth dates; --measure measures data quality first when the records changed since the last measurement.',
    valued: ['project', 'out', 'lang'],
    load: async () => (await import('./report-command.ts')).reportCommand,
  },
  withdraw: {
    usage: 'crm-steward withdraw --project <path> --source <id|name> [--json]',
    summary: 'Withdraw an imported source (a file imported by mistake): its records are hidden from every view, count and export, its raw rows kept; one batch of the history, so `undo` brings it back.',
    valued: ['project', 'source'],
    load: async () => (await import('./source-commands.ts')).withdrawCommand,
  },
  merge: {
    usage: 'crm-steward merge --project <path> --accept-above <p> [--json]',
    summary: 'Merge every suggested cluster whose weakest link is at or above p into a golden record (one undoable batch); matches the project first if it never was.',
    valued: ['project', 'accept-above'],
    load: async () => (await import('./merge-commands.ts')).mergeCommand,
  },
  unmerge: {
    usage: 'crm-steward unmerge --project <path> (--golden <id> [--customer <id>] | --all) [--json]',
    summary: 'Take a golden record apart (or one record out of it with --customer), or all of them; the records are as they were, later changes kept.',
    valued: ['project', 'golden', 'customer'],
    load: async () => (await import('./merge-commands.ts')).unmergeCommand,
  },
  export: {
    usage: 'crm-steward export --project <path> --out <file.csv|file.xlsx> [--golden | --golden-ids | --decisions] [--bom] [--mask] [--json]',
    summary: 'Write the working records as CSV (UTF-8; --bom for Excel) or XLSX; --golden one row per golden record, --golden-ids every record with its golden_id, --decisions the duplicate decisions. Formula-like cells are written as text; --mask hides email, phone, mobile, birth date and street for sharing.',
    valued: ['project', 'out'],
    load: async () => (await import('./fix-commands.ts')).exportCommand,
  },
  backup: {
    usage: 'crm-steward backup --project <path> [--out <file>] [--json]',
    summary: 'Back up the project (consistent while in use; gzip inside age encryption, `age -d FILE | gunzip` recovers it) into its backup folder, or to --out. Passphrase from CRM_STEWARD_BACKUP_PASSPHRASE, CRM_STEWARD_PASSPHRASE or the terminal.',
    valued: ['project', 'out'],
    load: async () => (await import('./backup-commands.ts')).backupCommand,
  },
  backups: {
    usage: 'crm-steward backups --project <path> [--json]',
    summary: "List the project's backups, newest first, with what each holds.",
    valued: ['project'],
    load: async () => (await import('./backup-commands.ts')).backupsCommand,
  },
  restore: {
    usage: 'crm-steward restore <backup-file> --project <path> [--json]',
    summary: 'Verify a backup (passphrase, integrity, a CRM Steward project), back up the project as it is, then replace it with the backup.',
    valued: ['project'],
    load: async () => (await import('./backup-commands.ts')).restoreCommand,
  },
  encrypt: {
    usage: 'crm-steward encrypt --project <path> [--new-passphrase] [--json]',
    summary: 'Protect a project with a passphrase (CRM_STEWARD_PASSPHRASE, or typed twice); on an encrypted project, change it (the current one from CRM_STEWARD_PASSPHRASE, the new one from CRM_STEWARD_NEW_PASSPHRASE, or typed).',
    valued: ['project'],
    load: async () => (await import('./protect-commands.ts')).encryptCommand,
  },
  decrypt: {
    usage: 'crm-steward decrypt --project <path> [--json]',
    summary: 'Remove the passphrase: the project is written unencrypted (asks for the passphrase, or reads CRM_STEWARD_PASSPHRASE).',
    valued: ['project'],
    load: async () => (await import('./protect-commands.ts')).decryptCommand,
  },
  segment: {
    usage: 'crm-steward segment --project <path> --out <segments.csv> [--k 3] [--features age,income] [--seed 42] [--starts 4] [--as-of YYYY-MM-DD] [--json]',
    summary: 'Group the customers with k-means on standardised features (age from the birth date, income, recency, frequency and monetary of the saved per-customer RFM run, numeric extra columns) and save it as the current segmentation; writes source,source_record_id, each feature, its z-score as z_<name>, and segment (blank for a customer lacking a feature). --json prints k, inertia, silhouette, sizes and centroids in original units.',
    valued: ['project', 'out', 'k', 'features', 'seed', 'starts', 'as-of'],
    load: async () => (await import('./segment-command.ts')).segmentCommand,
  },
  serve: {
    usage: 'crm-steward serve [--port <n>] [--allow <folder>]...',
    summary: 'Run the app in browser mode on 127.0.0.1 and print its address with the session token; it reads and writes files only in its own folders and the --allow ones.',
    valued: ['port', 'allow'],
    load: async () => (await import('./serve-command.ts')).serveCommand,
  },
};
