/**
 * The straightforward extractor one would write first, to time ours
 * against: for every label, scan `querySelectorAll('*')` comparing each
 * element's `textContent`; for the amount, climb the label's ancestors and
 * scan each one's `querySelectorAll('*')` for a text that parses as money.
 * It reads textContent (so screen-reader copies and hidden text are not told
 * apart) and knows nothing of definition pairs, rows or columns beyond
 * "closest money after the label in the same block" and "same column in a
 * table". Good enough for the generated dashboard, which the bench checks.
 */
import { parseMoney } from '@/utils/money/parse';
import type { SiteAdapter } from '@/utils/capture/types';

export interface BaselineItem {
  figureKey: string;
  account: string | null;
  minor: number;
}

const norm = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().replace(/:$/, '').toLowerCase();
const MONEY = /^[-+]?\$[\d,]+\.\d\d$/;

/** Document order of every element (compareDocumentPosition is unreliable in linkedom). */
let position = new Map<Element, number>();

function moneyAfter(label: Element, within: Element): Element | null {
  const after = position.get(label) ?? 0;
  for (const el of Array.from(within.querySelectorAll('*'))) {
    const text = (el.textContent ?? '').replace(/\s+/g, '');
    if (MONEY.test(text) && (position.get(el) ?? 0) > after && !label.contains(el)) return el;
  }
  return null;
}

export function baselineExtract(root: Document, adapter: SiteAdapter): BaselineItem[] {
  const items: BaselineItem[] = [];
  position = new Map(Array.from(root.querySelectorAll('*')).map((el, i) => [el, i]));
  for (const figure of adapter.figures) {
    const wanted = new Set(figure.labels.map(norm));
    const labels = Array.from(root.querySelectorAll('*')).filter(
      (el) =>
        el.closest('script, style, template, noscript, head') === null &&
        wanted.has(norm(el.textContent)) &&
        !Array.from(el.children).some((child) => wanted.has(norm(child.textContent))),
    );
    for (const label of labels) {
      const headerCell = label.closest('th');
      if (figure.scope === 'account' && headerCell !== null && headerCell.closest('thead') !== null) {
        const column = Array.from(headerCell.parentElement!.children).indexOf(headerCell);
        for (const row of Array.from(headerCell.closest('table')!.querySelectorAll('tbody tr'))) {
          const cell = row.children[column];
          const amount = cell === undefined ? null : moneyAfter(label, cell);
          const parsed = amount === null ? null : parseMoney((amount.textContent ?? '').trim(), { currency: adapter.currency });
          if (parsed?.ok) items.push({ figureKey: figure.key, account: row.querySelector('a')?.textContent?.trim() ?? null, minor: parsed.value.minor });
        }
        continue;
      }
      let block: Element | null = label.parentElement;
      for (let level = 0; block !== null && level < 6; level++, block = block.parentElement) {
        const amount = moneyAfter(label, block);
        if (amount === null) continue;
        const parsed = parseMoney((amount.textContent ?? '').replace(/\s+/g, ''), { currency: adapter.currency });
        if (parsed.ok) items.push({ figureKey: figure.key, account: null, minor: parsed.value.minor });
        break;
      }
    }
  }
  return items;
}
