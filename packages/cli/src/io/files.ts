import { createReadStream } from 'node:fs';
import { open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatOfName, memoryAtHand, type FileValidationResult, type Locale, type validateFileAsync, type ValidateFileOptions, type ValidationResult } from '@phx/schema';
import { describeFsError, InvalidInputError, UsageError } from '../errors.js';
import { placeOf, readAsHint } from '../report/human.js';
import { keepYoungGenerationCapped } from './young-generation.js';

/** The formats `phx convert` writes, and `--stdin-format` names. */
export type TextFormat = 'json' | 'ndjson' | 'csv';

/** A file (or standard input, named `-`) to read. */
export interface Input {
  /** The name shown to the user: the path as given, or `<stdin>`. */
  name: string;
  /** The path, or undefined for standard input. */
  path: string | undefined;
  /** The format when an option names it (standard input); otherwise the name and content tell it. */
  format: TextFormat | undefined;
  /** Size in bytes, when known. */
  size: number | undefined;
}

/** The formats `phx` writes. */
export type OutputFormat = TextFormat | 'xlsx';

/** The format of a file to write from its name, or a usage error naming the formats `phx` writes. */
export function requireFormat(name: string): OutputFormat {
  const format = formatOfName(name);
  if (format === 'json' || format === 'ndjson' || format === 'csv' || format === 'xlsx') return format;
  throw new UsageError('unsupported-file-type', { path: name });
}

/**
 * Expands arguments into inputs: globs (quoted, so that the shell leaves them) are matched, `-`
 * is standard input. A glob that matches nothing is a usage error, as is a missing file.
 */
export async function resolveInputs(args: readonly string[], stdinFormat: TextFormat | undefined): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ name: '<stdin>', path: undefined, format: stdinFormat, size: undefined });
      continue;
    }
    const paths = (await filesMatching(arg)) ?? [arg];
    if (paths.length === 0) throw new UsageError('no-match', { pattern: arg });
    for (const path of paths) {
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        throw describeFsError(error, path);
      }
      if (info.isDirectory()) throw describeFsError(Object.assign(new Error(), { code: 'EISDIR' }), path);
      inputs.push({ name: path, path, format: undefined, size: info.size });
    }
  }
  return inputs;
}

/**
 * The characters without which tinyglobby takes no argument for a pattern: picomatch's scan, which its
 * `isDynamicPattern()` asks, finds a glob only at one of them. tinyglobby is loaded only for an argument with one.
 */
