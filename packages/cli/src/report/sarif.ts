import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { issueCodes, type IssueCode, type Severity, type ValidationIssue } from '@phx/schema';
import { shownIssues, truncationNote, type FileReport, type RunReport } from './types.js';

/** SARIF's level of a severity: an info note is a SARIF `note`. */
function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

/** Where the rule codes are documented. */
const RULES_HELP_URL = 'https://github.com/phx-network/phx/blob/main/docs/validation-rules.md';
const INFORMATION_URL = 'https://github.com/phx-network/phx/tree/main/packages/cli';

/** A file's URI relative to the repository root (`%SRCROOT%`, the working directory). */
function uriOf(file: string): string {
  return relative(process.cwd(), file).split(sep).map(encodeURIComponent).join('/');
}

/** `schema.invalid-type` → `SchemaInvalidType`: SARIF names rules in Pascal case. */
function ruleName(code: string): string {
  return code.split(/[.-]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Where an issue is in the file's text: a CSV cell where its text starts; none in a workbook, whose file is not text. */
function regionOf(issue: ValidationIssue): { startLine: number; startColumn: number } | undefined {
  const location = issue.location && 'row' in issue.location ? issue.location.text : issue.location;
  return location && { startLine: location.line, startColumn: location.column };
}

/** The logical places of an issue: its JSON Pointer, and on a sheet of a workbook its cell (`observations!C5`). */
function logicalLocationsOf(issue: ValidationIssue): object[] {
  const logical: object[] = [];
  if (issue.pointer !== '') logical.push({ fullyQualifiedName: issue.pointer, kind: 'member' });
  const location = issue.location;
  if (location && 'sheet' in location && location.sheet !== undefined) logical.push({ name: location.cell, fullyQualifiedName: `${location.sheet}!${location.cell}`, kind: 'element' });
  return logical;
}

function locationsOf(file: FileReport, issue?: ValidationIssue): object[] {
  if (file.file === '<stdin>') return [];
  const region = issue && regionOf(issue);
  const logical = issue ? logicalLocationsOf(issue) : [];
  return [
    {
      physicalLocation: { artifactLocation: { uri: uriOf(file.file), uriBaseId: '%SRCROOT%' }, ...(region ? { region } : {}) },
      ...(logical.length > 0 ? { logicalLocations: logical } : {}),
    },
  ];
}

/**
 * Renders a run as a SARIF 2.1.0 log, so that code-scanning tools show the issues of data files
 * kept in a repository. Each issue code is a rule; a file whose issues are not all listed (at
 * `--max-issues`) gets a tool notification that says how far checking got.
 */
export function renderSarif(run: RunReport, version: string): string {
  const used: IssueCode[] = [];
  const indexOf = new Map<IssueCode, number>();
  const results: object[] = [];
  const notifications: object[] = [];
  for (const file of run.files) {
    const note = truncationNote(file, run.locale);
    if (note) notifications.push({ level: 'warning', message: { text: sentence(`${file.file}: ${note}`) }, locations: locationsOf(file) });
    for (const issue of shownIssues(run, file)) {
      let ruleIndex = indexOf.get(issue.code);
      if (ruleIndex === undefined) {
        ruleIndex = used.push(issue.code) - 1;
        indexOf.set(issue.code, ruleIndex);
      }
      results.push({
        ruleId: issue.code,
        ruleIndex,
        level: sarifLevel(issue.severity),
        message: { text: sentence(issue.message) },
        locations: locationsOf(file, issue),
      });
    }
  }
  const rules = used.map((code) => ({
    id: code,
    name: ruleName(code),
    shortDescription: { text: sentence(issueCodes[code].summary) },
    fullDescription: { text: sentence(issueCodes[code].summary) },
    helpUri: `${RULES_HELP_URL}#${code.replace(/\./g, '')}`,
    defaultConfiguration: { level: sarifLevel(issueCodes[code].severity) },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'phx', semanticVersion: version, informationUri: INFORMATION_URL, rules } },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(process.cwd()).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
