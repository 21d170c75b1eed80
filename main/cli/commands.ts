import type { Command } from './args.ts';

const settingOptions = '[--default-country <CC>] [--timeliness-days <n>]';

/**
 * Every crm-steward command. This file imports nothing heavy: a command's
 * module (and with it SQLite and the engines) is loaded only when that
 * command runs, so --help and usage errors answer at once.
 */
export const commands: Record<string, Command> = {
  import: {
    usage: 'crm-steward import <file>... --project <path> [--json] [--reimport | --skip-imported]',
    summary: 'Import CSV/TSV, XLSX or JSON exports into a project; broken rows are quarantined.',
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
    usage: `crm-steward audit <file>... --report <out.html> [--json <out.json>] [--lang en|zh-CN] ${settingOptions}`,
    summary: 'One-shot audit of export files: a self-contained HTML report (English or Chinese) and, with --json, every metric and issue.',
    valued: ['report', 'json', 'lang', 'default-country', 'timeliness-days'],
    load: async () => (await import('./quality-commands.ts')).auditCommand,
  },
  dedupe: {
    usage: 'crm-steward dedupe --project <path> --out <clusters.csv> [--threshold <p>] [--new] [--json]',
    summary: 'Find duplicate customers in a project and write source,record_id,row_number,cluster_id,probability per record (--new: only records imported since the last run).',
    valued: ['project', 'out', 'threshold'],
    load: async () => (await import('./match-commands.ts')).dedupeCommand,
  },
  serve: {
    usage: 'crm-steward serve [--port <n>]',
    summary: 'Run the app in browser mode on 127.0.0.1 and print its address with the session token.',
    valued: ['port'],
    load: async () => (await import('./serve-command.ts')).serveCommand,
  },
};
