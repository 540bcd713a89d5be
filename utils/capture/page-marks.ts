/**
 * Attributes the walk needs, read without reading every element's attribute
 * list: one querySelectorAll finds the few elements with hidden / style /
 * ARIA / title attributes, and those are read precisely; aria-labelledby
 * names are resolved after the walk.
 */
import { collapse, labelKey } from './amount';
import { callMethod, getAttr, prop, textContentOf } from './dom';
import type { ElementRecord, IndexKeys, PageIndex } from './page-records';
import { MAYBE_HIDDEN_SELECTOR, unrenderedByMarkup, visuallyHiddenByMarkup } from './visibility';

/** Labels and period words are compared only on texts up to this length. */
export const MAX_LABEL_TEXT = 100;

/** What an element's attributes say, for the few elements that have any of these. */
export interface Marks {
  unrendered: boolean;
  srOnly: boolean;
  ariaHidden: boolean;
  role: string | null;
  ariaLabel: string | null;
  title: string | null;
  labelledBy: string | null;
}

export const NO_MARKS: Marks = { unrendered: false, srOnly: false, ariaHidden: false, role: null, ariaLabel: null, title: null, labelledBy: null };
export const SR_ONLY_MARKS: Marks = { ...NO_MARKS, srOnly: true };
const MARKED_SELECTOR = `${MAYBE_HIDDEN_SELECTOR},[aria-hidden],[aria-label],[title],[role],[aria-labelledby]`;

/**
 * The elements with attributes that matter (hidden, styled, a visually-hidden
 * class, ARIA, a title), found with one querySelectorAll and read precisely:
 * the walk then looks each element up instead of reading every attribute list.
 */
export function collectMarks(root: Document | Element | Node, withRoot: boolean, marks: Map<Element, Marks>): Map<Element, Marks> {
  const found = callMethod(root, 'querySelectorAll', MARKED_SELECTOR);
  const elements: Element[] = [];
  if (found !== null && typeof found === 'object') {
    const length = prop(found, 'length');
    for (let i = 0; typeof length === 'number' && i < length; i++) {
      const el = callMethod(found, 'item', i);
      if (el !== null && typeof el === 'object') elements.push(el as Element);
    }
  }
  if (withRoot) elements.push(root as Element);
  for (const el of elements) {
    const style = getAttr(el, 'style');
    const className = getAttr(el, 'class');
    const visibility = { hidden: getAttr(el, 'hidden') !== null, style, className };
    if (marks.has(el)) continue;
    const role = getAttr(el, 'role');
    marks.set(el, {
      unrendered: unrenderedByMarkup(visibility),
      srOnly: visuallyHiddenByMarkup(visibility),
      ariaHidden: getAttr(el, 'aria-hidden')?.trim().toLowerCase() === 'true',
      role: role === null ? null : (role.trim().toLowerCase().split(/\s+/)[0] ?? null),
      ariaLabel: getAttr(el, 'aria-label'),
      title: getAttr(el, 'title'),
      labelledBy: getAttr(el, 'aria-labelledby'),
    });
  }
  return marks;
}

/** An id as a CSS selector ("#a\:b"). */
function idSelector(id: string): string {
  return `#${id.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch.codePointAt(0)!.toString(16)} `).replace(/^(\d)/, '\\3$1 ')}`;
}

/** aria-labelledby: the referenced elements' text, in order, names the element. */
export function resolveLabelledBy(
  index: PageIndex,
  list: { rec: ElementRecord; ids: string }[],
  keys: IndexKeys,
  root: Document | Element,
  isDocument: boolean,
): void {
  if (list.length === 0) return;
  const byElement = new Map(index.records.map((r) => [r.el, r]));
  for (const { rec, ids } of list) {
    if (rec.ariaHidden) continue;
    const parts: string[] = [];
    for (const id of ids.split(/\s+/)) {
      if (id.length === 0) continue;
      const found = isDocument ? callMethod(root, 'getElementById', id) : callMethod(root, 'querySelector', idSelector(id));
      if (found === null || typeof found !== 'object') continue;
      const target = byElement.get(found as Element);
      // A referenced element may itself be hidden: its text still names the element.
      const text = target !== undefined && target.spoken !== null ? target.spoken : collapse(textContentOf(found));
      parts.push(text);
    }
    const name = collapse(parts.join(' '));
    if (name.length === 0 || name.length > MAX_LABEL_TEXT) continue;
    const figures = keys.labels.get(labelKey(name));
    if (figures !== undefined) index.labels.push({ figures, rec, order: rec.order, text: name.replace(/\s*[:：]$/, ''), via: 'labelledby' });
  }
}