export const MAY_BE_PATTERN = /[*?[{(!]/;

/** The files a pattern names, in order; `undefined` for an argument that is no pattern. */
async function filesMatching(arg: string): Promise<string[] | undefined> {
  if (!MAY_BE_PATTERN.test(arg)) return undefined;
  const { glob, isDynamicPattern } = await import('tinyglobby');
  return isDynamicPattern(arg) ? (await glob(arg, { onlyFiles: true, expandDirectories: false })).sort() : undefined;
}

/** The bytes of a whole input. */
export async function readAll(input: Input): Promise<Uint8Array> {
  try {
    if (input.path === undefined) {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
    return await readFile(input.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ERR_FS_FILE_TOO_LARGE' || error instanceof RangeError) throw tooLarge(input);
    throw describeFsError(error, input.name);
  }
}

/** The message for a file too large to hold as one string or buffer. */
function tooLarge(input: Input): InvalidInputError {
  return new InvalidInputError(`${input.name}: too large to read as one document; convert it to .phx.ndjson, which is read as a stream`);
}

/** What reading a file gives: its data, or the issues that kept it from being read, the first of them the one told. */
export type Read<Data> = Pick<ValidationResult<Data>, 'data' | 'issues'>;

/**
 * What a file beside the data holds (a mapping file, a source to import), read by `read` of @phx/schema
 * (`readText`, `readJsonDocument`) the way the data is read; its first problem, placed as `phx validate` places it
 * (its line and column, or a CSV file's row and column), is an {@link InvalidInputError} (exit code 1).
 *
 * @param encodingsIn - the language of a command that takes `--encoding`: a file in an encoding named is then
 *   followed by how to read it so, as `phx validate` follows it.
 */
export async function readBeside<Data>(input: Input, read: (bytes: Uint8Array) => Read<Data>, encodingsIn?: Locale): Promise<Data> {
  const { data, issues } = read(await readAll(input));
  if (data !== undefined) return data;
  // Something is always the matter with what gives no data.
  const issue = issues[0]!;
  const encoding = encodingsIn && issue.code === 'syntax.invalid-encoding' ? issue.params.encoding : null;
  throw new InvalidInputError(`${placeOf(input.name, issue)}: ${issue.message}`, encoding ? readAsHint(encodingsIn!, encoding) : undefined);
}

/**
 * A stream of the bytes of an input, counting them for a progress indicator; in the `phx` process, V8's space for new
 * objects is kept small while it is read ({@link keepYoungGenerationCapped}).
 */
export async function* streamOf(input: Input, onBytes: (bytes: number) => void = () => undefined): AsyncGenerator<Uint8Array> {
  const stream = input.path === undefined ? process.stdin : createReadStream(input.path);
  try {
    for await (const chunk of stream) {
      keepYoungGenerationCapped();
      onBytes((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  } catch (error) {
    throw describeFsError(error, input.name);
  }
}

/** The heap left when the first file is read, taken once: later, what earlier files left is garbage V8 collects when it needs the space, which the reader's default would count. */
let heapLeft: number | undefined;

/**
 * The memory a workbook, a CSV file or a `.phx.json` file read whole may take (`maxReadMemory` of @phx/schema): the
 * heap V8 allows this process, less what it held before reading files. A larger one is reported, where reading it
 * would end `phx` out of memory.
 */
export function readMemory(): number {
  return (heapLeft ??= memoryAtHand());
}

/**
 * Runs a step of the file pipeline of @phx/schema on an input: `validateFile` (the same verdict as
 * the page and the hub give) or `readRecords` (to convert it).
 */
export function onInput(
  input: Input,
  step: typeof validateFileAsync,
  options: Omit<ValidateFileOptions, 'name' | 'format'>,
  onBytes?: (bytes: number) => void,
): Promise<FileValidationResult> {
  // A file (not standard input) can be read again: then a .phx.json file is read piece by piece. Its size lets
  // the rules' tables be made for what it holds.
  const file = input.path !== undefined && { name: input.path, reopen: () => streamOf(input), size: input.size };
  return step(streamOf(input, onBytes), { maxReadMemory: readMemory(), ...options, ...file, ...(input.format && { format: input.format }) });
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, renamed into place at the end.
 */
export async function writeWhole(path: string, produce: (write: (chunk: string | Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  let handle;
  try {
    handle = await open(temporary, 'w');
  } catch (error) {
    // The folder may have gone since the outputs were checked.
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') await checkFolderOf(path);
    throw describeFsError(error, path);
  }
  try {
    const file = handle;
    let buffered = '';
    const write = async (chunk: string | Uint8Array): Promise<void> => {
      if (typeof chunk !== 'string') {
        await file.write(buffered);
        buffered = '';
        await file.write(chunk);
        return;
      }
      buffered += chunk;
      if (buffered.length >= 1 << 20) {
        await file.write(buffered);
        buffered = '';
      }
    };
    await produce(write);
    await file.write(buffered);
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    if (error instanceof UsageError || error instanceof InvalidInputError) throw error;
    throw describeFsError(error, path);
  }
}

/** Writes a small file, refusing to overwrite one unless asked. */
export async function writeNew(path: string, text: string, overwrite: boolean): Promise<void> {
  try {
    await writeFile(path, text, { flag: overwrite ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') throw new UsageError('exists-already', { path });
    throw describeFsError(error, path);
  }
}

/** Whether two paths name the same file: the same path, or (both existing) the same file by device and inode. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [first, second] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
}

/** Throws the usage error of an output whose folder does not exist, or is a file. */
async function checkFolderOf(output: string): Promise<void> {
  const folder = dirname(output);
  const info = await stat(folder).catch((error: unknown) => error as NodeJS.ErrnoException);
  if (info instanceof Error) throw info.code === 'ENOENT' ? new UsageError('no-such-folder', { path: output, folder }) : describeFsError(info, output);
  if (!info.isDirectory()) throw new UsageError('not-a-directory', { path: output });
}

/**
 * Checks, before anything is read or written, that each output's folder exists, that no output is one of the
 * inputs (never overwritten, even with `--force`) and that no output exists already unless `force`.
 */
export async function checkOutputs(outputs: readonly string[], inputs: readonly string[], force: boolean): Promise<void> {
  for (const output of outputs) {
    await checkFolderOf(output);
    for (const input of inputs) {
      if (await sameFile(output, input)) throw new UsageError('input-as-output', { path: output });
    }
    if (!force && (await stat(output).then(() => true, () => false))) throw new UsageError('exists-already', { path: output });
  }
}
