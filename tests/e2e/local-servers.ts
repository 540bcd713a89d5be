/**
 * Two tiny HTTP servers on 127.0.0.1 used by the end-to-end harness.
 *
 * - The network sink is the browser's proxy. Chromium sends every request for a
 *   non-loopback host through it, whichever part of the browser made it (page,
 *   service worker, worker, or the browser process itself), so it sees traffic
 *   that no DevTools target reports. It answers 403 and never forwards: no test
 *   can reach the internet. Chromium's own Google sign-in and GCM endpoints are
 *   pointed straight at it (see harness.ts); those direct requests are kept
 *   apart, because Chromium makes them whatever extension runs.
 * - The probe server is a plain local origin a test may fetch on purpose.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const CHROMIUM_INTERNAL_PATH = '/__chromium-internal/';

export interface SinkHit {
  /** What the browser asked for: a full URL, or `https://host:port/` for a CONNECT tunnel. */
  url: string;
  method: string;
}

export interface NetworkSink {
  /** `http://127.0.0.1:PORT`, to pass as the browser's proxy server. */
  origin: string;
  /** Called for every request the browser sent through the proxy. */
  onHit(listener: (hit: SinkHit) => void): void;
  /** Requests Chromium made to its redirected internal endpoints (sign-in, GCM). */
  chromiumInternal: SinkHit[];
  close(): Promise<void>;
}

export interface ProbeServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Paths (with query) requested so far, in order. */
  hits: string[];
  close(): Promise<void>;
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function closeServer(server: http.Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

function trackSockets(server: http.Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

export async function startNetworkSink(): Promise<NetworkSink> {
  const listeners: Array<(hit: SinkHit) => void> = [];
  const chromiumInternal: SinkHit[] = [];
  const emit = (hit: SinkHit) => listeners.forEach((l) => l(hit));

  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    const method = req.method ?? 'GET';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
      // A proxied request carries its absolute URL.
      emit({ url: target, method });
      res.statusCode = 403;
    } else {
      // A direct request: only Chromium's redirected internal endpoints know this port.
      chromiumInternal.push({ url: target, method });
      res.statusCode = 404;
    }
    res.setHeader('connection', 'close');
    res.end('blocked by the Strata test harness: no network in tests');
  });
  server.on('connect', (req, socket) => {
    emit({ url: `https://${req.url ?? ''}/`, method: 'CONNECT' });
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  const sockets = trackSockets(server);
  const origin = await listen(server);
  return {
    origin,
    onHit: (listener) => void listeners.push(listener),
    chromiumInternal,
    close: () => closeServer(server, sockets),
  };
}

/** A local origin answering `probe <path>` to any request, readable cross-origin. */
export async function startProbeServer(): Promise<ProbeServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('content-type', 'text/plain');
    res.end(`probe ${req.url ?? ''}`);
  });
  const sockets = trackSockets(server);
  const origin = await listen(server);
  return { origin, hits, close: () => closeServer(server, sockets) };
}
