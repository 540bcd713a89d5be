/**
 * End-to-end harness: the built extension loaded into real (headless) Chromium,
 * with every network request the browser makes recorded three ways:
 *
 *  - `playwright`: Playwright's context-wide request event. It covers pages,
 *    frames, the extension service worker and workers from their first request
 *    (Playwright holds each new target until its recorder is on).
 *  - `cdp`: the DevTools protocol, attached independently to every target
 *    (cdp-network-recorder.ts). A second look; it can miss the first instants
 *    of a worker that starts mid-test, when Playwright releases it first.
 *  - `proxy`: the browser's proxy, a local sink that sees every request for a
 *    non-loopback host from any part of the browser, including the browser
 *    process itself, and forwards none (local-servers.ts). Whatever the two
 *    above miss, a request that would leave the machine cannot miss this one.
 *
 * Chromium is Debian's (`/usr/bin/chromium`, or $CHROMIUM_PATH); see
 * scripts/ensure-chromium.sh. No browser is ever downloaded and no test reaches
 * the internet.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AssertionError } from 'node:assert';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { CdpNetworkRecorder } from './cdp-network-recorder';
import { CHROMIUM_INTERNAL_PATH, startNetworkSink, type SinkHit } from './local-servers';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_EXTENSION_DIR = process.env['STRATA_EXTENSION_DIR'] ?? path.join(REPO_ROOT, '.output/chrome-mv3');
export const CHROMIUM_EXECUTABLE = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export type RequestRecorder = 'playwright' | 'cdp' | 'proxy';

export interface RecordedRequest {
  url: string;
  method: string;
  seenBy: RequestRecorder;
  /** What made it, as far as the recorder knows: `page <url>`, `service_worker <url>`, … */
  from: string;
}

export interface LaunchOptions {
  /** An unpacked Chrome MV3 build; defaults to .output/chrome-mv3 (or $STRATA_EXTENSION_DIR). */
  extensionDir?: string;
  /** Browser locale; en-US unless told otherwise. */
  locale?: string;
  /**
   * IANA time zone of the whole browser (pages, workers, service worker), e.g.
   * "Asia/Tokyo"; the host's zone unless told otherwise.
   */
  timezone?: string;
  /** More Chromium switches (e.g. the capture tests' --host-resolver-rules); appended after the harness's own. */
  extraArgs?: readonly string[];
}

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>` */
  extensionOrigin: string;
  serviceWorker: Worker;
  /** Every request seen so far, by any recorder; grows while the browser runs. */
  requests: RecordedRequest[];
  /** Chromium's own sign-in and GCM calls, redirected to the sink; not made by the extension. */
  chromiumInternalRequests: SinkHit[];
  /** Uncaught exceptions in pages opened through the harness. */
  pageErrors: string[];
  cdp: CdpNetworkRecorder;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Opens `chrome-extension://<id>/<pagePath>` in a new tab, recorded from its first request. */
  openExtensionPage(pagePath: string): Promise<Page>;
  /** assertNoForeignRequests over everything recorded, allowing this extension and `extraOrigins`. */
  assertNoForeignRequests(extraOrigins?: readonly string[]): void;
  close(): Promise<void>;
}

function describePlaywrightRequest(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `service_worker ${worker.url()}`;
  try {
    return `page ${request.frame().url()}`;
  } catch {
    return 'worker';
  }
}

