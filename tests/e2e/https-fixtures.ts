/**
 * Capture end-to-end tests: the saved dashboard fixtures (tests/fixtures/capture)
 * served over HTTPS at the real sites' hosts and paths, so the capture content
 * script's real `matches` patterns fire in real Chromium.
 *
 * - One local HTTPS server on 127.0.0.1 answers for every fixture host; its
 *   certificate is self-signed, made with `openssl` in a temporary folder at
 *   start and thrown away at close.
 * - Chromium is told `--host-resolver-rules=MAP <host> 127.0.0.1:<port>` for
 *   each fixture host only, sends those hosts past the harness's network sink
 *   (`--proxy-bypass-list`), and accepts the certificate
 *   (`--ignore-certificate-errors`). Every other host still goes to the sink,
 *   where any request is recorded and refused.
 * - The extension is the end-to-end build (`STRATA_E2E_GRANT_HOSTS=1 npx wxt
 *   build` → .output/e2e-chrome-mv3): granted the supported hosts at install,
 *   with a static content_scripts entry, because a browser under test cannot
 *   answer a permission prompt. The shipped build never has either.
 *
 * - A saved page that loads an image from the real site's CDN gets it from
 *   here too (an asset route), so the page's own request stays local.
 *
 * `assertOnlyFixturePagesFetched` is the network check for these tests: the
 * fixture hosts are allowed only for the pages' own navigations and assets;
 * anything else, and anything the extension fetches, fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import { AssertionError } from 'node:assert';
import type { Frame, Page } from 'playwright-core';
import { assertNoForeignRequests, launchExtension, REPO_ROOT, waitUntil, type ExtensionHarness, type LaunchOptions } from './harness';

/** The end-to-end build with the supported hosts granted at install (never the shipped folder). */
export const CAPTURE_EXTENSION_DIR =
  process.env['STRATA_E2E_CAPTURE_EXTENSION_DIR'] ?? path.join(REPO_ROOT, '.output/e2e-chrome-mv3');

export const CAPTURE_FIXTURES_DIR = path.join(REPO_ROOT, 'tests/fixtures/capture');

/** A page: a fixture file served at the real site's host and path. */
export interface FixturePageRoute {
  /** The real site's host, e.g. "digital.fidelity.com". */
  host: string;
  /** The real page's path, e.g. "/ftgw/digital/portfolio/summary" (a query string is ignored when serving). */
  path: string;
  /** The page, relative to tests/fixtures/capture, e.g. "fidelity/a.html". */
  file: string;
}

/**
 * Something a fixture page itself loads from another host, as the real page
 * does (Amazon's logo from its CDN): served here, so the page's own request
 * stays on this machine and is told apart from anything the extension does.
 */
export interface FixtureAssetRoute {
  host: string;
  path: string;
  body: string;
  contentType: string;
}

export type FixtureRoute = FixturePageRoute | FixtureAssetRoute;

