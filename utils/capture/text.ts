/**
 * Reading one element's visible text on demand (an account name, an amount
 * when the browser's `isHidden` has the last word, a select's chosen
 * option): the same rules as the tree walk — never-read and hidden subtrees
 * skipped, aria-hidden parts kept apart — for a small subtree.
 */
import { collapse } from './amount';
import { ELEMENT_NODE, TEXT_NODE, CDATA_SECTION_NODE, getAttr, nodeOps, prop } from './dom';
import { NEVER_READ, OPAQUE } from './page-index';
import { unrenderedByMarkup, visuallyHiddenByMarkup, type Hiddenness } from './visibility';

/**
 * The browser's word on an element: true = not rendered, 'visually' =
 * screen-reader only, false = seen (visibility.ts `computedHidden`). A
 * plain boolean function works too (true = not seen).
 */
export type IsHidden = (element: Element) => Hiddenness;

/** Longest text read on demand (an account name or an option); longer text is cut. */
const MAX_ON_DEMAND = 2000;

export interface ReadText {
  /** What is seen and read: aria-hidden and screen-reader-only parts left out. */
  text: string;
  /** What is seen: aria-hidden parts included. */
  shown: string;
}

function markupOf(el: Element) {
  return { hidden: getAttr(el, 'hidden') !== null, style: getAttr(el, 'style'), className: getAttr(el, 'class') };
}

/** Elements that start a new line on the page: their text is set apart by a space when read for a name. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * The seen text of an element's subtree, by the walk's rules, the browser's
 * `isHidden` included. With `lines`, block elements are set apart by a space
 * ("Individual Brokerage" + <div>…1234</div> → "Individual Brokerage …1234");
 * without, text is joined as it flows (split amounts stay whole).
 */
export function readText(el: Element, isHidden?: IsHidden, lines = false): ReadText {
  let text = '';
  let shown = '';
  const visit = (node: Node, ariaHidden: boolean) => {
    if (shown.length > MAX_ON_DEMAND) return;
    const ops = nodeOps(node);
    const type = ops.nodeType(node);
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      const value = ops.nodeValue(node) ?? '';
      shown += value;
      if (!ariaHidden) text += value;
      return;
    }
    if (type !== ELEMENT_NODE) return;
    const tag = (ops.localName(node) ?? '').toLowerCase();
    if (NEVER_READ.has(tag) || OPAQUE.has(tag)) return;
    const markup = markupOf(node as Element);
    if (unrenderedByMarkup(markup) || visuallyHiddenByMarkup(markup)) return;
    if (isHidden !== undefined && isHidden(node as Element) !== false) return;
    const hiddenHere = ariaHidden || getAttr(node, 'aria-hidden')?.trim().toLowerCase() === 'true';
    const block = lines && BLOCK_TAGS.has(tag);
    if (block) {
      text += ' ';
      shown += ' ';
    }
    const shadow = prop(node, 'shadowRoot');
    if (shadow !== null && typeof shadow === 'object') {
      for (let child = nodeOps(shadow).firstChild(shadow); child !== null; child = nodeOps(child).nextSibling(child)) visit(child, hiddenHere);
    }
    for (let child = ops.firstChild(node); child !== null; child = nodeOps(child).nextSibling(child)) visit(child, hiddenHere);
    if (block) {
      text += ' ';
      shown += ' ';
    }
  };
  visit(el, false);
  return { text: collapse(text), shown: collapse(shown) };
}

/** The text a select shows: its chosen option (the live choice in a browser, else the `selected` attribute, else the first). */
export function selectedOptionText(select: Element): string | null {
  const options: Element[] = [];
  const collect = (parent: Node) => {
    for (let child = nodeOps(parent).firstChild(parent); child !== null; child = nodeOps(child).nextSibling(child)) {
      const ops = nodeOps(child);
      if (ops.nodeType(child) !== ELEMENT_NODE) continue;
      const tag = (ops.localName(child) ?? '').toLowerCase();
      if (tag === 'option') options.push(child as Element);
      else if (tag === 'optgroup') collect(child);
    }
  };
  collect(select);
  if (options.length === 0) return null;
  const live = prop(select, 'selectedIndex');
  let chosen: Element | undefined;
  if (typeof live === 'number' && live >= 0) chosen = options[live];
  chosen ??= options.find((o) => getAttr(o, 'selected') !== null) ?? options[0];
  if (chosen === undefined) return null;
  const value = prop(chosen, 'textContent');
  return typeof value === 'string' ? collapse(value) : null;
}
