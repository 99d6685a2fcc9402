/**
 * A real HTTP proxy on 127.0.0.1 in front of a hub that misbehaves as networks and gateways do:
 * it answers 503 or 429 itself, drops connections before or after the hub has answered, and holds
 * requests or answers past the client's timeout. Faults are drawn from a seeded generator, so a
 * run can be repeated.
 */
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** What the proxy does with one request. */
export type Fault =
  | 'pass'
  | 'unavailable' // 503 from the proxy, the hub never sees the request
  | 'rate-limited' // 429 with Retry-After: 1, the hub never sees the request
  | 'drop-before' // the connection is cut before the request reaches the hub
  | 'drop-after' // the hub answers, the connection is cut before the answer reaches the client
  | 'gateway-error-after' // the hub answers, the client gets a 502 instead
  | 'slow-request' // the request reaches the hub only after the client's timeout
  | 'slow-answer'; // the hub answers at once, the answer reaches the client after its timeout

export interface Proxy {
  url: string;
  /** How often each fault was injected. */
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Sends the request on to the hub and returns its answer, read whole. */
function toHub(target: URL, request: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = forward(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: { ...request.headers, host: target.host, connection: 'close' } },
      (answer) => void bodyOf(answer).then((answerBody) => resolve({ status: answer.statusCode!, headers: answer.headers, body: answerBody }), reject),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Starts a proxy to `hubUrl`: each request meets a fault with the probability `faults` gives it
 * (the rest pass), and slow faults wait `delayMs`. Given several hubs, it sends each request to the
 * next in turn, as a load balancer does.
 */
export async function startProxy(
  hubUrl: string | string[],
  options: { seed: number; faults: Partial<Record<Exclude<Fault, 'pass'>, number>>; delayMs: number },
): Promise<Proxy> {
  const targets = [hubUrl].flat().map((url) => new URL(url));
  let turn = 0;
  // Seeded: the same seed gives the same faults.
  const generator = xoroshiro128plus(options.seed);
  const counts = { pass: 0, unavailable: 0, 'rate-limited': 0, 'drop-before': 0, 'drop-after': 0, 'gateway-error-after': 0, 'slow-request': 0, 'slow-answer': 0 };
  const draw = (): Fault => {
    let roll = uniformFloat64(generator);
    for (const [fault, probability] of Object.entries(options.faults) as [Fault, number][]) {
      if ((roll -= probability) < 0) return fault;
    }
    return 'pass';
  };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await bodyOf(request);
    const target = targets[turn++ % targets.length]!;
    const fault = draw();
    counts[fault]++;
    const reply = (answer: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }) => {
      if (response.destroyed) return;
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    };
    switch (fault) {
      case 'unavailable':
        return reply({ status: 503, headers: { 'content-type': 'text/html' }, body: Buffer.from('<h1>503 Service Unavailable</h1>') });
      case 'rate-limited':
        return reply({ status: 429, headers: { 'content-type': 'text/plain', 'retry-after': '1' }, body: Buffer.from('Too Many Requests') });
      case 'drop-before':
        return void response.socket?.destroy();
      case 'slow-request':
        await sleep(options.delayMs);
        return reply(await toHub(target, request, body));
      case 'drop-after':
        await toHub(target, request, body);
        return void response.socket?.destroy();
      case 'gateway-error-after':
        await toHub(target, request, body);
        return reply({ status: 502, headers: { 'content-type': 'text/html' }, body: Buffer.from('<h1>502 Bad Gateway</h1>') });
      case 'slow-answer': {
        const answer = await toHub(target, request, body);
        await sleep(options.delayMs);
        return reply(answer);
      }
      default:
        return reply(await toHub(target, request, body));
    }
  };
  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => response.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
