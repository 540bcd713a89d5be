/**
 * What the page walk (page-index.ts) records: one ElementRecord per visible
 * element in document order, the figure candidates, label and period hits;
 * and the range queries pairing runs on them (binary search by order).
 */

export interface ElementRecord {
  el: Element;
  /** Lower-case tag name. */
  tag: string;
  /** Position in document order; `end` is the last position inside it (inclusive). */
  order: number;
  end: number;
  parent: ElementRecord | null;
  firstChild: ElementRecord | null;
  nextSibling: ElementRecord | null;
  /** What a person sees and a screen reader reads (collapsed); null when long. */
  text: string | null;
  /** What a person sees, aria-hidden parts included; null when long. */
  shown: string | null;
  /** What a screen reader reads, screen-reader-only text included; null when long. */
  spoken: string | null;
  role: string | null;
  ariaLabel: string | null;
  /** Inside (or is) an aria-hidden="true" subtree. */
  ariaHidden: boolean;
  /** Inside (or is) a visually-hidden (screen-reader-only) subtree. */
  srOnly: boolean;
  /** Its text (or, with none, its aria-hidden text) looks like a figure. */
  valueLike: boolean;
}

/** Something that shows (or stands in for) a figure. */
export interface ValueCandidate {
  rec: ElementRecord;
  order: number;
  /** The figure's text as shown, collapsed ("" when only an attribute carries it). */
  shown: string;
  /** An exact copy in an aria-label or title of it or inside it ("$1,234.56" behind "$1.2K"). */
  exactCopy: string | null;
  /** Found as a bare text node beside other content in `rec` ("Balance: $12" in one <p>). */
  textNode: boolean;
}

export type LabelVia = 'text' | 'own-text' | 'aria-label' | 'labelledby';

export interface LabelHit {
  /** Indices into the adapter's figures whose labels this is. */
  figures: number[];
  rec: ElementRecord;
  order: number;
  /** The label as the page words it (collapsed, trailing colon dropped). */
  text: string;
  via: LabelVia;
}

export interface PeriodHit {
  rec: ElementRecord;
  order: number;
  text: string;
  key: string;
}

export interface PageIndex {
  records: ElementRecord[];
  candidates: ValueCandidate[];
  labels: LabelHit[];
  periods: PeriodHit[];
  selects: ElementRecord[];
  rows: ElementRecord[];
  headings: ElementRecord[];
  links: ElementRecord[];
}

export interface IndexKeys {
  /** labelKey(label) → figure indices. */
  labels: Map<string, number[]>;
  /** labelKey(period word). */
  periods: Set<string>;
}

/** Index of the first item with order > `after` (items sorted by order). */
export function firstAfter<T extends { order: number }>(items: T[], after: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.order <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items strictly inside `rec` (order in (rec.order, rec.end]), plus `rec` itself when `self`. */
export function within<T extends { order: number }>(items: T[], rec: ElementRecord, self = false): T[] {
  const out: T[] = [];
  for (let i = firstAfter(items, self ? rec.order - 1 : rec.order); i < items.length && items[i]!.order <= rec.end; i++) {
    out.push(items[i]!);
  }
  return out;
}

export function contains(outer: ElementRecord, order: number): boolean {
  return order > outer.order && order <= outer.end;
}
