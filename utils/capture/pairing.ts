/**
 * From a label to the figure that belongs to it, most certain first (the
 * confidence reported):
 * 1. the element the label names: an aria-label on the amount itself (0.95)
 *    or on its container, an aria-labelledby container, or the label's own
 *    element holding the figure after it ("Balance: <b>$12</b>") (0.9);
 * 2. the same definition pair (<dt>/<dd>, role=term/definition)      (1.0);
 * 3. the same table row (th/td, role=row/cell): the first figure after the
 *    label's cell (1.0; 0.8 when only one before it); a column header
 *    labels the cell in its column of every body row                   (0.95);
 * 4. the same card / list item / section: the nearest ancestor holding a
 *    figure and no other label of the same figure; within it the closest
 *    figure after the label and before the next label, else the closest
 *    before it  (0.8 within two levels, 0.05 less per level above, at least 0.6);
 * 5. a flat run of label/figure siblings (the parent holds other labels of
 *    the same figure): the figure after the label, before the next label (0.7).
 * More than one figure to choose from lowers the confidence (by 0.15 in a
 * card or run, to 0.9 in a row, 0.85 in a definition pair, 0.8 in a column,
 * 0.75 in a named container).
 */
import type { ReadValue } from './amount';
import { getAttr } from './dom';
import { contains, firstAfter, within, type ElementRecord, type LabelHit, type PageIndex, type ValueCandidate } from './page-index';

export interface PairContext {
  index: PageIndex;
  /** Visible per the injected `isHidden` (the walk already dropped what the markup hides). */
  visible(rec: ElementRecord): boolean;
  /** The figure read from a candidate, for the figure being paired (cached). */
  read(candidate: ValueCandidate): ReadValue;
  /** Elements whose whole text is a label: never a figure themselves. */
  labelRecs: Set<ElementRecord>;
  /** Label hits of the figure being paired (sorted by order). */
  sameFigure: LabelHit[];
}

export interface Pairing {
  hit: LabelHit;
  /** The figure's candidate; null when the place for it (`slot`) holds none. */
  candidate: ValueCandidate | null;
  slot: ElementRecord | null;
  confidence: number;
  /** The body row a column header was paired in (its account). */
  row: ElementRecord | null;
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);
const TABLE_ROLES = new Set(['table', 'grid', 'treegrid']);
const SEVERAL_PENALTY = 0.15;
const MAX_CLIMB = 6;

/** A cell's colspan (read when a column is counted). */
function colspan(cell: ElementRecord): number {
  const n = Number.parseInt(getAttr(cell.el, 'colspan') ?? '1', 10);
  return n >= 1 && n <= 1000 ? n : 1;
}

const isCell = (r: ElementRecord) => r.tag === 'td' || r.tag === 'th' || (r.role !== null && CELL_ROLES.has(r.role));
const isRow = (r: ElementRecord) => r.tag === 'tr' || r.role === 'row';
const isTable = (r: ElementRecord) => r.tag === 'table' || (r.role !== null && TABLE_ROLES.has(r.role));

function climb(rec: ElementRecord, levels: number, test: (r: ElementRecord) => boolean): ElementRecord | null {
  let r: ElementRecord | null = rec;
  for (let i = 0; r !== null && i <= levels; i++, r = r.parent) if (test(r)) return r;
  return null;
}

/** Usable candidates: visible, not a label themselves. */
function usable(ctx: PairContext, list: ValueCandidate[]): ValueCandidate[] {
  return list.filter((c) => (c.textNode || !ctx.labelRecs.has(c.rec)) && ctx.visible(c.rec));
}

/**
 * Among candidates in preference order (closest first): the first that is a
 * figure with its currency or a stand-in for one (masked, a dash, a rounded
 * "$1.2K" — reported, never skipped for a farther figure); else the first
 * bare number ("1,234", the adapter's currency assumed); else the first.
 */