function checkPrerequisites(extensionDir: string): void {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Build it first: npx wxt build`);
  }
  if (!existsSync(CHROMIUM_EXECUTABLE)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_EXECUTABLE}. Run scripts/ensure-chromium.sh ` +
        `(sudo apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}

/**
 * A fresh profile with spell checking off: Chromium otherwise downloads a
 * dictionary from redirector.gvt1.com as soon as someone types in a text field.
 */
function makeProfileDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'strata-e2e-profile-'));
  mkdirSync(path.join(dir, 'Default'));
  const preferences = { browser: { enable_spellchecking: false }, spellcheck: { dictionaries: [], dictionary: '' } };
  writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify(preferences));
  return dir;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extensionDir = path.resolve(options.extensionDir ?? DEFAULT_EXTENSION_DIR);
  checkPrerequisites(extensionDir);
  const requests: RecordedRequest[] = [];
  const pageErrors: string[] = [];
  const sink = await startNetworkSink();
  sink.onHit((hit) => requests.push({ ...hit, seenBy: 'proxy', from: 'browser network stack' }));
  const internal = `${sink.origin}${CHROMIUM_INTERNAL_PATH}`;

  const profileDir = makeProfileDir();
  const cleanUp = async () => {
    await sink.close();
    rmSync(profileDir, { recursive: true, force: true });
  };

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      locale: options.locale ?? 'en-US',
      ...(options.timezone ? { timezoneId: options.timezone, env: { ...process.env, TZ: options.timezone } } : {}),
      args: [
        // Everything but loopback goes to the sink. (Playwright's `proxy` option
        // would send loopback there too, and the local test servers with it.)
        `--proxy-server=${sink.origin}`,
        '--no-sandbox',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        // Chromium itself calls accounts.google.com (ListAccounts) and
        // android.clients.google.com (GCM check-in) at start, with or without
        // any extension; send those to the sink, where they are kept apart.
        `--gaia-url=${sink.origin}`, // an origin only: Chromium ignores a gaia URL with a path
        `--gcm-checkin-url=${internal}gcm-checkin`,
        `--gcm-registration-url=${internal}gcm-register`,
        // On a web page with a form, Chromium asks content-autofill.googleapis.com
        // for field types (its own request, not the extension's): to the sink too.
        `--autofill-server-url=${internal}autofill/`,
        // To learn which part of Chromium made a request only the proxy saw, set
        // STRATA_E2E_NETLOG_DIR and look up the request's traffic_annotation there.
        ...(process.env['STRATA_E2E_NETLOG_DIR']
          ? [`--log-net-log=${path.join(process.env['STRATA_E2E_NETLOG_DIR'], `netlog-${process.pid}-${Date.now()}.json`)}`]
          : []),
        ...(options.extraArgs ?? []),
      ],
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }

  context.on('request', (request) =>
    requests.push({ url: request.url(), method: request.method(), seenBy: 'playwright', from: describePlaywrightRequest(request) }),
  );
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));

  try {
    const browser = context.browser();
    if (!browser) throw new Error('Playwright gave no browser for the persistent context; cannot open a CDP session');
    const cdp = await CdpNetworkRecorder.start(await browser.newBrowserCDPSession());
    cdp.onRequest((r) => requests.push({ ...r, seenBy: 'cdp' }));

    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;

    const openExtensionPage = async (pagePath: string): Promise<Page> => {
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      const { targetInfo } = await session.send('Target.getTargetInfo');
      await session.detach();
      await cdp.whenWatching(targetInfo.targetId);
      await page.goto(`${extensionOrigin}/${pagePath.replace(/^\//, '')}`);
      return page;
    };

    return {
      context,
      extensionId,
      extensionOrigin,
      serviceWorker,
      requests,
      chromiumInternalRequests: sink.chromiumInternal,
      pageErrors,
      cdp,
      openPopup: () => openExtensionPage('popup.html'),
      openOptions: () => openExtensionPage('options.html'),
      openExtensionPage,
      assertNoForeignRequests: (extraOrigins = []) => assertNoForeignRequests(requests, [extensionOrigin, ...extraOrigins]),
      close: async () => {
        cdp.close();
        await context.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    await cleanUp();
    throw error;
  }
}

function stripTrailingSlash(origin: string): string {
  return origin.endsWith('/') ? origin.slice(0, -1) : origin;
}

/** True for data:, blob:, and URLs on one of `allowedOrigins` (e.g. `chrome-extension://<id>`, `http://127.0.0.1:4100`). */
export function isAllowedRequest(url: string, allowedOrigins: readonly string[]): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  return allowedOrigins.map(stripTrailingSlash).some((origin) => {
    if (url === origin) return true;
    const rest = url.slice(origin.length);
    return url.startsWith(origin) && (rest.startsWith('/') || rest.startsWith('?') || rest.startsWith('#'));
  });
}

/**
 * Fails listing each request (once per method and URL, with every recorder
 * that saw it and what made it) whose URL is not data:, blob: or on one of
 * `allowedOrigins`. Pass the extension's own origin (`chrome-extension://<id>`)
 * and any local test-server origin.
 */
export function assertNoForeignRequests(requests: readonly RecordedRequest[], allowedOrigins: readonly string[]): void {
  const foreign = new Map<string, { seenBy: Set<string>; from: Set<string> }>();
  for (const request of requests) {
    if (isAllowedRequest(request.url, allowedOrigins)) continue;
    const key = `${request.method} ${request.url}`;
    const entry = foreign.get(key) ?? { seenBy: new Set(), from: new Set() };
    entry.seenBy.add(request.seenBy);
    entry.from.add(request.from);
    foreign.set(key, entry);
  }
  if (foreign.size === 0) return;
  const lines = [...foreign].map(
    ([key, { seenBy, from }]) => `  ${key}\n      seen by ${[...seenBy].sort().join(', ')}; from ${[...from].join(' | ')}`,
  );
  throw new AssertionError({
    message:
      `${foreign.size} request(s) left the extension; allowed are data:, blob: and ${allowedOrigins.join(', ')}:\n` +
      lines.join('\n'),
  });
}


/** Polls `condition` every 25 ms until it holds; fails after `timeoutMs` saying what was awaited. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The recorders that saw a request whose URL satisfies `match`. */
export function recordersThatSaw(requests: readonly RecordedRequest[], match: (url: string) => boolean): Set<RequestRecorder> {
  return new Set(requests.filter((r) => match(r.url)).map((r) => r.seenBy));
}

/**
 * Opens a fresh popup and waits until its net worth reads exactly `expected`
 * (e.g. "$12,200.00"), reloading in case it was opened before the last write
 * landed; fails with the last value shown. The caller closes the popup.
 */
export async function openPopupShowing(harness: Pick<ExtensionHarness, 'openPopup'>, expected: string, timeoutMs = 10_000): Promise<Page> {
  const popup = await harness.openPopup();
  const shown = popup.getByTestId('net-worth');
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const ok = await shown
        .filter({ hasText: expected })
        .waitFor({ timeout: 2_000 })
        .then(() => true, () => false);
      if (ok && (await shown.textContent())?.trim() === expected) return popup;
      if (Date.now() > deadline) {
        const last = await shown.textContent({ timeout: 1_000 }).catch(() => null);
        throw new AssertionError({ message: `the popup never showed net worth ${expected}; it last showed ${JSON.stringify(last)}` });
      }
      await popup.reload();
    }
  } catch (error) {
    await popup.close();
    throw error;
  }
}

/** openPopupShowing, then closes the popup. */
export async function expectPopupNetWorth(harness: Pick<ExtensionHarness, 'openPopup'>, expected: string): Promise<void> {
  const popup = await openPopupShowing(harness, expected);
  await popup.close();
}

/**
 * Every row of the named object stores of the extension's database, read
 * straight from IndexedDB inside an extension page (not through the app's code),
 * keyed by store name.
 */
export function readStoredRows<Row = Record<string, unknown>>(
  extensionPage: Page,
  storeNames: string[],
): Promise<Record<string, Row[]>> {
  return extensionPage.evaluate(
    (names) =>
      new Promise<Record<string, Row[]>>((resolve, reject) => {
        const open = indexedDB.open('strata');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(names, 'readonly');
          const requests = names.map((name) => [name, tx.objectStore(name).getAll()] as const);
          tx.oncomplete = () => {
            open.result.close();
            resolve(Object.fromEntries(requests.map(([name, request]) => [name, request.result as Row[]])));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    storeNames,
  );
}
