/**
 * The capture content script's decisions, as pure functions: when a fresh
 * extraction is new enough to submit, and when the overlay shows.
 */
import type { ExtractionResult } from './types';

/**
 * Set in the content script's isolated world by the popup (scripting.
 * executeScript with a function, just before the script's file) when the
 * person asked for this page: then "nothing found" is shown instead of
 * staying silent. Page scripts live in another world and cannot set it.
 */
export const CAPTURE_ON_DEMAND_FLAG = '__strataCaptureOnDemand';

/**
 * A string that changes exactly when what the person would see or save
 * changes: the site, every item's figure, words and amount, every problem.
 * (The confidence is left out: it changes nothing the person confirms.)
 */
export function resultSignature(result: ExtractionResult): string {
  return JSON.stringify([
    result.site,
    result.adapterVersion,
    result.items.map((i) => [
      i.figureKey,
      i.kind,
      i.label,
      i.account,
      i.period,
      i.amount ? [i.amount.minor, i.amount.currency] : null,
      i.count ?? null,
      i.rawText,
      i.total === true,
      i.paper === true,
      i.path,
    ]),
    result.problems.map((p) => [p.figureKey, p.label, p.account, p.reason]),
  ]);
}

/**
 * What the page shows, without the amounts: which figures, of which
 * accounts and periods, and which problems. A page whose figures tick (a live
 * portfolio value) keeps this signature while its amounts change.
 */
export function structureSignature(result: ExtractionResult): string {
  return JSON.stringify([
    result.site,
    result.items.map((i) => [i.figureKey, i.kind, i.label, i.account, i.period, i.total === true, i.paper === true]),
    result.problems.map((p) => [p.figureKey, p.label, p.account, p.reason]),
  ]);
}

/**
 * While the person looks at the overlay, a page whose amounts tick is sent
 * again at most this often (each submit replaces the readings being
 * reviewed); a change in which figures are shown is sent at once.
 */
export const TICK_RESUBMIT_MS = 5000;

/** How long to wait before submitting `next`: 0 now, else the ms left of the tick interval. */
export function submitDelay(
  next: ExtractionResult,
  last: { structure: string; at: number } | undefined,
  now: number,
): number {
  if (!last || structureSignature(next) !== last.structure) return 0;
  return Math.max(0, last.at + TICK_RESUBMIT_MS - now);
}

export type CaptureStep =
  /** Nothing for this page: remove any overlay and highlights. */
  | 'hide'
  /** Only problems so far: wait for the page to settle before showing them. */
  | 'settle'
  /** Send the readings and show the overlay. */
  | 'submit';

/**
 * What to do with a new result.
 *
 * - Items found → submit.
 * - Only problems (a masked or placeholder figure): a single-page app often
 *   shows placeholders while it loads, so they are shown only once the page
 *   has settled (`settled`: no change for a while).
 * - Nothing: hidden — unless the person asked for this page from the popup
 *   (`onDemand`), who is then told that nothing was found.
 */
export function nextCaptureStep(result: ExtractionResult, options: { onDemand: boolean; settled: boolean }): CaptureStep {
  if (result.items.length > 0) return 'submit';
  if (options.onDemand) return 'submit';
  if (result.site !== null && result.problems.length > 0) return options.settled ? 'submit' : 'settle';
  return 'hide';
}

/** The page's address without query string or fragment: what "this page" means for freezing after a save. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}
