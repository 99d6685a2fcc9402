import { sha256 } from '../store/store.js';
import type { Store, TransactionOptions } from '../store/types.js';
import type { HubContext } from './context.js';
import { Problem } from './problem.js';

/** A successful response of a write, before it is sent. */
export interface Reply {
  status: number;
  /** JSON text, or null for no body. */
  body: string | null;
  headers?: Record<string, string>;
}

/** Longest Idempotency-Key accepted. */
const MAX_KEY_LENGTH = 255;

function send(reply: Reply): Response {
  return new Response(reply.body, {
    status: reply.status,
    headers: { ...(reply.body === null ? {} : { 'Content-Type': 'application/json' }), ...reply.headers },
  });
}

/**
 * Runs a write in one transaction. With an Idempotency-Key (POSTs), the response is stored in the
 * same transaction, and a replay of the same request returns it without writing again; a key
 * reused for a different request is refused. Failures are not kept, so a retry can succeed.
 * `options` say how the transaction runs (a package import is a bulk write). `current` gives a kept body the form the
 * operation answers with now, for one kept by an earlier version of the hub.
 */
export async function write(
  c: HubContext,
  store: Store,
  requestText: string,
  work: (tx: Store) => Promise<Reply>,
  options?: TransactionOptions,
  current: (body: string) => string = (body) => body,
): Promise<Response> {
  const key = c.req.method === 'POST' ? c.req.header('Idempotency-Key') : undefined;
  if (key === undefined) return send(await store.transaction(work, options));
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new Problem('bad-request', `An Idempotency-Key has 1 to ${MAX_KEY_LENGTH} characters.`);
  }
  const principal = c.get('principal');
  const requestHash = sha256(`${c.req.method} ${c.req.path}\n${requestText}`);
  return send(
    await store.transaction(async (tx) => {
      const previous = await tx.response(principal, key);
      if (previous) {
        if (previous.requestHash !== requestHash) {
          throw new Problem('idempotency-key-reused', 'This Idempotency-Key was used for a different request; use a new key for a new request.');
        }
        return { status: previous.status, body: current(previous.body), headers: { ...previous.headers, 'Idempotent-Replayed': 'true' } };
      }
      const reply = await work(tx);
      await tx.saveResponse(principal, key, { requestHash, status: reply.status, body: reply.body ?? '', headers: reply.headers ?? {} });
      return reply;
    }, options),
  );
}
