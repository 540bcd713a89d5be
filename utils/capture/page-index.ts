/**
 * The one walk over the page: every visible element gets a record (its
 * place in document order, its parent, its short text), and on the way the
 * walk notes what the extractor pairs afterwards — the elements whose own
 * text (or ARIA name) is one of the adapter's labels, the texts that look
 * like a figure, period words, rows, headings, links, selects. Pairing then
 * works on these lists (binary search by document order), never by querying
 * the DOM again per label.
 *
 * Never read: <script>, <style>, <template>, <noscript>, <head>; hidden
 * subtrees (see visibility.ts). Not descended into: <svg>, <canvas>,
 * <select> (its chosen option is read on demand), frames, media, form fields.
 */
import { MAX_AMOUNT_TEXT, collapse, labelKey, looksLikeNumber, looksLikeValue } from './amount';
import { CDATA_SECTION_NODE, DOCUMENT_NODE, ELEMENT_NODE, TEXT_NODE, prop, treeOps } from './dom';
import { MAX_LABEL_TEXT, NO_MARKS, SR_ONLY_MARKS, collectMarks, resolveLabelledBy } from './page-marks';
import type { ElementRecord, IndexKeys, LabelVia, PageIndex, ValueCandidate } from './page-records';
import { hiddenByClass } from './visibility';

export type { ElementRecord, IndexKeys, LabelHit, LabelVia, PageIndex, PeriodHit, ValueCandidate } from './page-records';
export { contains, firstAfter, within } from './page-records';

/** Texts longer than this (raw, at least) are not kept: no label, amount or period word is that long. */
const MIN_RAW_TEXT = 120;
/** Elements that can host a shadow root (custom elements aside). */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

export const NEVER_READ = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'meta', 'link', 'base']);
export const OPAQUE = new Set(['svg', 'math', 'canvas', 'select', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'textarea', 'input', 'img', 'picture', 'option', 'optgroup', 'datalist']);

interface DirectText {
  text: string;
  order: number;
  /** Seen (not screen-reader-only): may be a figure. */
  seen: boolean;
}

interface Frame {
  rec: ElementRecord;
  /** Raw text per channel (see ElementRecord); `shown` / `spoken` are null while they equal `text`. */
  text: string;
  shown: string | null;
  spoken: string | null;
  long: boolean;
  /** Candidates found in the children, waiting to learn whether this element is itself one figure. */
  pending: ValueCandidate[];
  exactCopy: string | null;
  /** Its own text nodes (reused arrays: a frame is reused for every element at its depth). */
  directTexts: DirectText[];
  /** Children (elements or text nodes) that add spoken text; `soleChild` when that is one element. */
  contributors: number;
  soleChild: ElementRecord | null;
  lastChild: ElementRecord | null;
  /** A label was found in this element or inside it: then it is no figure itself. */
  labelInside: boolean;
  /** An open shadow root's host: its light children, walked after the shadow tree. */
  light: Node | null;
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** What labelKey strips from a label's start and end. */
const LABEL_EDGE = ' ,;:·•|–—-';
const LABEL_TAIL = ' ,;:：';
/** "Total balance: $12,345.67" in one text: the label, then the figure. */
const SPLIT_AT_COLON = /^(.{1,80}?)\s*[:：]\s+(\S.{0,47})$/;
const dropColon = (text: string) => text.replace(/\s*[:：]$/, '');

/** A 128-entry table of which ASCII characters are in `chars`. */
function asciiTable(chars: Set<string>): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c < 128) table[c] = 1;
  }
  return table;
}

/** Does one child element show all of `rec`'s seen text? */
function childShowsAll(rec: ElementRecord): boolean {
  for (let child = rec.firstChild; child !== null; child = child.nextSibling) if (child.text === rec.text) return true;
  return false;
}

function tooLong(frame: Frame, max: number): boolean {
  return frame.text.length > max || (frame.shown !== null && frame.shown.length > max) || (frame.spoken !== null && frame.spoken.length > max);
}

function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12 && c !== 160) return false;
  }
  return true;
}

