/**
 * Whose figure is it: on a page listing several accounts, the account's
 * name is read from the account's container — the largest block around the
 * figure that holds no other account's figure of the same kind — per the
 * adapter's `accounts.nameFrom`: its heading (h1–h6, role=heading, or an
 * aria-label naming the container), its row's first cell, or its first
 * link; "auto" tries those in that order at each level from the figure
 * outwards. Visible text only, white space collapsed.
 */
import { isMasked, isPlaceholder, labelKey, looksLikeNumber } from './amount';
import { parseMoney } from '@/utils/money/parse';
import { contains, within, type ElementRecord, type PageIndex } from './page-index';
import type { Pairing } from './pairing';
import { readText, type IsHidden } from './text';
import type { AccountsSpec } from './types';

const MAX_NAME = 200;
const CONTAINER_TAGS = new Set(['section', 'article', 'li', 'tr', 'fieldset', 'form', 'aside', 'dl', 'table', 'tbody']);
const CONTAINER_ROLES = new Set(['region', 'group', 'listitem', 'row', 'article', 'tabpanel', 'figure']);

export interface NameContext {
  index: PageIndex;
  /** The adapter's currency: a text that reads as an amount in it is no name. */
  currency: string;
  isHidden: IsHidden | undefined;
  visible(rec: ElementRecord): boolean;
}

/** The element holding the figure (or where it should be). */
export function figureRec(pairing: Pairing): ElementRecord {
  return pairing.candidate?.rec ?? pairing.slot ?? pairing.hit.rec;
}

/** A name is text that is not itself a figure ("HSA …4321" is a name; "$1,234.56" and "••••" are not). */
function isName(text: string, currency: string): boolean {
  if (text.length === 0 || isMasked(text) || isPlaceholder(text)) return false;
  return !(looksLikeNumber(text) && parseMoney(text, { currency }).ok);
}

function nameText(ctx: NameContext, rec: ElementRecord): string | null {
  if (!ctx.visible(rec)) return null;
  const text = readText(rec.el, ctx.isHidden, true).text;
  if (!isName(text, ctx.currency)) return null;
  return text.length > MAX_NAME ? text.slice(0, MAX_NAME) : text;
}

function firstNamed(ctx: NameContext, list: ElementRecord[], level: ElementRecord, exclude: (r: ElementRecord) => boolean): string | null {
  for (const r of within(list, level)) {
    if (exclude(r)) continue;
    const name = nameText(ctx, r);
    if (name !== null) return name;
  }
  return null;
}

function firstCell(ctx: NameContext, row: ElementRecord, value: ElementRecord): string | null {
  for (let c = row.firstChild; c !== null; c = c.nextSibling) {
    if (c === value || contains(c, value.order)) return null;
    const name = nameText(ctx, c);
    if (name !== null) return name;
  }
  return null;
}

/**
 * The account names of an account-scoped figure's pairings (same order).
 * `labelKeys` are the figure's labels: a heading that is the label is not a name.
 */
export function accountNames(ctx: NameContext, pairings: Pairing[], spec: AccountsSpec | undefined, labelKeys: Set<string>): (string | null)[] {
  const nameFrom = spec?.nameFrom ?? 'auto';
  const marks = pairings.map((p) => [figureRec(p).order, p.hit.order]);
  return pairings.map((pairing, i) => {
    const value = figureRec(pairing);
    const others = marks.flatMap((m, j) => (j === i ? [] : m.filter((o) => o !== pairing.hit.order)));
    const exclude = (r: ElementRecord) =>
      r === pairing.hit.rec || r === value || contains(r, value.order) || (r.text !== null && labelKeys.has(labelKey(r.text)));
    if (pairing.row !== null && (nameFrom === 'first-cell' || nameFrom === 'auto')) {
      const name = firstCell(ctx, pairing.row, value);
      if (name !== null) return name;
    }
    for (let level = value.parent; level !== null; level = level.parent) {
      const holder = level;
      if (others.some((o) => o === holder.order || contains(holder, o))) break;
      const isRowLevel = holder.tag === 'tr' || holder.role === 'row';
      const tryHeading = () => {
        const isContainer = CONTAINER_TAGS.has(holder.tag) || (holder.role !== null && CONTAINER_ROLES.has(holder.role));
        if (isContainer && holder.ariaLabel !== null && !labelKeys.has(labelKey(holder.ariaLabel))) {
          const label = holder.ariaLabel.replace(/\s+/g, ' ').trim();
          if (isName(label, ctx.currency)) return label.slice(0, MAX_NAME);
        }
        return firstNamed(ctx, ctx.index.headings, holder, exclude);
      };
      const tryCell = () => (isRowLevel ? firstCell(ctx, holder, value) : null);
      const tryLink = () => firstNamed(ctx, ctx.index.links, holder, exclude);
      const name =
        nameFrom === 'heading' ? tryHeading()
        : nameFrom === 'first-cell' ? tryCell()
        : nameFrom === 'link' ? tryLink()
        : (tryHeading() ?? tryCell() ?? tryLink());
      if (name !== null) return name;
    }
    return null;
  });
}
