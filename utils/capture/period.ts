/**
 * Which period an earnings figure is for, as the page words it. For a
 * figure with `periods`, looking outwards from the label, the first
 * container that shows one of the period words decides:
 * 1. a selected tab / pressed button / current link / checked radio
 *    (aria-selected, aria-pressed, aria-checked = "true", or aria-current)
 *    whose text is a period word (the closest to the label);
 * 2. a <select> whose chosen option is a period word;
 * 3. a period word as an element's text in the same card or section — only
 *    when it is the only one there; several unselected period words (tabs
 *    marked selected only by a class) are not guessed between: null.
 * A `fixedPeriod` figure reports its fixed period.
 */
import { labelKey } from './amount';
import { getAttr } from './dom';
import { contains, within, type ElementRecord, type LabelHit, type PageIndex, type PeriodHit } from './page-index';
import { selectedOptionText } from './text';
import type { FigureSpec } from './types';

/** aria-selected / aria-pressed / aria-checked = "true", or aria-current set (and not "false"). */
function marksSelected(rec: ElementRecord): boolean {
  for (const name of ['aria-selected', 'aria-pressed', 'aria-checked']) {
    if (getAttr(rec.el, name)?.trim().toLowerCase() === 'true') return true;
  }
  const current = getAttr(rec.el, 'aria-current');
  return current !== null && current.trim().toLowerCase() !== 'false';
}

const TAB_ROLES = new Set(['tab', 'option', 'radio', 'menuitemradio', 'button', 'link']);

/**
 * Selected itself, or inside a selected tab-like element
 * (<button role="tab" aria-selected="true"><span>This month</span></button>).
 */
function isSelected(hit: PeriodHit): boolean {
  let r: ElementRecord = hit.rec;
  for (let i = 0; i < 4; i++) {
    if (marksSelected(r)) return true;
    const parent = r.parent;
    if (parent === null) return false;
    const wrapper = parent.text === hit.rec.text;
    const tabLike = parent.tag === 'button' || parent.tag === 'a' || (parent.role !== null && TAB_ROLES.has(parent.role));
    if (!wrapper && !tabLike) return false;
    r = parent;
  }
  return false;
}

export function periodFor(
  index: PageIndex,
  figure: FigureSpec,
  hit: LabelHit,
  visible: (rec: ElementRecord) => boolean,
  /**
   * Selects need only be rendered: sites lay a transparent native <select>
   * over a styled label (Amazon Associates' period picker), and that select
   * is the control whose choice is in effect.
   */
  rendered: (rec: ElementRecord) => boolean = visible,
): string | null {
  if (figure.fixedPeriod !== undefined) return figure.fixedPeriod;
  if (figure.periods === undefined || figure.periods.length === 0) return null;
  const words = new Set(figure.periods.map(labelKey));
  const hits = index.periods.filter((p) => words.has(p.key) && visible(p.rec));
  const selects = index.selects.filter(rendered);
  const closest = (list: PeriodHit[]) =>
    list.reduce((best, p) => (Math.abs(p.order - hit.order) < Math.abs(best.order - hit.order) ? p : best));

  for (let level: ElementRecord | null = hit.rec; level !== null; level = level.parent) {
    const holder = level;
    const inside = hits.filter((p) => p.rec === holder || contains(holder, p.order));
    const selected = inside.filter(isSelected);
    if (selected.length > 0) return closest(selected).text;
    for (const select of within(selects, holder)) {
      const chosen = selectedOptionText(select.el);
      if (chosen !== null && words.has(labelKey(chosen))) return chosen;
    }
    const distinct = new Set(inside.map((p) => p.key));
    if (distinct.size === 1) return closest(inside).text;
    if (distinct.size > 1) return null;
  }
  return null;
}