/** Builds the index of `root` (a document or an element) for the given label and period keys. */
export function buildIndex(root: Document | Element, keys: IndexKeys): PageIndex {
  const index: PageIndex = { records: [], candidates: [], labels: [], periods: [], selects: [], rows: [], headings: [], links: [] };
  const labelledBy: { rec: ElementRecord; ids: string }[] = [];
  const stack: Frame[] = [];
  const pool: Frame[] = [];
  let order = 0;
  const opsOf = treeOps(root);
  const rootOps = opsOf(root);
  const isDocument = rootOps.nodeType(root) === DOCUMENT_NODE;
  const marks = collectMarks(root, !isDocument, new Map());
  // A document is walked from its <html> element (a doctype's siblings are not always linked in linkedom).
  const top = isDocument ? ((prop(root, 'documentElement') as Element | null | undefined) ?? null) : (root as Element);
  let node: Node | null = top;

  let longestKey = 0;
  for (const key of keys.labels.keys()) longestKey = Math.max(longestKey, key.length);
  for (const key of keys.periods) longestKey = Math.max(longestKey, key.length);
  const maxRaw = Math.max(MIN_RAW_TEXT, 2 * (longestKey + 8), 2 * MAX_AMOUNT_TEXT);
  // Cheap tests first (this runs on every short text): the first and last characters of every key.
  const firstChars = new Set<string>();
  const lastChars = new Set<string>();
  for (const key of [...keys.labels.keys(), ...keys.periods]) {
    firstChars.add(key[0] ?? '');
    lastChars.add(key[key.length - 1] ?? '');
  }
  const firstAscii = asciiTable(firstChars);
  const lastAscii = asciiTable(lastChars);
  const edgeAscii = asciiTable(new Set(LABEL_EDGE + LABEL_TAIL));
  /** Notes a label / period word; true when `text` (collapsed) is one of the figures' labels. */
  const matchLabel = (rec: ElementRecord, text: string, at: number, via: LabelVia): boolean => {
    // A text much longer than every label is none (screen-reader punctuation aside).
    if (text.length === 0 || text.length > longestKey + 8) return false;
    const c0 = text.charCodeAt(0);
    const cn = text.charCodeAt(text.length - 1);
    if (c0 < 128 && cn < 128 && !edgeAscii[c0] && !edgeAscii[cn]) {
      // The common case, without allocating: plain ASCII at both ends.
      if (!firstAscii[c0 >= 65 && c0 <= 90 ? c0 | 32 : c0] || !lastAscii[cn >= 65 && cn <= 90 ? cn | 32 : cn]) return false;
    } else {
      let first = 0;
      while (first < text.length && LABEL_EDGE.includes(text[first]!)) first++;
      let last = text.length - 1;
      while (last > first && LABEL_TAIL.includes(text[last]!)) last--;
      if (first >= text.length) return false;
      if (!firstChars.has(text[first]!.toLowerCase()) || !lastChars.has(text[last]!.toLowerCase())) return false;
    }
    const key = labelKey(text);
    const figures = keys.labels.get(key);
    const isPeriod = keys.periods.has(key);
    if (figures === undefined && !isPeriod) return false;
    const shown = dropColon(text);
    if (figures !== undefined) index.labels.push({ figures, rec, order: at, text: shown, via });
    if (isPeriod) index.periods.push({ rec, order: at, text: shown, key });
    return figures !== undefined;
  };

  const enter = (el: Element, tag: string, className: string): Frame | null => {
    const m = marks.get(el) ?? (className.length > 0 && hiddenByClass(className) ? SR_ONLY_MARKS : NO_MARKS);
    if (m.unrendered) return null;
    const parentFrame = stack.length > 0 ? stack[stack.length - 1]! : null;
    const parent = parentFrame === null ? null : parentFrame.rec;
    const ariaHidden = m.ariaHidden || (parent !== null && parent.ariaHidden);
    const srOnly = m.srOnly || (parent !== null && parent.srOnly);
    const rec: ElementRecord = {
      el, tag, order: order++, end: 0, parent, firstChild: null, nextSibling: null, text: null, shown: null, spoken: null,
      role: m.role, ariaLabel: m.ariaLabel, ariaHidden, srOnly, valueLike: false,
    };
    index.records.push(rec);
    if (parentFrame !== null) {
      if (parentFrame.lastChild === null) parentFrame.rec.firstChild = rec;
      else parentFrame.lastChild.nextSibling = rec;
      parentFrame.lastChild = rec;
    }
    const role = m.role;
    if (tag === 'tr' || role === 'row') index.rows.push(rec);
    else if (tag === 'a') index.links.push(rec);
    else if (tag === 'select') index.selects.push(rec);
    if (HEADING_TAGS.has(tag) || role === 'heading') index.headings.push(rec);
    let exactCopy: string | null = null;
    if (m !== NO_MARKS && !srOnly) {
      if (m.ariaLabel !== null && looksLikeNumber(collapse(m.ariaLabel))) exactCopy = collapse(m.ariaLabel);
      else if (m.title !== null && looksLikeNumber(collapse(m.title))) exactCopy = collapse(m.title);
    }
    if (m.labelledBy !== null) labelledBy.push({ rec, ids: m.labelledBy });
    // One frame per depth, reused: at most one element per depth is open at a time.
    let frame = pool[stack.length];
    if (frame === undefined) {
      frame = {
        rec, text: '', shown: null, spoken: null, long: false, pending: [], exactCopy, directTexts: [],
        contributors: 0, soleChild: null, lastChild: null, labelInside: false, light: null,
      };
      pool[stack.length] = frame;
    } else {
      frame.rec = rec;
      frame.text = '';
      frame.shown = frame.spoken = null;
      frame.long = frame.labelInside = false;
      // (Setting an array's length is a slow path: only when there is something to clear.)
      if (frame.pending.length !== 0) frame.pending.length = 0;
      if (frame.directTexts.length !== 0) frame.directTexts.length = 0;
      frame.exactCopy = exactCopy;
      frame.contributors = 0;
      frame.soleChild = frame.lastChild = null;
      frame.light = null;
    }
    // An aria-label names the element itself: its content may well be the figure.
    if (m.ariaLabel !== null && !ariaHidden) matchLabel(rec, collapse(m.ariaLabel), rec.order, 'aria-label');
    return frame;
  };

  const addText = (frame: Frame, value: string) => {
    if (frame.long) return;
    if (isBlank(value)) {
      frame.text += ' ';
      if (frame.shown !== null) frame.shown += ' ';
      if (frame.spoken !== null) frame.spoken += ' ';
      return;
    }
    const { ariaHidden, srOnly } = frame.rec;
    if (!srOnly && ariaHidden) frame.shown = (frame.shown ?? frame.text) + value;
    else if (!srOnly && frame.shown !== null) frame.shown += value;
    if (!ariaHidden && srOnly) frame.spoken = (frame.spoken ?? frame.text) + value;
    else if (!ariaHidden && frame.spoken !== null) frame.spoken += value;
    if (!ariaHidden) {
      if (!srOnly) frame.text += value;
      frame.contributors++;
      frame.soleChild = null;
      // Two positions: the text, and a figure split off it ("Balance: $12").
      frame.directTexts.push({ text: value, order, seen: !srOnly });
      order += 2;
    }
    if (tooLong(frame, maxRaw)) frame.long = true;
  };

  const exit = (frame: Frame) => {
    const rec = frame.rec;
    rec.end = order - 1;
    const parentFrame = stack.length > 0 ? stack[stack.length - 1]! : null;
    let matchedWhole = false;
    if (!frame.long) {
      // A pure wrapper (all its text is one child's) is not matched again: the innermost element is the label.
      const sole = frame.contributors === 1 ? frame.soleChild : null;
      rec.text = sole !== null ? sole.text : collapse(frame.text);
      rec.spoken = sole !== null ? sole.spoken : frame.spoken === null ? rec.text : collapse(frame.spoken);
      rec.shown = frame.shown === null ? rec.text : collapse(frame.shown);
      if (sole === null && !rec.ariaHidden) {
        matchedWhole = matchLabel(rec, rec.spoken!, rec.order, 'text');
        // What is seen alone (screen-reader text aside), unless one child shows all of it (then that child is the label).
        if (!matchedWhole && rec.text !== rec.spoken && !childShowsAll(rec)) matchedWhole = matchLabel(rec, rec.text!, rec.order, 'text');
      }
    }
    if (matchedWhole) frame.labelInside = true;
    // An element holding a label is never the figure (its seen text may be just the figure when the label is screen-reader text).
    const valueText = rec.text !== null && rec.text.length > 0 ? rec.text : rec.shown;
    const sole = frame.contributors === 1 ? frame.soleChild : null;
    const looksValue =
      valueText !== null && valueText.length > 0 && valueText.length <= MAX_AMOUNT_TEXT &&
      (sole !== null && valueText === sole.text ? sole.valueLike : looksLikeValue(valueText));
    rec.valueLike = looksValue;
    // A figure: its text is one (split across children or not), or its aria-label / title is one
    // (then that names the whole subtree: an odometer's digit reels inside are not figures).
    if (!frame.labelInside && (looksValue || frame.exactCopy !== null)) {
      const exactCopy = frame.exactCopy ?? frame.pending.find((c) => c.exactCopy !== null)?.exactCopy ?? null;
      const candidate: ValueCandidate = { rec, order: rec.order, shown: looksValue ? valueText! : '', exactCopy, textNode: false };
      if (parentFrame !== null) parentFrame.pending.push(candidate);
      else index.candidates.push(candidate);
    } else {
      for (const c of frame.pending) index.candidates.push(c);
      // Text beside other content in the same element: "Total balance" before an info button,
      // "$12" after a <b>Balance</b>, or both in one text ("Balance: $12").
      if (frame.directTexts.length > 0 && !matchedWhole && !rec.ariaHidden) {
        for (const direct of frame.directTexts) {
          const text = collapse(direct.text);
          if (text.length === 0) continue;
          if (frame.contributors > 1) {
            if (matchLabel(rec, text, direct.order, 'own-text')) frame.labelInside = true;
            if (direct.seen && looksLikeValue(text)) {
              index.candidates.push({ rec, order: direct.order, shown: text, exactCopy: null, textNode: true });
            }
          }
          const colon = direct.seen && text.length <= MAX_LABEL_TEXT ? SPLIT_AT_COLON.exec(text) : null;
          if (colon !== null && looksLikeValue(colon[2]!) && matchLabel(rec, colon[1]!, direct.order, 'own-text')) {
            frame.labelInside = true;
            index.candidates.push({ rec, order: direct.order + 1, shown: colon[2]!, exactCopy: null, textNode: true });
          }
        }
      }
    }
    if (parentFrame !== null) {
      if (frame.labelInside) parentFrame.labelInside = true;
      if (frame.long) parentFrame.long = true;
      else if (!parentFrame.long) {
        if (frame.shown !== null || parentFrame.shown !== null) {
          parentFrame.shown = (parentFrame.shown ?? parentFrame.text) + (frame.shown ?? frame.text);
        }
        if (frame.spoken !== null || parentFrame.spoken !== null) {
          parentFrame.spoken = (parentFrame.spoken ?? parentFrame.text) + (frame.spoken ?? frame.text);
        }
        parentFrame.text += frame.text;
        if (tooLong(parentFrame, maxRaw)) parentFrame.long = true;
        if (rec.spoken !== null && rec.spoken.length > 0) {
          parentFrame.contributors++;
          parentFrame.soleChild = parentFrame.contributors === 1 ? rec : null;
        }
      }
    }
  };

  while (node !== null) {
    const ops = opsOf(node);
    const type = ops.nodeType(node);
    if (type === ELEMENT_NODE) {
      const tag = ops.localName(node) ?? '';
      const frame = NEVER_READ.has(tag) ? null : enter(node as Element, tag, ops.className(node));
      if (frame !== null) {
        let child: Node | null = null;
        if (!OPAQUE.has(tag)) {
          child = ops.firstChild(node);
          // An open shadow root is what the page renders: walk it, then the light children.
          const shadow = SHADOW_HOSTS.has(tag) || tag.includes('-') ? ops.shadowRoot(node) : null;
          const shadowFirst = shadow === null ? null : opsOf(shadow).firstChild(shadow);
          if (shadowFirst !== null) {
            collectMarks(shadow!, false, marks);
            frame.light = child;
            child = shadowFirst;
          }
        }
        if (child !== null) {
          stack.push(frame);
          node = child;
          continue;
        }
        exit(frame);
      }
    } else if ((type === TEXT_NODE || type === CDATA_SECTION_NODE) && stack.length > 0) {
      const value = ops.nodeValue(node);
      if (value !== null && value.length > 0) addText(stack[stack.length - 1]!, value);
    }
    // Next: the sibling, or climb (closing elements) until one has a sibling.
    for (;;) {
      if (node === top) {
        node = null;
        break;
      }
      const next: Node | null = opsOf(node!).nextSibling(node!);
      if (next !== null) {
        node = next;
        break;
      }
      const frame = stack[stack.length - 1];
      if (frame === undefined) {
        node = null;
        break;
      }
      if (frame.light !== null) {
        node = frame.light;
        frame.light = null;
        break;
      }
      stack.pop();
      exit(frame);
      node = frame.rec.el;
    }
  }

  resolveLabelledBy(index, labelledBy, keys, root, isDocument);
  index.candidates.sort((a, b) => a.order - b.order);
  index.labels.sort((a, b) => a.order - b.order);
  index.periods.sort((a, b) => a.order - b.order);
  return index;
}

/** The record of an element (for a taught rule's stored path): null when the walk skipped it (hidden, never read). */
export function recordOf(index: PageIndex, el: Element): ElementRecord | undefined {
  return index.records.find((r) => r.el === el);
}