/** An empty image, for fixture pages' logos. */
export const EMPTY_SVG = { body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', contentType: 'image/svg+xml' };

/** One request the fixture server answered, with what the browser said it was for. */
export interface FixtureHit {
  host: string;
  /** Path with query string. */
  url: string;
  method: string;
  /** Sec-Fetch-Mode / Sec-Fetch-Dest as sent: "navigate"/"document" for a page load. */
  mode: string;
  dest: string;
  status: number;
  /** What was served: a page, a page's asset, or nothing (404). */
  served: 'page' | 'asset' | null;
}

export interface HttpsFixtureServer {
  port: number;
  hosts: string[];
  routes: readonly FixtureRoute[];
  /** Every request answered so far, in order. */
  hits: FixtureHit[];
  /** The Chromium switches that send the fixture hosts (and only them) here. */
  chromiumArgs: string[];
  /** `https://<host><path>` as the browser sees it. */
  url(host: string, pagePath: string): string;
  close(): Promise<void>;
}

function makeSelfSignedCertificate(hosts: readonly string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'strata-e2e-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    const altNames = hosts.map((h) => `DNS:${h}`).join(',');
    try {
      execFileSync(
        'openssl',
        [
          'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
          '-days', '2', '-subj', '/CN=strata-e2e-fixtures', '-addext', `subjectAltName=${altNames}`,
          '-keyout', keyFile, '-out', certFile,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      throw new Error(
        `Could not make the fixture server's throwaway certificate with openssl (${String(error)}). ` +
          'Install it: sudo apt-get install -y openssl',
      );
    }
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function header(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** Serves each route's fixture at its host and path over HTTPS on 127.0.0.1; anything else is a 404. */
export async function startHttpsFixtureServer(routes: readonly FixtureRoute[]): Promise<HttpsFixtureServer> {
  const hosts = [...new Set(routes.map((r) => r.host.toLowerCase()))];
  const served = new Map(
    routes.map((r) => [
      `${r.host.toLowerCase()}${r.path}`,
      'file' in r
        ? { kind: 'page' as const, body: readFileSync(path.join(CAPTURE_FIXTURES_DIR, r.file)), contentType: 'text/html; charset=utf-8' }
        : { kind: 'asset' as const, body: Buffer.from(r.body), contentType: r.contentType },
    ]),
  );
  const hits: FixtureHit[] = [];
  const server = https.createServer(makeSelfSignedCertificate(hosts), (req, res) => {
    const host = header(req.headers.host).replace(/:\d+$/, '').toLowerCase();
    const url = req.url ?? '/';
    const found = req.method === 'GET' ? served.get(`${host}${url.split(/[?#]/)[0]}`) : undefined;
    hits.push({
      host,
      url,
      method: req.method ?? 'GET',
      mode: header(req.headers['sec-fetch-mode']),
      dest: header(req.headers['sec-fetch-dest']),
      status: found ? 200 : 404,
      served: found?.kind ?? null,
    });
    res.setHeader('cache-control', 'no-store');
    if (!found) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain');
      res.end('not a fixture');
      return;
    }
    res.setHeader('content-type', found.contentType);
    res.end(found.body);
  });
  const sockets = new Set<Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hosts,
    routes,
    hits,
    chromiumArgs: [
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
      `--proxy-bypass-list=${hosts.join(';')}`,
      '--ignore-certificate-errors',
    ],
    url: (host, pagePath) => `https://${host}${pagePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface CaptureHarness {
  harness: ExtensionHarness;
  fixtures: HttpsFixtureServer;
  close(): Promise<void>;
}

/** The fixture server plus the end-to-end build in Chromium, pointed at it. */
export async function launchWithFixtures(routes: readonly FixtureRoute[], options: LaunchOptions = {}): Promise<CaptureHarness> {
  const fixtures = await startHttpsFixtureServer(routes);
  let harness: ExtensionHarness;
  try {
    harness = await launchExtension({
      extensionDir: CAPTURE_EXTENSION_DIR,
      ...options,
      extraArgs: [...fixtures.chromiumArgs, ...(options.extraArgs ?? [])],
    });
  } catch (error) {
    await fixtures.close();
    throw error;
  }
  harness.context.setDefaultTimeout(10_000);
  return {
    harness,
    fixtures,
    close: async () => {
      await harness.close();
      await fixtures.close();
    },
  };
}

/**
 * The network check for capture tests:
 * - a request for a fixture host is allowed only when a page on a fixture host
 *   made it (never the service worker or an extension page), it was not sent
 *   toward the internet (the sink saw nothing of it), and the fixture server
 *   got it as a page navigation (Sec-Fetch-Mode "navigate") for a page it
 *   serves, or as the page's own image/style asset it serves — a fetch() or
 *   XHR by the content script, which runs in the page, has Sec-Fetch-Dest
 *   "empty" and fails here; the browser's own favicon probe is the one other
 *   request allowed;
 * - every other request must be data:, blob: or this extension's own
 *   (assertNoForeignRequests).
 */
export function assertOnlyFixturePagesFetched(harness: ExtensionHarness, fixtures: HttpsFixtureServer): void {
  const fixtureOrigins = fixtures.hosts.map((h) => `https://${h}`);
  const onFixtureHost = (url: string) => fixtureOrigins.some((o) => url === o || url.startsWith(`${o}/`) || url.startsWith(`${o}?`));
  const problems: string[] = [];
  for (const request of harness.requests) {
    if (!onFixtureHost(request.url)) continue;
    // A page's navigation is attributed to the document it leaves: a fixture page, or a new tab's about:blank.
    const document = request.from.replace(/^(page|iframe) /, '');
    const fromFixturePage = /^(page|iframe) /.test(request.from) && (document === 'about:blank' || onFixtureHost(document));
    if (request.seenBy === 'proxy' || !fromFixturePage) {
      problems.push(`${request.method} ${request.url} seen by ${request.seenBy} from ${request.from}`);
    }
  }
  for (const hit of fixtures.hits) {
    const navigation = hit.served === 'page' && hit.mode === 'navigate' && hit.dest === 'document';
    const asset = hit.served === 'asset' && hit.mode !== 'navigate' && hit.dest !== 'empty';
    const favicon = hit.url === '/favicon.ico' && hit.dest === 'image';
    if (!navigation && !asset && !favicon) {
      problems.push(`the fixture server got ${hit.method} https://${hit.host}${hit.url} (mode ${hit.mode || '?'}, dest ${hit.dest || '?'}, ${hit.status})`);
    }
  }
  if (problems.length > 0) {
    throw new AssertionError({ message: `requests to the fixture hosts other than the pages' own navigations:\n  ${problems.join('\n  ')}` });
  }
  assertNoForeignRequests(
    harness.requests.filter((r) => !onFixtureHost(r.url)),
    [harness.extensionOrigin],
  );
}

// ------------------------------------------------------ the overlay in a page

/** The part of a capture-overlay.html URL after "#": the key Strata's content script put there, if any. */
function overlayKey(frame: Frame): string | null {
  const url = frame.url();
  if (!url.includes('/capture-overlay.html')) return null;
  return new URLSearchParams(url.split('#')[1] ?? '').get('k');
}

/**
 * Strata's overlay frame in `page` (it sits in a closed shadow root, so only
 * the browser's frame tree finds it), waiting until it lists its figures or
 * says what it found. `not` skips frames the test knows are someone else's.
 */
export async function waitForOverlay(page: Page, options: { not?: (frame: Frame) => boolean; timeoutMs?: number } = {}): Promise<Frame> {
  let found: Frame | undefined;
  await waitUntil(
    () => {
      found = page.frames().find((f) => overlayKey(f) !== null && !(options.not?.(f) ?? false));
      return found !== undefined;
    },
    `Strata's overlay frame appears in ${page.url()}`,
    options.timeoutMs ?? 10_000,
  );
  const frame = found!;
  await frame.locator('main.overlay[aria-busy="false"]').waitFor({ state: 'attached' });
  return frame;
}

/** Waits until the overlay host element is gone from the page (closed or dismissed). */
export async function waitForOverlayGone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('strata-capture-overlay') === null, undefined, { timeout: 5_000 });
}

/** The figures the overlay lists, in order: the text of each `overlay-value-<i>`. */
export async function overlayValues(frame: Frame): Promise<string[]> {
  return frame.locator('[data-testid^="overlay-value-"]').allTextContents();
}
