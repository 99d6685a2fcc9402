/** The interface texts in English: the reference every other language follows key for key. */
export const en = {
  'app.title': 'PHX data validator',
  'app.intro': 'Check a PHX data file before you send it. Your file never leaves this computer: it is checked here, in your browser, and nothing is uploaded.',
  'app.language': 'Language',

  'files.heading': 'Check files',
  'files.drop': 'Drop .phx.json, .phx.ndjson, .csv or .xlsx files here, or',
  'files.choose': 'Choose files',
  'files.hint': 'You can check several files at once. Large files are fine: they are read piece by piece.',

  'progress.reading': 'Reading {file}: {percent}',
  'progress.checking': 'Checking {file}…',
  'progress.found': 'Found so far: {errors} errors, {warnings} warnings.',
  'progress.cancel': 'Cancel',
  'progress.cancelled': 'Checking was cancelled. No results are shown.',
  'progress.failed': 'The check stopped: {reason}',
  'problem.engine-failed': 'The checking engine could not run.',
  'problem.not-convertible': 'Only a valid .phx.json, CSV or .xlsx file can be converted.',
  'problem.not-exportable': 'Only a valid .phx.json package can be exported.',

  'summary.heading': 'Summary',
  'summary.valid': '{file} is valid.',
  'summary.validWithWarnings': '{file} is valid, with warnings to look at.',
  'summary.invalid': '{file} has errors and is not valid.',
  'summary.format': 'Format',
  'summary.recordType': 'Record type',
  'summary.records': 'Records',
  'summary.errors': 'Errors',
  'summary.warnings': 'Warnings',
  'summary.truncated': 'Only the first {count} issues are listed; the counts cover the whole file.',
  'summary.partial': 'Only the first {count} issues are listed, and checking stopped there, at {where}: the counts cover only the part checked.',
  'summary.convert': 'Download as .phx.json',
  'summary.convertXlsx': 'Download as .xlsx',
  'summary.convertNote': 'A CSV file holds records only: the .phx.json you download still needs its package header (phxVersion, id, publisher, license, publishedAt).',

  'type.organisation': 'Organisations',
  'type.facility': 'Facilities',
  'type.indicator': 'Indicators',
  'type.observation': 'Observations',
  'type.meeting': 'Meetings',

  'issues.heading': 'Issues',
  'issues.none': 'No issues found.',
  'issues.filterSeverity': 'Severity',
  'issues.filterCode': 'Code',
  'issues.all': 'All',
  'issues.allCodes': 'All codes',
  'issues.count': 'Showing {shown} of {total} issues.',
  'issues.more': 'Show more issues',
  'issues.downloadCsv': 'Download issues (CSV)',
  'issues.downloadJson': 'Download issues (JSON)',
  'issues.sortBy': 'Sort by {column}',
  'issues.table': 'Issues found',
  'issues.showRecord': 'Show the record of this issue: {record}',

  'column.file': 'File',
  'column.severity': 'Severity',
  'column.code': 'Code',
  'column.record': 'Record',
  'column.field': 'Field',
  'column.message': 'Message',
  'column.location': 'Location',

  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Info',

  'location.text': 'line {line}, column {column}',
  'location.cell': 'row {row}, column {column}',
  'location.sheetCell': 'sheet "{sheet}", cell {cell}',
  'record.file': 'whole file',
  'record.package': 'package header',
  'record.line': 'line {line}',
  'record.row': 'row {row}',
  'record.sheetRow': 'sheet "{sheet}", row {row}',

  'extent.records': '{count} records',

  'record.heading': 'Record',
  'record.close': 'Close',
  'record.field': 'The issue is in this field:',
  'record.excerpt': 'The text around the issue:',
  'record.unavailable': 'This record cannot be shown.',

  'reference.heading': 'Reference',
  'reference.intro': 'The indicators PHX knows and every rule the validator checks.',
  'reference.indicators': 'Indicator catalogue ({count})',
  'reference.rules': 'Rule codes ({count})',
  'reference.code': 'Code',
  'reference.name': 'Name',
  'reference.unit': 'Unit',
  'reference.framework': 'Framework',
  'reference.severity': 'Severity',
  'reference.meaning': 'Meaning (in English)',
  'reference.description': 'Description',

  'footer.privacy': 'Privacy: this page does not send your files or their contents anywhere. You can even use it offline.',
} as const;

/** A key of an interface text. */
export type TextKey = keyof typeof en;
/** The interface texts of one language. */
export type UiTexts = Record<TextKey, string>;
