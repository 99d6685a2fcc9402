import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_MEDIA_TYPE } from '@phx/schema/api';
import { corsAnswerHeaders } from './cors.js';
import { acceptedLocale, newRequestId } from './context.js';
import { Problem } from './problem.js';
import { SECURITY_HEADERS } from './web.js';

/**
 * Answers, as problem+json, the requests that Node's HTTP server refuses before the app answers them: headers
 * or URL too large (431), a request whose headers or body take longer than the server's `requestTimeout` to
 * arrive (408), or one that is not HTTP (400). Each answer carries a request id (the app's, when the app got the
 * request; else a new one), the headers of every answer of the app ({@link SECURITY_HEADERS}) and, for a hub that allows `corsOrigins`, the CORS headers of the
 * request's origin when it is known.
 */
export function answerRefusedRequests(server: Server, corsOrigins: readonly string[]): void {
  // The latest request of each connection, and the app's answer to it.
  const exchanges = new WeakMap<Duplex, { request: IncomingMessage; response: ServerResponse }>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => exchanges.set(request.socket, { request, response }));
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const exchange = exchanges.get(socket);
    // The app got the request and its body was still arriving (its time ran out, its chunks are malformed).
    const reading = exchange !== undefined && !exchange.request.complete;
    // An answer the app began, to this request or to the one before it on the connection, would be corrupted by another.
    const answering = exchange !== undefined && (reading ? exchange.response.headersSent : !exchange.response.writableEnded);
    // A client that reset the connection reads nothing.
    if (!socket.writable || answering || (error.code === 'ECONNRESET' && socket.destroyed)) return void socket.destroy();
    // A request refused while its headers were read (too large, not HTTP, too slow) was never parsed: there is no
    // path, no language and no Origin, so no CORS header can be sent, and a browser keeps the answer from the script.
    const request = reading ? exchange.request : undefined;
    const problem =
      error.code === 'HPE_HEADER_OVERFLOW' ? new Problem('headers-too-large', 'The request headers (or the URL) are too large.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? new Problem('request-timeout', 'The request took too long to arrive.')
      : new Problem('bad-request', 'The request is not valid HTTP.');
    // A request the app got has the id the app logs it by.
    const assigned = reading ? exchange.response.getHeader('X-Request-Id') : undefined;
    const id = typeof assigned === 'string' ? assigned : newRequestId();
    const path = request ? new URL(request.url ?? '/', 'http://hub').pathname : undefined;
    const body = JSON.stringify(problem.document(path, id, acceptedLocale(request?.headers['accept-language'])));
    const headers = {
      'Content-Type': PROBLEM_MEDIA_TYPE,
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
      'X-Request-Id': id,
      ...SECURITY_HEADERS,
      ...(corsOrigins.length > 0 ? corsAnswerHeaders(corsOrigins, request?.headers.origin) : {}),
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${head}\r\n${body}`);
  });
}
