import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_MEDIA_TYPE } from '@phx/schema/api';
import { Problem } from './problem.js';

/**
 * Answers, as problem+json, a request that Node's HTTP parser refused before the app saw it: headers
 * or URL too large (431), a request too slow to arrive (408), or one that is not HTTP (400).
 */
export function answerRefusedRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (error.code === 'ECONNRESET' && socket.destroyed)) return void socket.destroy();
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW' ? new Problem('headers-too-large', 'The request headers (or the URL) are too large.')
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? new Problem('request-timeout', 'The request took too long to arrive.')
    : new Problem('bad-request', 'The request is not valid HTTP.');
  const { status } = problem;
  // The request was never read: no path, no id, no language to answer in.
  const body = JSON.stringify(problem.document('', undefined, 'en'));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n` +
      `X-Content-Type-Options: nosniff\r\n\r\n${body}`,
  );
}
