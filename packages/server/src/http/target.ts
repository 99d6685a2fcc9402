import type { MiddlewareHandler } from 'hono';
import { operations } from '@phx/schema/api';
import type { HubEnv } from './context.js';
import { Problem } from './problem.js';

/** An operation of the contract as a request is matched to it: its method, its path as a pattern, the query parameters it takes. */
interface Target {
  method: string;
  pattern: RegExp;
  /** What the messages call it: the last segment of a path without parameters (`observations`, `export`), else method and path. */
  name: string;
  parameters: readonly string[];
}

const targets: Target[] = operations.map((operation) => ({
  method: operation.method.toUpperCase(),
  pattern: new RegExp(`^${operation.path.replace(/\{\w+\}/g, '[^/]+')}$`),
  name: operation.path.includes('{') ? `${operation.method.toUpperCase()} ${operation.path}` : operation.path.slice(operation.path.lastIndexOf('/') + 1),
  parameters: operation.query ? Object.keys(operation.query.shape) : [],
}));

/** The order {@link allowedMethods} lists methods in. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The methods the operations of the contract take on a path (HEAD with GET), in a fixed order; none for a path
 * that is not one of the API's.
 */
export function allowedMethods(path: string): string[] {
  const methods = new Set(targets.filter((target) => target.pattern.test(path)).map((target) => target.method));
  if (methods.has('GET')) methods.add('HEAD');
  return METHOD_ORDER.filter((method) => methods.has(method));
}

/** U+0000 written in a URL: no other escape, nor the raw byte (which Node refuses), stands for it. */
const ENCODED_NUL = /%00/i;

/**
 * Checks what a request asks for before any route reads it, for every operation of the contract: each query
 * parameter must be one the operation takes (none for a record's own path), given once (which of two would
 * count?), and hold no U+0000; a path holding U+0000 names nothing on the hub (404) — no id and no route holds one,
 * and PostgreSQL cannot even compare text with it. Requests for anything else (the page, its assets) pass.
 */
export function requestTarget(): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const path = c.req.path;
    if (ENCODED_NUL.test(new URL(c.req.url).pathname) || path.includes('\u0000')) {
      throw new Problem('not-found', `There is no ${c.req.method} ${path.replaceAll('\u0000', '\\u0000')} here: no path of the hub holds U+0000.`);
    }
    const target = targets.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (target) {
      for (const [name, values] of Object.entries(c.req.queries())) {
        if (!target.parameters.includes(name)) {
          throw new Problem(
            'bad-request',
            target.parameters.length > 0
              ? `Unknown query parameter "${name}" for ${target.name}; known: ${target.parameters.join(', ')}.`
              : `Unknown query parameter "${name}" for ${target.name}, which takes none.`,
          );
        }
        if (values.length > 1) throw new Problem('bad-request', `The query parameter "${name}" is given ${values.length} times; give it once.`);
        if (values.some((value) => value.includes('\u0000'))) throw new Problem('bad-request', `The query parameter "${name}" holds U+0000, which no value the hub takes does.`);
      }
    }
    await next();
  };
}