function pick(ctx: PairContext, list: ValueCandidate[]): { candidate: ValueCandidate; several: boolean } | null {
  let first: ValueCandidate | null = null;
  let firstBare: ValueCandidate | null = null;
  let figures = 0;
  for (const c of list) {
    const value = ctx.read(c);
    const strong = value.ok ? !value.bare : value.standIn;
    if (strong || value.ok) figures++;
    if (strong) first ??= c;
    else if (value.ok) firstBare ??= c;
  }
  const candidate = first ?? firstBare ?? list[0] ?? null;
  return candidate === null ? null : { candidate, several: figures > 1 };
}

const single = (hit: LabelHit, candidate: ValueCandidate | null, slot: ElementRecord | null, confidence: number): Pairing[] => [
  { hit, candidate, slot, confidence, row: null },
];

function cellsOf(row: ElementRecord): ElementRecord[] {
  const cells: ElementRecord[] = [];
  for (let c = row.firstChild; c !== null; c = c.nextSibling) {
    if (isCell(c)) cells.push(c);
    else for (let g = c.firstChild; g !== null; g = g.nextSibling) if (isCell(g)) cells.push(g); // role=none wrappers
  }
  return cells;
}

function columnOf(row: ElementRecord, cell: ElementRecord): number {
  let column = 0;
  for (const c of cellsOf(row)) {
    if (c === cell) return column;
    column += colspan(c);
  }
  return -1;
}

function cellAtColumn(row: ElementRecord, column: number): ElementRecord | null {
  let at = 0;
  for (const c of cellsOf(row)) {
    const span = colspan(c);
    if (column >= at && column < at + span) return c;
    at += span;
  }
  return null;
}

function isHeaderCell(cell: ElementRecord, row: ElementRecord): boolean {
  if (cell.role === 'columnheader') return true;
  if (cell.tag !== 'th') return false;
  if (climb(row, 2, (r) => r.tag === 'thead') !== null) return true;
  return cellsOf(row).every((c) => c.tag === 'th' || c.role === 'columnheader');
}

/** A column header: the cell in the same column of each body row (not header/footer rows, not rows holding another figure's label). */
function pairColumn(ctx: PairContext, hit: LabelHit, cell: ElementRecord, headerRow: ElementRecord): Pairing[] {
  const table = climb(headerRow, 4, isTable);
  const column = columnOf(headerRow, cell);
  if (table === null || column < 0) return [];
  const pairings: Pairing[] = [];
  for (const row of within(ctx.index.rows, table)) {
    if (row.order <= headerRow.end || climb(row, 4, isTable) !== table) continue;
    if (climb(row, 2, (r) => r.tag === 'thead' || r.tag === 'tfoot') !== null || !ctx.visible(row)) continue;
    if (within(ctx.index.labels, row).some((l) => l.rec !== hit.rec)) continue; // "Total" rows have their own figure
    const target = cellAtColumn(row, column);
    if (target === null || isHeaderCell(target, row)) continue;
    const chosen = pick(ctx, usable(ctx, within(ctx.index.candidates, target, true)));
    pairings.push({ hit, candidate: chosen?.candidate ?? null, slot: target, confidence: chosen?.several ? 0.8 : 0.95, row });
  }
  return pairings;
}

/** Candidates in `container` between the label and the labels around it: after it first (closest first), then before it (closest first). */
function around(ctx: PairContext, container: ElementRecord, hit: LabelHit, labelEnd: number): { after: ValueCandidate[]; before: ValueCandidate[] } {
  const labels = ctx.index.labels;
  const at = firstAfter(labels, labelEnd);
  const next = labels[at]?.order ?? Number.POSITIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = firstAfter(labels, hit.order - 1) - 1; i >= 0; i--) {
    const l = labels[i]!;
    if (l.order < hit.order && !(l.rec === hit.rec)) {
      previous = l.via === 'text' || l.via === 'own-text' ? Math.max(l.order, l.rec.end) : l.order;
      break;
    }
  }
  const inside = usable(ctx, within(ctx.index.candidates, container));
  const after = inside.filter((c) => c.order > labelEnd && c.order < next);
  const before = inside.filter((c) => c.order < hit.order && c.order > previous).reverse();
  return { after, before };
}

