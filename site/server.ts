/**
 * A small static file server for the built site (npm start, the end-to-end
 * tests): files under one folder, on 127.0.0.1 only, with the content types a
 * browser needs for modules and workers. No directory listings, nothing
 * outside the folder (a path that climbs out is refused), no caching headers
 * that would keep a rebuilt demo stale.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface SiteServer {
  /** "http://127.0.0.1:4173/" */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `folder` on 127.0.0.1:`port` (0: any free port; a busy port: the next free one up to 20 further). */
export async function startSiteServer(folder: string, port = 0): Promise<SiteServer> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
        let file = normalize(join(root, path));
        if (file !== root && !file.startsWith(root + sep)) {
          response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden');
          return;
        }
        const info = await stat(file).catch(() => undefined);
        if (info?.isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file).catch(() => undefined);
        if (body === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
        response.writeHead(200, {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
      }
    })();
  });
  const port0 = await listen(server, port, port === 0 ? 0 : 20);
  return {
    url: `http://127.0.0.1:${port0}/`,
    port: port0,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function listen(server: Server, port: number, triesLeft: number): Promise<number> {
  return new Promise((done, fail) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' && triesLeft > 0) done(listen(server, port + 1, triesLeft - 1));
      else fail(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}
