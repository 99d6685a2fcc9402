/**
 * A file's text read again as the check read it, in the encoding its result names: loaded only for a file read in
 * another encoding than UTF-8, as most files are UTF-8.
 */
import { textDecoding, type TextDecoding } from '@phx/schema';

/** No head to judge: the check judged the file's own, and named the encoding it read the file in. */
const NO_HEAD = new Uint8Array(0);

/**
 * How the check read a file it names as read in `encoding` (`read.encoding`, never UTF-8): from any line start of it,
 * each line of a single-byte encoding that is UTF-8 (pasted from a UTF-8 file) read as UTF-8, Windows-1252's
 * punctuation as the Encoding Standard maps it.
 */
export function decodingOf(encoding: string): TextDecoding {
  return textDecoding(encoding, NO_HEAD)!;
}

/** The bytes of a stream, from a line start of a file read in `encoding`, as UTF-8. */
export function utf8Stream(bytes: ReadableStream<Uint8Array>, encoding: string): ReadableStream<Uint8Array> {
  const transcoder = decodingOf(encoding).transcoder();
  return bytes.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => controller.enqueue(transcoder.push(chunk)),
      flush: (controller) => controller.enqueue(transcoder.end()),
    }),
  );
}