/** The figure after the label if there is one, else the one before it; anything else (to report) last. */
function pickAround(ctx: PairContext, { after, before }: { after: ValueCandidate[]; before: ValueCandidate[] }) {
  const isFigure = (c: ValueCandidate) => {
    const value = ctx.read(c);
    return value.ok || value.standIn;
  };
  if (after.some(isFigure)) return pick(ctx, after);
  if (before.some(isFigure)) return pick(ctx, before);
  return pick(ctx, [...after, ...before]);
}

export function locate(ctx: PairContext, hit: LabelHit): Pairing[] {
  const rec = hit.rec;
  const candidates = ctx.index.candidates;

  // 1. The element the label names, or the label's own element holding the figure.
  if (hit.via === 'aria-label' || hit.via === 'labelledby') {
    const chosen = pick(ctx, usable(ctx, within(candidates, rec, true)));
    if (chosen !== null) {
      const self = chosen.candidate.rec === rec;
      return single(hit, chosen.candidate, null, self ? 0.95 : chosen.several ? 0.75 : 0.9);
    }
  }
  if (hit.via === 'own-text') {
    const chosen = pick(ctx, usable(ctx, within(candidates, rec).filter((c) => c.order > hit.order)));
    if (chosen !== null) return single(hit, chosen.candidate, null, chosen.several ? 0.75 : 0.9);
  }
  const labelEnd = hit.via === 'text' ? rec.end : hit.order;

  // 2. Definition pair.
  const term = climb(rec, 2, (r) => r.tag === 'dt' || r.role === 'term');
  if (term !== null) {
    for (let s = term.nextSibling; s !== null && s.tag !== 'dt' && s.role !== 'term'; s = s.nextSibling) {
      if (s.tag !== 'dd' && s.role !== 'definition') continue;
      const chosen = pick(ctx, usable(ctx, within(candidates, s, true)));
      return single(hit, chosen?.candidate ?? null, s, chosen?.several ? 0.85 : 1);
    }
  }

  // 3. Table row, or a column header.
  const cell = climb(rec, 3, isCell);
  const row = cell === null ? null : climb(cell.parent ?? cell, 2, isRow);
  if (cell !== null && row !== null) {
    if (isHeaderCell(cell, row) && cell.tag !== 'td') {
      const pairings = pairColumn(ctx, hit, cell, row);
      if (pairings.length > 0) return pairings;
    } else {
      const inRow = usable(ctx, within(candidates, row));
      const after = inRow.filter((c) => c.order > cell.end);
      const before = inRow.filter((c) => c.order < cell.order).reverse();
      const chosen = pick(ctx, after.length > 0 ? after : before);
      if (chosen !== null) return single(hit, chosen.candidate, null, after.length > 0 ? (chosen.several ? 0.9 : 1) : 0.8);
      const next = cell.nextSibling;
      if (next !== null && isCell(next)) return single(hit, null, next, 1);
    }
  }

  // 4./5. Card, list item, section; or a flat run of siblings.
  let container = rec.parent;
  for (let level = 1; container !== null && level <= MAX_CLIMB; level++, container = container.parent) {
    const holder = container;
    const rival = ctx.sameFigure.some((l) => l !== hit && l.rec !== rec && contains(holder, l.order));
    const list = around(ctx, holder, hit, labelEnd);
    if (rival) {
      const chosen = pick(ctx, list.after);
      return chosen === null ? [] : single(hit, chosen.candidate, null, chosen.several ? 0.55 : 0.7);
    }
    if (within(candidates, holder).length === 0) continue;
    const chosen = pickAround(ctx, list);
    if (chosen === null) return [];
    const base = level <= 2 ? 0.8 : Math.max(0.6, 0.8 - 0.05 * (level - 2));
    return single(hit, chosen.candidate, null, chosen.several ? base - SEVERAL_PENALTY : base);
  }
  return [];
}
