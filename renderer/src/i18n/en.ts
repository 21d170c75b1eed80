/** English UI text. Keys mirror zh-CN.ts; a test checks both have the same keys. */
export const en = {
  app: { loading: 'Loading…', language: 'Language' },
  nav: { customers: 'Customers', import: 'Import', sources: 'Sources', quarantine: 'Quarantine', closeProject: 'Close project' },
  common: { dismiss: 'Dismiss', cancel: 'Cancel', remove: 'Remove', close: 'Close', previous: 'Previous', next: 'Next', range: '{{from}}–{{to}} of {{total}}' },
  error: {
    invalid_input: 'That request was not valid', no_project: 'No project is open', project_not_found: 'Project not found',
    project_exists: 'A file with that name exists', project_unreadable: 'Cannot open this project',
    passphrase_required: 'Passphrase needed', wrong_passphrase: 'Wrong passphrase', project_in_use: 'The project is in use', busy: 'Busy', file_not_found: 'File not found',
    file_unreadable: 'Cannot read the file', already_imported: 'Already imported', encoding_mismatch: 'The file changes encoding', job_not_found: 'Job not found', cancelled: 'Cancelled',
    not_supported: 'Not available here', unauthorized: 'Not authorised', not_found: 'Not found', internal: 'Something went wrong',
  },
  job: {
    starting: 'Starting…', cancelling: 'Cancelling…',
    step: { queued: 'Waiting for the running job to finish', scan: 'Reading {{file}}', import: 'Importing {{file}}', link: 'Linking transactions and needs to customers' },
    rows_one: '{{formatted}} row', rows_other: '{{formatted}} rows',
  },
  start: {
    tagline: 'Open a customer export, see exactly what came in, lose nothing. Everything stays on this computer.',
    newProject: 'New project', projectName: 'Project name', projectNamePlaceholder: 'e.g. Acme customers 2026', folder: 'Folder',
    willCreate: 'Creates {{path}}', create: 'Create project', openProject: 'Open a project', projectFile: 'Project file', open: 'Open',
    recent: 'Recent projects', noRecent: 'No recent projects yet.', missing: 'missing', demoTitle: 'Try the demo',
    demoText: 'A realistic messy export from four CRMs (Salesforce, HubSpot, a Chinese ERP and Dynamics 365), with duplicates, broken lines and mixed encodings.',
    openDemo: 'Open the demo project',
  },
  import: {
    title: 'Import', intro: 'Choose CSV, TSV, XLSX or JSON exports. Check how each file is read and mapped; nothing is written until you press Import.',
    chooseFiles: 'Choose files…', pathPlaceholder: 'or type the path of a file on this computer', addPath: 'Add', reading: 'Reading the files…',
    empty: 'No files chosen yet.', column: 'Column in the file', mapsTo: 'Maps to', sampleValues: 'Sample values', keepAsExtra: '(keep as extra field)',
    fileFacts: '{{format}} · {{size}} KB', preset: 'Layout: {{name}}', encoding: 'Encoding', delimiter: 'Delimiter',
    delim: { comma: 'Comma ,', semicolon: 'Semicolon ;', tab: 'Tab', pipe: 'Pipe |' },
    entity: 'Contains', idColumn: 'Record id column', noIdColumn: '(none)',
    alreadyImported: 'This exact file was already imported on {{date}} (source #{{id}}).', skipIt: 'Skip it', importAgain: 'Import it again',
    sampleProblems_one: '{{count}} row in the first lines cannot be read as a record; it will be quarantined, not dropped.',
    sampleProblems_other: '{{count}} rows in the first lines cannot be read as records; they will be quarantined, not dropped.',
    problemAt: 'line {{line}}',
    start_one: 'Import {{count}} file', start_other: 'Import {{count}} files',
    cancelled: 'Import cancelled.', failed: 'Import failed; nothing was changed.', nothingChanged: 'The project is exactly as it was before.',
    again: 'Import more files',
    succeeded_one: '{{formatted}} record imported.', succeeded_other: '{{formatted}} records imported.',
    file: 'File', rows: 'Rows', imported: 'Imported', quarantined: 'Quarantined', skipped: 'skipped',
    showCustomers: 'Show customers', showQuarantine_one: 'Show {{count}} quarantined row', showQuarantine_other: 'Show {{count}} quarantined rows',
  },
  entity: { customer: 'Customers', transaction: 'Transactions', need: 'Needs' },
  field: {
    id: 'ID', source: 'Source', source_record_id: 'Record id', full_name: 'Full name', given_name: 'Given name', family_name: 'Family name',
    gender: 'Gender', birth_date: 'Birth date', email: 'Email', phone: 'Phone', mobile: 'Mobile', company: 'Company', street: 'Street',
    city: 'City', region: 'Region', postcode: 'Postcode', country: 'Country', income: 'Income', income_currency: 'Income currency', created_at: 'Created', updated_at: 'Updated',
    customer_ref: 'Customer record id', txn_date: 'Date', amount: 'Amount', currency: 'Currency', txn_kind: 'Kind (purchase/refund)',
    product: 'Product', need_customer_ref: 'Customer record id', need_kind: 'Need kind', need_description: 'Description', need_date: 'Date',
  },
  customers: {
    title: 'Customers', empty: 'This project has no customers yet.', importNow: 'Import a file', search: 'Search name, email, phone, company…',
    columns: 'Columns', showAll: 'Show all', noMatch: 'No customers match.',
    count_one: '{{formatted}} customer', count_other: '{{formatted}} customers',
  },
  detail: {
    title: 'Customer', mapped: 'Working record', extra: 'extra', sourceRow: 'Original source row',
    location: '{{file}}, row {{row}} (line {{line}})', transactions_one: '{{count}} transaction', transactions_other: '{{count}} transactions',
    needs_one: '{{count}} need', needs_other: '{{count}} needs',
  },
  quarantine: {
    title: 'Quarantine', allSources: 'All sources', intro: 'Rows that could not be read as records. They are kept exactly as they were in the file, with the reason.',
    empty: 'Nothing is quarantined: every row was read.', file: 'File', row: 'Row', line: 'Line', reason: 'Reason', raw: 'Raw text',
    reasons: {
      too_many_fields: 'Too many fields', too_few_fields: 'Too few fields', unterminated_quote: 'Quote never closed',
      text_after_quote: 'Text after a closing quote', not_an_object: 'Not a record', unreadable_cell: 'Unreadable cell',
    },
    details: {
      too_many_fields: 'Expected {{expected}} fields, found {{found}}.', too_few_fields: 'Expected {{expected}} fields, found {{found}}.',
      unterminated_quote: 'A quoted field opens on this line and is never closed.', text_after_quote: 'Text follows the closing quote in field {{column}}.',
      not_an_object: 'Element {{element}} is not an object.',
    },
  },
  sources: { title: 'Sources', empty: 'No files imported yet.', format: 'Read as', importedAt: 'Imported' },
};

export type Messages = typeof en;
