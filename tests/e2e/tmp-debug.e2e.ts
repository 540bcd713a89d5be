import { afterAll, beforeAll, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './harness';
import { startProbeServer, type ProbeServer } from './local-servers';
let harness: ExtensionHarness; let probe: ProbeServer;
beforeAll(async () => { probe = await startProbeServer(); harness = await launchExtension(); });
afterAll(async () => { await harness?.close(); await probe?.close(); });
it('debug', async () => {
  const page = await harness.openPopup();
  for (let i = 0; i < 8; i++) {
    const url = `${probe.origin}/w?i=${i}`;
    await page.evaluate(async (u) => {
      const source = `setTimeout(() => fetch(${JSON.stringify(u)}).then((r) => r.text()).then((t) => postMessage(t)), 0)`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      return new Promise<string>((resolve) => (worker.onmessage = (e) => resolve(String(e.data))));
    }, url);
    await new Promise((r) => setTimeout(r, 300));
    console.log(i, harness.requests.filter((r) => r.url === url).map((r) => `${r.seenBy}:${r.from}`));
  }
  console.log(harness.cdp.watchedTargets());
});
