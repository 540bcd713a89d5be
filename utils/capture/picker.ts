/**
 * Teach mode's reading of the number the person picked, as pure DOM
 * functions (the browser's document in the teach script; linkedom in tests):
 * which element is the number, what label a rule should look for, and the
 * CSS path to fall back on. The label is checked with the extractor itself:
 * among the words near the number, the first one with which the
 * label-anchored extractor finds exactly this number is the rule's label.
 */
import { looksLikeNumber, labelKey, collapse, readValue, MAX_AMOUNT_TEXT, type ReadValue } from './amount';
import { callMethod, cssPath, getAttr, parentElementOf, prop, resolvePath, tagOf, textContentOf } from './dom';
import { extract, taughtAdapter, type IsHidden } from './extract';
import type { CaptureMeaning, CaptureRule } from '@/utils/db/schema';
import type { Money } from '@/utils/money/types';

/** How many ancestors up from the pointer's element a number may be. */
const MAX_UP = 4;
/** How far up the label search climbs. */
const LABEL_CLIMB = 6;
/** Words longer than this are not a label. */
const MAX_LABEL = 80;
const SKIP_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'select', 'option', 'textarea', 'input', 'button']);

const own = (el: Element) => collapse(textContentOf(el));

/** The element's visible words as a number ("$12,345.67"), or null. Its aria-label counts when it is only a number. */
export function numberText(el: Element): string | null {
  const text = own(el);
  if (text.length > 0 && text.length <= MAX_AMOUNT_TEXT && looksLikeNumber(text)) return text;
  const aria = collapse(getAttr(el, 'aria-label') ?? '');
  if (text.length === 0 && looksLikeNumber(aria)) return aria;
  return null;
}

/**
 * The number under the pointer: the element itself or one of its few
 * ancestors whose whole text is one number, the outermost such (so "$",
 * "12,345" and ".67" in three spans give their common parent).
 */
export function amountElementFrom(target: Element): Element | null {
  let el: Element | null = target;
  let found: Element | null = null;
  for (let i = 0; el !== null && i <= MAX_UP; i++, el = parentElementOf(el)) {
    const tag = tagOf(el);
    if (tag === 'body' || tag === 'html') break;
    if (SKIP_TAGS.has(tag)) continue;
    if (numberText(el) !== null) found = el;
    else if (found !== null || own(el).length > MAX_AMOUNT_TEXT) break;
  }
  return found;
}

function usableLabel(text: string): boolean {
  const t = collapse(text);
  return t.length >= 2 && t.length <= MAX_LABEL && /\p{L}/u.test(t) && !looksLikeNumber(t);
}

/** Text of the leaf-ish elements before `el` inside `container`, nearest first. */
function wordsBefore(container: Element, el: Element): string[] {
  const found: string[] = [];
  const all = Array.from(container.querySelectorAll('*'));
  const at = all.indexOf(el);
  for (let i = (at < 0 ? all.length : at) - 1; i >= 0 && found.length < 6; i--) {
    const candidate = all[i]!;
    if (candidate.contains(el) || SKIP_TAGS.has(tagOf(candidate))) continue;
    if (candidate.children.length > 0 && own(candidate).length > MAX_LABEL) continue;
    const text = own(candidate);
    if (usableLabel(text) && candidate.children.length <= 2) found.push(text);
  }
  return found;
}

/**
 * Words that could be the number's label, most likely first: what its
 * aria-labelledby names, its <dt>, its row's first cell and its column's
 * header, the texts just before it in its card, the card's heading.
 */
