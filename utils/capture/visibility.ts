/**
 * What a person does not see is never read: hidden content and
 * visually-hidden screen-reader copies of a figure would otherwise double it
 * or replace it with words ("12 thousand 345 dollars").
 *
 * Three kinds of hidden:
 * - not rendered at all (the `hidden` attribute, display:none,
 *   visibility:hidden): never read, neither as a label nor as a figure;
 * - visually hidden, for screen readers only (sr-only / visually-hidden /
 *   screen-reader-text… classes, inline clip / 1px / opacity:0 boxes): part
 *   of what a label says (", balance:" announced before a figure) but never
 *   a figure — so "12 thousand 345 dollars" never doubles "$12,345.67";
 * - aria-hidden="true": seen but not announced — not a label (icon
 *   ligatures, decorative copies), and a figure only when the element shows
 *   nothing else (`<span aria-hidden="true">$12,345.67</span><span class="sr-only">…</span>`).
 *
 * The markup tests are pure and run on every element in the tree walk (in
 * Node and in the browser). `computedHidden` is the browser's answer
 * (stylesheets included), for the content script to pass to `extract` as
 * `isHidden`; it is asked only about the few elements that matter (labels,
 * figures, names), not every node.
 */
import { callMethod, prop } from './dom';

/** Class names that mean "visually hidden, for screen readers" in common CSS frameworks. */
const VISUALLY_HIDDEN_CLASSES = new Set([
  'sr-only',
  'sr-only-focusable',
  'sr_only',
  'sronly',
  'visually-hidden',
  'visuallyhidden',
  'visually_hidden',
  'screen-reader-text',
  'screen-reader-only',
  'screenreader-only',
  'screenreader',
  'a11y-hidden',
  'a11y-only',
  'assistive-text',
  'element-invisible',
  'hidden-visually',
  'hide-visually',
  'u-visually-hidden',
  'u-sr-only',
  'govuk-visually-hidden',
  'cdk-visually-hidden',
  'slds-assistive-text',
]);

/**
 * One selector for the elements whose attributes may hide them (class names
 * are tested element by element in the walk, from a cache): the tree walk
 * runs it once instead of reading every element's attributes.
 */
export const MAYBE_HIDDEN_SELECTOR = '[hidden],[style]';

/** Generated class names that still spell it out ("VisuallyHidden-sc-1x2y", "ScreenReaderOnly_abc"). */
const VISUALLY_HIDDEN_CLASS_PART = /visually-?hidden|screen-?reader-?(?:only|text)|sronly/i;

const classVerdicts = new Map<string, boolean>();

/** Does a class attribute name a visually-hidden class? (Cached: class lists repeat across a page.) */
export function hiddenByClass(classAttribute: string): boolean {
  let verdict = classVerdicts.get(classAttribute);
  if (verdict === undefined) {
    verdict = classesHide(classAttribute);
    if (classVerdicts.size > 5000) classVerdicts.clear();
    classVerdicts.set(classAttribute, verdict);
  }
  return verdict;
}

function classesHide(classAttribute: string): boolean {
  for (const token of classAttribute.split(/\s+/)) {
    if (token.length === 0) continue;
    if (VISUALLY_HIDDEN_CLASSES.has(token.toLowerCase())) return true;
    if (VISUALLY_HIDDEN_CLASS_PART.test(token) && !/^not-|:not-/i.test(token)) return true;
  }
  return false;
}

