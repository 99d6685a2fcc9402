/**
 * The engine of the page: a Web Worker that checks files with @phx/schema, off the page's thread so
 * the page stays responsive on large files. Files are read here, from the computer; nothing is sent
 * anywhere.
 */
import { formatIssueAsync } from '@phx/schema';
import { checkFile, packageFile, type CheckedFile } from './checks.js';
import { withCoverage } from './exportable.js';
import { EngineError, type EngineRequest, type EngineResults, type FileSummary, type RequestMessage, type ResponseMessage, type ValidateEvent } from './protocol.js';
import { recordView } from './records.js';
import { Reporter } from './report.js';

interface WorkerScope {
  postMessage(message: ResponseMessage): void;
  onmessage: ((event: MessageEvent<RequestMessage>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

/** The files of the last check, kept to show their records. */
let checkedFiles: CheckedFile[] = [];

async function validateFiles({ files, locale, encodings = [], dateOrder, suppressionThreshold, maxReadMemory }: Extract<EngineRequest, { op: 'validate' }>, emit: (event: ValidateEvent) => void): Promise<FileSummary[]> {
  checkedFiles = [];
  const summaries: FileSummary[] = [];
  for (const [index, file] of files.entries()) {
    emit({ kind: 'start', file: index, name: file.name, size: file.size });
    const checked: CheckedFile = { file, dateOrder, suppressionThreshold, maxReadMemory };
    checkedFiles[index] = checked;
    summaries.push(await checkFile(checked, locale, new Reporter(index, emit), encodings[index]));
  }
  return summaries;
}

async function handle(request: EngineRequest, emit: (event: ValidateEvent) => void): Promise<EngineResults[keyof EngineResults]> {
  switch (request.op) {
    case 'validate':
      return (await validateFiles(request, emit)).map((summary, file) => withCoverage(summary, checkedFiles[file]));
    case 'record':
      return recordView(checkedFiles[request.issue.file], request.issue);
    // Through the languages loaded so far: a language's messages load the first time they are asked for.
    case 'messages':
      return Promise.all(request.issues.map((issue) => formatIssueAsync(issue, request.locale)));
    // The catalogue's names and descriptions, the codelists' labels and the rules' summaries load only when the
    // reference is first shown: checking files never needs them.
    case 'reference':
      return (await import('./reference.js')).reference(request.locale);
    case 'convert':
      return packageFile(checkedFiles[request.file], request.to, request.locale);
    // The exporters load only when first asked for: checking files never fetches them.
    case 'export':
      return (await import('./interop.js')).exportFiles(checkedFiles[request.file], request.target, request.locale);
    case 'notes':
      return (await import('./interop.js')).noteViews(request.notes, request.locale);
    case 'gam':
      return (await import('./interop.js')).gamView(checkedFiles[request.file], request.country, request.year, request.locale);
  }
}

scope.onmessage = ({ data: { id, request } }) => {
  handle(request, (event) => scope.postMessage({ id, event })).then(
    (result) => scope.postMessage({ id, result }),
    (error: unknown) =>
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error), ...(error instanceof EngineError && { problem: error.problem }) }),
  );
};
