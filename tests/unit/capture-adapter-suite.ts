/**
 * What the tests/unit/adapter-<site>.test.ts files share: reading a fixture
 * page into a linkedom DOM, the checks every extracted item must pass, the
 * adapter lists matching picks from, and the three expected-item shapes the
 * fixtures' expected.ts files are written in (each with its summarize
 * function and sort order). Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { alpacaAdapter } from '@/utils/capture/adapters/alpaca';
import { amazonAssociatesAdapter } from '@/utils/capture/adapters/amazon-associates';
import { bettermentAdapter } from '@/utils/capture/adapters/betterment';
import { fidelityAdapter } from '@/utils/capture/adapters/fidelity';
import { fundriseAdapter } from '@/utils/capture/adapters/fundrise';
import { googleAdsenseAdapter } from '@/utils/capture/adapters/google-adsense';
import { interactiveBrokersAdapter } from '@/utils/capture/adapters/interactive-brokers';
import { robinhoodAdapter } from '@/utils/capture/adapters/robinhood';
import { schwabAdapter } from '@/utils/capture/adapters/schwab';
import { vanguardAdapter } from '@/utils/capture/adapters/vanguard';
import { wealthfrontAdapter } from '@/utils/capture/adapters/wealthfront';
import type { ExtractedItem, SiteAdapter } from '@/utils/capture/types';
import type { ExpectedCaptureItem as PaperExpectedItem } from '@/tests/fixtures/capture/robinhood/expected';
import type { ExpectedCaptureItem as OptionalAmountExpectedItem } from '@/tests/fixtures/capture/stripe/expected';
import type { ExpectedItem as FoundationExpectedItem } from '@/tests/fixtures/capture/fidelity/expected';

export type { FoundationExpectedItem, OptionalAmountExpectedItem, PaperExpectedItem };

/** The text of tests/fixtures/capture/<site>/<file>. */
export function readCaptureFixtureHtml(site: string, file: string): string {
  return readFileSync(new URL(`../fixtures/capture/${site}/${file}`, import.meta.url), 'utf8');
}

/** HTML parsed by linkedom, as the DOM Document the extractor reads. */
export function parseCaptureHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** tests/fixtures/capture/<site>/<file> (e.g. 'a.html') as a DOM Document. */
export function loadCaptureFixture(site: string, file: string): Document {
  return parseCaptureHtml(readCaptureFixtureHtml(site, file));
}

/** Every item's path finds an element in the document, and its confidence is in (0, 1]. */
export function expectItemsWellFormed(document: Document, items: readonly ExtractedItem[]): void {
  for (const item of items) {
    expect(document.querySelector(item.path), `path ${item.path}`).not.toBeNull();
    expect(item.confidence, `confidence of ${item.figureKey}`).toBeGreaterThan(0);
    expect(item.confidence, `confidence of ${item.figureKey}`).toBeLessThanOrEqual(1);
  }
}

/** Several sites' adapters, so matching picks this one among others, not merely accepts it. */
export const SEVERAL_ADAPTERS: SiteAdapter[] = [
  robinhoodAdapter,
  interactiveBrokersAdapter,
  alpacaAdapter,
  amazonAssociatesAdapter,
  googleAdsenseAdapter,
];

/** Every Foundation adapter, so matching picks this one among others, not merely accepts it. */
export const FOUNDATION_ADAPTERS: SiteAdapter[] = [fidelityAdapter, vanguardAdapter, schwabAdapter, bettermentAdapter, wealthfrontAdapter, fundriseAdapter];

/**
 * The robinhood/expected.ts shape (also alpaca, amazon-associates,
 * google-adsense, interactive-brokers): an amount always, and `paper`.
 */
export function asPaperExpected(item: ExtractedItem): PaperExpectedItem {
  return {
    figureKey: item.figureKey,
    kind: item.kind,
    label: item.label,
    account: item.account,
    amountMinor: item.amount?.minor ?? Number.NaN,
    currency: item.amount?.currency ?? '',
    period: item.period,
    paper: item.paper ?? false,
  };
}

export const byFigureKey = (a: { figureKey: string }, b: { figureKey: string }) => a.figureKey.localeCompare(b.figureKey);

/**
 * The Foundation sites' expected.ts shape (fidelity, vanguard, schwab,
 * betterment, wealthfront, fundrise): an amount always, no `paper`.
 */
export function asFoundationExpected(item: ExtractedItem): FoundationExpectedItem {
  return {
    figureKey: item.figureKey,
    kind: item.kind,
    label: item.label,
    account: item.account,
    amountMinor: item.amount?.minor ?? Number.NaN,
    currency: item.amount?.currency ?? '',
    period: item.period,
  };
}

export const byFigureAndAccount = (x: FoundationExpectedItem, y: FoundationExpectedItem) =>
  x.figureKey.localeCompare(y.figureKey) || (x.account ?? '').localeCompare(y.account ?? '');

/**
 * The fields a person checks, in the stripe/expected.ts shape (also gumroad,
 * lemon-squeezy, substack, youtube-studio): amount, count and metric only
 * when the item has them.
 */
export function summarize(item: ExtractedItem): OptionalAmountExpectedItem {
  const summary: OptionalAmountExpectedItem = {
    figureKey: item.figureKey,
    kind: item.kind,
    label: item.label,
    account: item.account,
    period: item.period,
  };
  if (item.amount) {
    summary.amountMinor = item.amount.minor;
    summary.currency = item.amount.currency;
  }
  if (item.count !== undefined) summary.count = item.count;
  if (item.metric !== undefined) summary.metric = item.metric;
  return summary;
}

export function byKeyAndPeriod(a: OptionalAmountExpectedItem, b: OptionalAmountExpectedItem): number {
  return (a.figureKey + '|' + (a.period ?? '')).localeCompare(b.figureKey + '|' + (b.period ?? ''));
}