export function labelCandidates(amount: Element): string[] {
  const out: string[] = [];
  const add = (text: string | null | undefined) => {
    if (text && usableLabel(text)) out.push(collapse(text).replace(/\s*[:：]$/, ''));
  };
  const doc = (prop(amount, 'ownerDocument') as Document | null) ?? null;

  for (let el: Element | null = amount, i = 0; el !== null && i < 3; el = parentElementOf(el), i++) {
    for (const id of (getAttr(el, 'aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      // Through the prototype: a page's <form name="getElementById"> cannot answer instead.
      const named = doc === null ? null : (callMethod(doc, 'getElementById', id) as Element | null);
      if (named) add(own(named));
    }
  }
  const dd = amount.closest('dd, [role="definition"]');
  if (dd) {
    let dt = dd.previousElementSibling;
    while (dt && !['dt'].includes(tagOf(dt)) && dt.getAttribute('role') !== 'term') dt = dt.previousElementSibling;
    if (dt) add(own(dt));
  }
  const cell = amount.closest('td, th, [role="cell"], [role="gridcell"]');
  const row = cell?.closest('tr, [role="row"]');
  if (cell && row) {
    const cells = Array.from(row.children);
    const first = cells[0];
    if (first && first !== cell) add(own(first));
    const column = cells.indexOf(cell);
    const table = row.closest('table, [role="table"], [role="grid"]');
    const headerRow = table?.querySelector('thead tr, tr:has(> th), [role="row"]:has(> [role="columnheader"])');
    if (headerRow && headerRow !== row && column >= 0) add(own(headerRow.children[column] ?? headerRow));
  }
  let container: Element | null = parentElementOf(amount);
  for (let i = 0; container !== null && i < LABEL_CLIMB; i++, container = parentElementOf(container)) {
    const tag = tagOf(container);
    if (tag === 'body' || tag === 'html') break;
    for (const text of wordsBefore(container, amount)) add(text);
    const heading = container.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
    if (heading && !heading.contains(amount)) add(own(heading));
    if (out.length >= 8) break;
  }
  const seen = new Set<string>();
  return out.filter((text) => {
    const key = labelKey(text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function probeRule(host: string, label: string, meaning: CaptureMeaning): CaptureRule {
  return { id: 'teach-probe', host, pathPattern: '', label, fallbackPath: '', meaning, createdAt: 0 };
}

function samePlace(a: Element | null, b: Element): boolean {
  return a !== null && (a === b || a.contains(b) || b.contains(a));
}

/** The picked number as read, or why it cannot be read. */
export type PickedValue =
  | { ok: true; amount: Money; rawText: string }
  | { ok: true; count: number; rawText: string }
  | { ok: false; reason: string; rawText: string };

function picked(value: ReadValue): PickedValue {
  if (!value.ok) return { ok: false, reason: value.reason, rawText: value.rawText };
  return 'amount' in value ? { ok: true, amount: value.amount, rawText: value.rawText } : { ok: true, count: value.count, rawText: value.rawText };
}

export interface PickedNumber {
  /** The label the rule looks for. */
  label: string;
  /** True when the extractor, given only this label, finds exactly this number. */
  verified: boolean;
  /** Other words near the number the person may choose instead. */
  alternatives: string[];
  /** Where the number is, for when the label is not found. */
  fallbackPath: string;
  /** The number as read (or why it cannot be read). */
  value: PickedValue;
}

/**
 * Everything a taught rule needs about the picked number. `root` is the
 * document the extractor reads; `host` the page's host.
 */
export function describePick(
  root: Document,
  amount: Element,
  host: string,
  meaning: CaptureMeaning,
  options: { currency?: string; isHidden?: IsHidden } = {},
): PickedNumber {
  const currency = options.currency ?? 'USD';
  const fallbackPath = cssPath(amount);
  const shown = numberText(amount) ?? own(amount);
  const exactCopy = own(amount).length > 0 ? getAttr(amount, 'aria-label') : null;
  const value = picked(readValue(shown, exactCopy, meaning === 'count' ? 'count' : 'money', currency));
  const candidates = labelCandidates(amount);
  let verified: { label: string; value: PickedValue } | undefined;
  for (const label of candidates) {
    const result = extract(root, taughtAdapter(host, [probeRule(host, label, meaning)], currency), {
      ...(options.isHidden ? { isHidden: options.isHidden } : {}),
    });
    const item = result.items[0];
    if (item !== undefined && samePlace(resolvePath(root, item.path), amount)) {
      // The extractor's reading: an exact copy in an aria-label, split parts joined.
      const read: PickedValue = item.amount
        ? { ok: true, amount: item.amount, rawText: item.rawText }
        : item.count !== undefined
          ? { ok: true, count: item.count, rawText: item.rawText }
          : value;
      verified = { label, value: read };
      break;
    }
  }
  const label = verified?.label ?? candidates[0] ?? '';
  return {
    label,
    verified: verified !== undefined,
    alternatives: candidates.filter((c) => c !== label),
    fallbackPath,
    value: verified?.value ?? value,
  };
}

/** Every number on the page in reading order (for picking by keyboard), at most `limit`. */
export function numberElements(root: Document | Element, limit = 2000): Element[] {
  const found: Element[] = [];
  const all = root.querySelectorAll('body *');
  for (const el of Array.from(all)) {
    if (found.length >= limit) break;
    if (SKIP_TAGS.has(tagOf(el))) continue;
    if (numberText(el) === null) continue;
    // The outermost only: "$", "12,345" and ".67" inside a number are one number.
    if (found.length > 0 && found[found.length - 1]!.contains(el)) continue;
    found.push(el);
  }
  return found;
}