const NOT_RENDERED = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|content-visibility\s*:\s*hidden)/;
const TRANSPARENT = /(?:^|;)\s*opacity\s*:\s*0(?:\.0*)?\s*(?:!important\s*)?(?:;|$)/;
const CLIP_AWAY = /(?:^|;)\s*(?:clip\s*:\s*rect\(\s*(?:0|1px)[^)]*\)|clip-path\s*:\s*(?:inset\(\s*50%|circle\(\s*0))/;
const TINY_WIDTH = /(?:^|;)\s*(?:max-)?width\s*:\s*(?:0|1px)\s*(?:!important\s*)?(?:;|$)/;
const TINY_HEIGHT = /(?:^|;)\s*(?:max-)?height\s*:\s*(?:0|1px)\s*(?:!important\s*)?(?:;|$)/;
const OVERFLOW_HIDDEN = /(?:^|;)\s*overflow\s*:\s*(?:hidden|clip)/;

/** Does an inline `style` take the element out of the page (display:none, visibility:hidden)? */
export function unrenderedByStyle(styleAttribute: string): boolean {
  return NOT_RENDERED.test(styleAttribute.toLowerCase());
}

/** Does an inline `style` make it a screen-reader-only box (clipped, 1px, transparent)? */
export function visuallyHiddenByStyle(styleAttribute: string): boolean {
  const style = styleAttribute.toLowerCase();
  if (TRANSPARENT.test(style) || CLIP_AWAY.test(style)) return true;
  return TINY_WIDTH.test(style) && TINY_HEIGHT.test(style) && OVERFLOW_HIDDEN.test(style);
}

/** The attributes that decide static visibility, as the tree walk collects them. */
export interface VisibilityAttributes {
  hidden: boolean;
  style: string | null;
  className: string | null;
}

/** Not on the page at all (nor read by screen readers): the `hidden` attribute, inline display:none / visibility:hidden. */
export function unrenderedByMarkup(attributes: VisibilityAttributes): boolean {
  return attributes.hidden || (attributes.style !== null && unrenderedByStyle(attributes.style));
}

/** Only for screen readers: a visually-hidden class, or an inline clip / 1px / opacity:0 box. */
export function visuallyHiddenByMarkup(attributes: VisibilityAttributes): boolean {
  if (attributes.style !== null && visuallyHiddenByStyle(attributes.style)) return true;
  return attributes.className !== null && hiddenByClass(attributes.className);
}

interface ComputedStyleLike {
  display: string;
  visibility: string;
  opacity: string;
  position: string;
  clip: string;
  clipPath: string;
  overflow: string;
}

/**
 * How an element is hidden, if at all: `true` when it is not rendered
 * (display:none, visibility:hidden, in a closed <details>…), `'visually'`
 * when it is rendered for screen readers only (a clipped or 1px box,
 * transparent), `false` when a person sees it.
 */
export type Hiddenness = boolean | 'visually';

const SR_BOX_LEVELS = 3;

/**
 * The browser's answer (stylesheets included), for `extract`'s `isHidden`
 * option in a content script. Needs a live document with a window
 * (returns false without one, e.g. in linkedom).
 */
export function computedHidden(element: Element): Hiddenness {
  const doc = prop(element, 'ownerDocument') as object | null;
  const view = doc === null ? null : (prop(doc, 'defaultView') as Window | null);
  if (view === null || view === undefined || typeof view.getComputedStyle !== 'function') return false;
  if (callMethod(element, 'checkVisibility', { visibilityProperty: true, contentVisibilityAuto: false }) === false) return true;
  const style = view.getComputedStyle(element) as unknown as ComputedStyleLike;
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  if (callMethod(element, 'checkVisibility', { opacityProperty: true }) === false) return 'visually';
  // A screen-reader box: the element or one of its near ancestors is clipped away or 1px with overflow hidden.
  let el: Element | null = element;
  for (let level = 0; el !== null && level <= SR_BOX_LEVELS; level++) {
    const s = level === 0 ? style : (view.getComputedStyle(el) as unknown as ComputedStyleLike);
    if (s.position === 'absolute' || s.position === 'fixed') {
      if (/^rect\(\s*(?:0|1)px/.test(s.clip) || /^inset\(\s*50%|^circle\(\s*0/.test(s.clipPath)) return 'visually';
      const box = callMethod(el, 'getBoundingClientRect') as DOMRect | undefined;
      if (box !== undefined && box.width <= 1 && box.height <= 1 && (s.overflow === 'hidden' || s.overflow === 'clip')) return 'visually';
    }
    const parent = prop(el, 'parentElement');
    el = parent !== null && typeof parent === 'object' ? (parent as Element) : null;
  }
  return false;
}
