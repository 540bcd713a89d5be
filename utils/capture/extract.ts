/**
 * The label-anchored extractor: one walk indexes the page (page-index.ts),
 * then each figure's labels are paired with their amounts (pairing.ts),
 * read exactly with utils/money (amount.ts), named by account
 * (accounts.ts) and period (period.ts). Pure DOM reading — in the browser
 * and on linkedom in Node — through prototype methods only (dom.ts), so a
 * page's markup cannot clobber what the extractor calls. Scraped text is
 * returned as plain strings; nothing is ever parsed as HTML.
 */
import { labelKey, readValue, type ReadValue } from './amount';
import { accountNames, figureRec } from './accounts';
import { cssPath, resolvePath } from './dom';
import { isPaperUrl, matchAdapter, pathMatches } from './match';
import { buildIndex, recordOf, type ElementRecord, type IndexKeys, type PageIndex, type ValueCandidate } from './page-index';
import { locate, type PairContext, type Pairing } from './pairing';
import { periodFor } from './period';
import { readText, type IsHidden } from './text';
import type { Hiddenness } from './visibility';
import type { ExtractedItem, ExtractionProblem, ExtractionResult, FigureSpec, SiteAdapter } from './types';
import type { CaptureRule } from '@/utils/db/schema';

export { cssPath, resolvePath } from './dom';
export { computedHidden, type Hiddenness } from './visibility';
export type { IsHidden } from './text';

export interface ExtractOptions {
  /** The page's URL: marks items on the adapter's paper paths `paper: true`. */
  url?: string;
  /** The browser's word on visibility (stylesheets): pass `computedHidden` in a content script. */
  isHidden?: IsHidden;
}

const keysByAdapter = new WeakMap<SiteAdapter, IndexKeys>();

