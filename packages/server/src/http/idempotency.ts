import { sha256 } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import type { HubContext } from './context.js';
import { Problem } from './problem.js';

/** A successful response of a write, before it is sent. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Longest Idempotency-Key accepted. */
const MAX_KEY_LENGTH = 255;

/** Sends a reply as JSON. */
export function send(c: HubContext, reply: { status: number; body: string; headers?: Record<string, string> }): Response {
  return new Response(reply.body, {
    status: reply.status,
    headers: { 'Content-Type': 'application/json', ...reply.headers },
  });
}

/**
 * Runs a write once per Idempotency-Key: the write and the response it produced commit in one
 * transaction, and a replay of the same request returns that response without writing again.
 * A key reused for a different request is refused. Failures are not kept, so a retry can succeed.
 */
export function idempotent(c: HubContext, store: Store, requestText: string, write: () => Reply): Response {
  const key = c.req.header('Idempotency-Key');
  const run = (): { status: number; body: string; headers: Record<string, string> } => {
    const reply = write();
    return { status: reply.status, body: JSON.stringify(reply.body), headers: reply.headers ?? {} };
  };
  if (key === undefined) return send(c, store.transaction(run));
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new Problem(400, 'bad-request', `An Idempotency-Key has 1 to ${MAX_KEY_LENGTH} characters.`);
  }
  const principal = c.get('principal');
  const requestHash = sha256(`${c.req.method} ${c.req.path}\n${requestText}`);
  return send(
    c,
    store.transaction(() => {
      const previous = store.response(principal, key);
      if (previous) {
        if (previous.requestHash !== requestHash) {
          throw new Problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different request; use a new key for a new request.');
        }
        return { ...previous, headers: { ...previous.headers, 'Idempotent-Replayed': 'true' } };
      }
      const reply = run();
      store.saveResponse(principal, key, { requestHash, ...reply });
      return reply;
    }),
  );
}
