import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** A request the server received: what a page could have sent it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  /** Bytes of body received. */
  bodyBytes: number;
}

/** A running static server of a folder under a path prefix, and every request it received. */
export interface StaticServer {
  /** The page's URL, e.g. `http://127.0.0.1:39017/tools/phx/`. */
  url: string;
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Serves a folder over 127.0.0.1 on a random port, under `prefix`: a page built with relative asset
 * URLs must work from any path. Logs each request, body size included.
 */
export async function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const entry: ReceivedRequest = { method: request.method ?? '', url: request.url ?? '', bodyBytes: 0 };
    received.push(entry);
    request.on('data', (chunk: Buffer) => (entry.bodyBytes += chunk.length));
    request.on('end', async () => {
      const path = decodeURIComponent(new URL(entry.url, 'http://localhost').pathname);
      if (entry.method !== 'GET' || !path.startsWith(prefix)) return void response.writeHead(404).end();
      const relative = normalize(path.slice(prefix.length) || 'index.html');
      if (relative.startsWith('..')) return void response.writeHead(403).end();
      const file = join(root, relative.endsWith('/') ? join(relative, 'index.html') : relative);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
      createReadStream(file).pipe(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    received,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