function keysFor(adapter: SiteAdapter): IndexKeys {
  let keys = keysByAdapter.get(adapter);
  if (keys !== undefined) return keys;
  keys = { labels: new Map(), periods: new Set() };
  adapter.figures.forEach((figure, f) => {
    for (const label of figure.labels) {
      const key = labelKey(label);
      const list = keys!.labels.get(key) ?? [];
      if (!list.includes(f)) list.push(f);
      keys!.labels.set(key, list);
    }
    for (const word of figure.periods ?? []) keys!.periods.add(labelKey(word));
  });
  keysByAdapter.set(adapter, keys);
  return keys;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** How good a pairing's reading is: a figure with its currency, a bare number, a stand-in (masked, dash…), anything else. */
function rank(value: ReadValue): number {
  return value.ok ? (value.bare ? 2 : 3) : value.standIn ? 1 : 0;
}

export function extract(root: Document | Element, adapter: SiteAdapter, options: ExtractOptions = {}): ExtractionResult {
  const index = buildIndex(root, keysFor(adapter));
  const isHidden = options.isHidden;
  const hiddenCache = new Map<ElementRecord, Hiddenness>();
  const hiddenness = (rec: ElementRecord): Hiddenness => {
    if (isHidden === undefined) return false;
    let hidden = hiddenCache.get(rec);
    if (hidden === undefined) {
      hidden = isHidden(rec.el);
      hiddenCache.set(rec, hidden);
    }
    return hidden;
  };
  /** A figure, a name, a period word: seen. */
  const visible = (rec: ElementRecord): boolean => hiddenness(rec) === false;
  /** A label: seen, or read out to screen-reader users (", balance:"). */
  const rendered = (rec: ElementRecord): boolean => hiddenness(rec) !== true;
  const labelRecs = new Set(index.labels.filter((l) => l.via === 'text').map((l) => l.rec));
  const paper = options.url !== undefined && isPaperUrl(options.url, adapter);
  const items: ExtractedItem[] = [];
  const problems: ExtractionProblem[] = [];

  adapter.figures.forEach((figure, f) => {
    const kind = figure.kind === 'count' ? 'count' : 'money';
    const reads = new Map<ValueCandidate, ReadValue>();
    const read = (c: ValueCandidate): ReadValue => {
      let value = reads.get(c);
      if (value === undefined) {
        const shown = isHidden !== undefined && !c.textNode ? shownText(readText(c.rec.el, isHidden)) : c.shown;
        value = readValue(shown, c.exactCopy, kind, adapter.currency);
        reads.set(c, value);
      }
      return value;
    };
    const readPairing = (p: Pairing): ReadValue =>
      p.candidate !== null ? read(p.candidate) : readValue(p.slot === null ? '' : shownText(readText(p.slot.el, isHidden)), null, kind, adapter.currency);

    const hits = index.labels.filter((h) => h.figures.includes(f) && rendered(h.rec));
    const ctx: PairContext = { index, visible, read, labelRecs, sameFigure: hits };
    let pairings = onePerFigure(hits.flatMap((hit) => locate(ctx, hit)), readPairing);
    const periods = new Map<Pairing, string | null>(pairings.map((p) => [p, periodFor(index, figure, p.hit, visible, rendered)]));
    if (figure.scope === 'page' && pairings.length > 1) pairings = bestPerPeriod(pairings, periods, readPairing);
    const labelKeys = new Set(figure.labels.map(labelKey));
    const names =
      figure.scope === 'account'
        ? accountNames({ index, isHidden, visible, currency: adapter.currency }, pairings, adapter.accounts, labelKeys)
        : pairings.map(() => null);

    let found = 0;
    pairings.forEach((pairing, i) => {
      const value = readPairing(pairing);
      const account = names[i] ?? null;
      // An account-scoped figure with no account name is not an account: an "All accounts" summary, a group subtotal.
      if (figure.scope === 'account' && account === null) return;
      if (!value.ok) {
        problems.push({ figureKey: figure.key, label: shownLabel(pairing.hit.text), account, reason: value.reason });
        return;
      }
      found++;
      items.push(
        makeItem(figure, value, {
          label: shownLabel(pairing.hit.text),
          account,
          period: periods.get(pairing) ?? null,
          confidence: pairing.confidence,
          path: cssPath(figureRec(pairing).el),
          paper,
        }),
      );
    });
    if (found > 0 || pairings.length > 0) return;
    if (figure.fallbackPath !== undefined) {
      const fallback = fromPath(root, index, figure, read, paper);
      if ('item' in fallback) items.push(fallback.item);
      else problems.push(fallback.problem);
    } else if (hits.length > 0) {
      problems.push({ figureKey: figure.key, label: shownLabel(hits[0]!.text), account: null, reason: 'no amount was found next to the label' });
    }
  });

  return { site: adapter.id, adapterVersion: adapter.version, items, problems };
}

function shownText(read: { text: string; shown: string }): string {
  return read.text.length > 0 ? read.text : read.shown;
}

/** One pairing per figure element (two labels may reach the same amount): the better reading, then the more certain. */
function onePerFigure(pairings: Pairing[], readPairing: (p: Pairing) => ReadValue): Pairing[] {
  const byRec = new Map<ElementRecord, Pairing>();
  const out: Pairing[] = [];
  for (const p of pairings) {
    const rec = figureRec(p);
    const seen = byRec.get(rec);
    if (seen === undefined) {
      byRec.set(rec, p);
      out.push(p);
    } else if (p.confidence > seen.confidence && rank(readPairing(p)) >= rank(readPairing(seen))) {
      out[out.indexOf(seen)] = p;
      byRec.set(rec, p);
    }
  }
  return out;
}

/**
 * A page figure is one reading per period the page shows it for (Stripe's
 * "Gross volume" for Today and for the overview's range): the best pairing
 * per period; a pairing with no period is kept only when none has one.
 */
function bestPerPeriod(pairings: Pairing[], periods: Map<Pairing, string | null>, readPairing: (p: Pairing) => ReadValue): Pairing[] {
  const groups = new Map<string | null, Pairing[]>();
  for (const p of pairings) {
    const period = periods.get(p) ?? null;
    const key = period === null ? null : labelKey(period);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  if (groups.size > 1) groups.delete(null);
  return [...groups.values()].map((group) => best(group, readPairing)).sort((a, b) => figureRec(a).order - figureRec(b).order);
}

function best(pairings: Pairing[], readPairing: (p: Pairing) => ReadValue): Pairing {
  return pairings.reduce((a, b) => {
    const ra = rank(readPairing(a));
    const rb = rank(readPairing(b));
    if (ra !== rb) return rb > ra ? b : a;
    return b.confidence > a.confidence ? b : a;
  });
}

interface ItemContext {
  label: string;
  account: string | null;
  period: string | null;
  confidence: number;
  path: string;
  paper: boolean;
}

function makeItem(figure: FigureSpec, value: ReadValue & { ok: true }, c: ItemContext): ExtractedItem {
  const item: ExtractedItem = {
    figureKey: figure.key,
    kind: figure.kind,
    label: c.label,
    account: c.account,
    period: c.period,
    rawText: value.rawText,
    confidence: round2(c.confidence),
    path: c.path,
  };
  if ('amount' in value) item.amount = value.amount;
  else item.count = value.count;
  if (figure.total) item.total = true;
  if (c.paper) item.paper = true;
  if (figure.metric !== undefined) item.metric = figure.metric;
  if (figure.incomeKind !== undefined) item.incomeKind = figure.incomeKind;
  return item;
}

const FALLBACK_CONFIDENCE = 0.5;

/** A taught rule whose label is gone: the figure at its stored path, if it is still a visible figure. */
function fromPath(
  root: Document | Element,
  index: PageIndex,
  figure: FigureSpec,
  read: (c: ValueCandidate) => ReadValue,
  paper: boolean,
): { item: ExtractedItem } | { problem: ExtractionProblem } {
  const label = figure.labels[0] ?? figure.key;
  const problem = (reason: string) => ({ problem: { figureKey: figure.key, label, account: null, reason } });
  const el = resolvePath(root, figure.fallbackPath!);
  const rec = el === null ? undefined : recordOf(index, el);
  if (rec === undefined) return problem('neither the label nor the remembered place of the amount is on this page');
  const candidate: ValueCandidate =
    index.candidates.find((c) => c.rec === rec && !c.textNode) ?? { rec, order: rec.order, shown: rec.text || rec.shown || '', exactCopy: null, textNode: false };
  const value = read(candidate);
  if (!value.ok) return problem(value.reason);
  return {
    item: makeItem(figure, value, { label, account: null, period: figure.fixedPeriod ?? null, confidence: FALLBACK_CONFIDENCE, path: figure.fallbackPath!, paper }),
  };
}

// ---------------------------------------------------------------- taught rules and URLs

/** Period words a taught earnings figure is looked up with (the page's words decide which is in effect). */
const COMMON_PERIODS = [
  'Today', 'Today so far', 'Yesterday', 'This week', 'Last week', 'Last 7 days', 'Last 28 days', 'Last 30 days',
  'Last 90 days', 'This month', 'Last month', 'Month to date', 'This year', 'Last year', 'Year to date', 'YTD', 'All time', 'Lifetime',
];

/** A taught rule's stored CSS path, or undefined when it has none ("", or a row from before the column existed). */
export function ruleFallbackPath(rule: CaptureRule): string | undefined {
  const path: unknown = rule.fallbackPath;
  return typeof path === 'string' && path.length > 0 ? path : undefined;
}

/**
 * The person's taught rules for one host as an adapter: one page-scoped
 * figure per rule (key = the rule's id, kind = its meaning, label = its
 * label, fallbackPath = its stored path). `layer` and `accountKind` are
 * placeholders: a taught figure is saved to the account or stream the rule
 * names. `currency` is the hint for amounts shown with a bare "$".
 */
export function taughtAdapter(host: string, rules: readonly CaptureRule[], currency = 'USD'): SiteAdapter {
  const paths = [...new Set(rules.map((r) => r.pathPattern).filter((p) => p.length > 0))];
  return {
    id: `taught:${host}`,
    version: 1,
    name: host,
    hosts: [host],
    paths: paths.length > 0 ? paths : ['/**'],
    layer: 'foundation',
    accountKind: 'brokerage',
    currency,
    figures: rules.map((rule): FigureSpec => {
      const figure: FigureSpec = { key: rule.id, kind: rule.meaning, labels: [rule.label], scope: 'page' };
      const fallbackPath = ruleFallbackPath(rule);
      if (fallbackPath !== undefined) figure.fallbackPath = fallbackPath;
      if (rule.meaning === 'earnings') figure.periods = COMMON_PERIODS;
      return figure;
    }),
  };
}

/** The rules that apply to a URL: same host, and the rule's path pattern (if any) matches. */
export function rulesForUrl(url: string, rules: readonly CaptureRule[]): CaptureRule[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const host = parsed.hostname.toLowerCase();
  return rules.filter((r) => r.host === host && (r.pathPattern.length === 0 || pathMatches(r.pathPattern, parsed.pathname)));
}

/**
 * Extraction for a page: the URL's adapter (plus any rules the person
 * taught on that page, for figures the adapter does not already cover), or
 * on a page no adapter covers the taught rules alone, with `site: null`.
 */
export function extractForUrl(
  document: Document | Element,
  url: string,
  adapters: readonly SiteAdapter[],
  taughtRules: readonly CaptureRule[] = [],
  options: Omit<ExtractOptions, 'url'> = {},
): ExtractionResult {
  const adapter = matchAdapter(url, adapters);
  const rules = rulesForUrl(url, taughtRules);
  const host = rules[0]?.host ?? '';
  const taught = rules.length > 0 ? extract(document, taughtAdapter(host, rules, adapter?.currency), { ...options, url }) : null;
  if (adapter === null) {
    return { site: null, adapterVersion: null, items: taught?.items ?? [], problems: taught?.problems ?? [] };
  }
  const result = extract(document, adapter, { ...options, url });
  if (taught !== null) {
    const paths = new Set(result.items.map((i) => i.path));
    result.items.push(...taught.items.filter((i) => !paths.has(i.path)));
    result.problems.push(...taught.problems);
  }
  return result;
}

/** The label as a person reads it: without the separators a screen-reader copy carries (", balance:" → "balance"). */
function shownLabel(text: string): string {
  return text.replace(/^[\s,;:.\-–—]+|[\s,;:.\-–—]+$/g, '') || text;
}
