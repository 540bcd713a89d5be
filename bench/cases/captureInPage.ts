/**
 * The browser side of the Chromium capture bench (bundled into the page
 * with the extractor by captureBrowser.ts): timing loops and the mutation
 * burst, run inside the page so nothing but numbers crosses to Node.
 */
import { computedHidden, extract } from '@/utils/capture/extract';
import type { SiteAdapter } from '@/utils/capture/types';
import { createExtractionScheduler } from '@/utils/capture/schedule';
import { DASHBOARD_ADAPTER } from '@/tests/fixtures/capture/synthetic/dashboard';
import { baselineExtract, type BaselineItem } from './captureBaseline';
import { summarizeOurs } from './captureCheck';

export interface PageTimings {
  elements: number;
  ours: number[];
  oursComputed: number[];
  baseline: number[];
  oursItems: BaselineItem[];
  baselineItems: BaselineItem[];
}

export interface BurstReport {
  mutations: number;
  notifications: number;
  burstMs: number;
  runsAt: number[];
  minGapMs: number | null;
  finalRunAfterBurst: boolean;
}

function sample(fn: () => unknown, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}

export function timeInPage(): PageTimings {
  return {
    elements: document.querySelectorAll('*').length,
    ours: sample(() => extract(document, DASHBOARD_ADAPTER), 200, 30),
    oursComputed: sample(() => extract(document, DASHBOARD_ADAPTER, { isHidden: computedHidden }), 100, 10),
    baseline: sample(() => baselineExtract(document, DASHBOARD_ADAPTER), 5, 1),
    oursItems: summarizeOurs(extract(document, DASHBOARD_ADAPTER)),
    baselineItems: baselineExtract(document, DASHBOARD_ADAPTER),
  };
}

/** 1,000 text mutations, one every 2 ms, observed and fed to the scheduler; then 1.5 s of quiet. */
export async function burstInPage(): Promise<BurstReport> {
  const runsAt: number[] = [];
  let notifications = 0;
  const scheduler = createExtractionScheduler(
    () => {
      runsAt.push(performance.now());
      extract(document, DASHBOARD_ADAPTER);
    },
    { now: () => performance.now() },
  );
  const observer = new MutationObserver(() => {
    notifications++;
    scheduler.notify();
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  const ticker = document.createElement('span');
  document.body.appendChild(ticker);
  const start = performance.now();
  let done = 0;
  // Paced on a MessageChannel loop: nested timers are clamped to 4 ms.
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (performance.now() >= start + done * 2) ticker.textContent = `$${done++}.00`;
      if (done < 1000) channel.port2.postMessage(0);
      else resolve();
    };
    channel.port2.postMessage(0);
  });
  const lastMutationAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  observer.disconnect();
  scheduler.dispose();
  ticker.remove();
  const gaps = runsAt.slice(1).map((at, i) => at - runsAt[i]!);
  return {
    mutations: done,
    notifications,
    burstMs: lastMutationAt - start,
    runsAt: runsAt.map((at) => Math.round(at - start)),
    minGapMs: gaps.length > 0 ? Math.min(...gaps) : null,
    finalRunAfterBurst: runsAt.length > 0 && runsAt[runsAt.length - 1]! > lastMutationAt,
  };
}

/** The hostile fixture's figures (tests/fixtures/capture/synthetic/hostile.html). */
const HOSTILE_ADAPTER: SiteAdapter = {
  id: 'hostile',
  version: 1,
  name: 'Hostile',
  hosts: ['hostile.example'],
  paths: ['/**'],
  layer: 'foundation',
  accountKind: 'brokerage',
  currency: 'USD',
  figures: [
    { key: 'total', kind: 'balance', labels: ['Total balance'], scope: 'page' },
    { key: 'account-balance', kind: 'balance', labels: ['Balance'], scope: 'account' },
  ],
  accounts: { nameFrom: 'link' },
};

/** On the hostile page (its scripts ran; document.getElementById / querySelectorAll are clobbered): what is read. */
export function hostileInPage(): { clobbered: string[]; items: [string, string | null, number | null][] } {
  const doc = document as unknown as Record<string, unknown>;
  const clobbered = ['getElementById', 'querySelectorAll'].filter((name) => typeof doc[name] !== 'function');
  const result = extract(document, HOSTILE_ADAPTER, { isHidden: computedHidden });
  return { clobbered, items: result.items.map((i) => [i.figureKey, i.account, i.amount?.minor ?? null]) };
}
