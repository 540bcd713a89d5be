/**
 * Teach mode's reading of a picked number (utils/capture/picker.ts) on real
 * markup in linkedom: the number element, the label a rule should look for
 * (checked with the extractor itself), the fallback path, the exact amount.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract, resolvePath, taughtAdapter } from '@/utils/capture/extract';
import { amountElementFrom, describePick, labelCandidates, numberElements, numberText } from '@/utils/capture/picker';
import type { CaptureRule } from '@/utils/db/schema';

function page(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).document as unknown as Document;
}

function byText(doc: Document, text: string): Element {
  const found = Array.from(doc.querySelectorAll('body *')).find((el) => el.textContent?.trim() === text && el.children.length === 0);
  if (!found) throw new Error(`no element with text ${text}`);
  return found;
}

function rule(host: string, label: string, fallbackPath: string, meaning: CaptureRule['meaning'] = 'balance'): CaptureRule {
  return { id: 'r1', host, pathPattern: '', label, fallbackPath, meaning, createdAt: 0 };
}

describe('amountElementFrom', () => {
  it('climbs from one part of a split amount to the element holding the whole number', () => {
    const doc = page('<div class="card"><h3>Net worth</h3><p id="v"><span>$</span><span>12,345</span><span>.67</span></p></div>');
    const part = byText(doc, '12,345');
    const amount = amountElementFrom(part)!;
    expect(amount.id).toBe('v');
    expect(numberText(amount)).toBe('$12,345.67');
  });

  it('finds nothing for words or for a pointer over a whole card', () => {
    const doc = page('<div id="card"><h3>Net worth</h3><p>$1,000.00</p><p>Updated daily at close of market</p></div>');
    expect(amountElementFrom(byText(doc, 'Net worth'))).toBeNull();
    expect(amountElementFrom(doc.getElementById('card')!)).toBeNull();
  });
});

describe('labelCandidates', () => {
  it('offers the definition term of a <dd>', () => {
    const doc = page('<dl><dt>Cash available</dt><dd id="c">$2,500.00</dd><dt>Margin</dt><dd>$0.00</dd></dl>');
    expect(labelCandidates(doc.getElementById('c')!)[0]).toBe('Cash available');
  });

  it('offers the row header and the column header of a table cell', () => {
    const doc = page(
      '<table><thead><tr><th>Account</th><th>Value</th></tr></thead>' +
        '<tbody><tr><td>Brokerage</td><td id="x">$9,876.54</td></tr></tbody></table>',
    );
    const candidates = labelCandidates(doc.getElementById('x')!);
    expect(candidates).toContain('Brokerage');
    expect(candidates).toContain('Value');
  });

  it('names what aria-labelledby points at, and drops a trailing colon', () => {
    const doc = page('<span id="lbl">Portfolio value:</span><div><b aria-labelledby="lbl" id="v">$5.00</b></div>');
    expect(labelCandidates(doc.getElementById('v')!)[0]).toBe('Portfolio value');
  });
});

describe('describePick', () => {
  it('chooses a label with which the extractor finds exactly the picked number, and reads it exactly', () => {
    const doc = page(
      '<section><h2>Overview</h2>' +
        '<div class="tile"><span>Total earned</span><strong id="earned">$1,204.50</strong></div>' +
        '<div class="tile"><span>Pending</span><strong id="pending">$88.10</strong></div></section>',
    );
    const picked = describePick(doc, doc.getElementById('pending')!, 'example.com', 'balance');
    expect(picked.label).toBe('Pending');
    expect(picked.verified).toBe(true);
    expect(picked.value).toEqual({ ok: true, amount: { minor: 8810, currency: 'USD' }, rawText: '$88.10' });
    // The stored rule reads the same number again, by label and by path alone.
    expect(resolvePath(doc, picked.fallbackPath)).toBe(doc.getElementById('pending'));
    const byLabel = extract(doc, taughtAdapter('example.com', [rule('example.com', picked.label, '')]));
    expect(byLabel.items.map((i) => i.amount)).toEqual([{ minor: 8810, currency: 'USD' }]);
  });

  it('reads a count for a count rule', () => {
    const doc = page('<div><span>Paid subscribers</span><span id="n">1,234</span></div>');
    const picked = describePick(doc, doc.getElementById('n')!, 'example.com', 'count');
    expect(picked.value).toEqual({ ok: true, count: 1234, rawText: '1,234' });
    expect(picked.label).toBe('Paid subscribers');
  });

  it('gives the reason instead of a number for a rounded figure', () => {
    const doc = page('<div><span>Revenue</span><span id="r">$1.2K</span></div>');
    const picked = describePick(doc, doc.getElementById('r')!, 'example.com', 'earnings');
    expect(picked.value.ok).toBe(false);
    if (!picked.value.ok) expect(picked.value.reason).toMatch(/rounded/);
  });

  it('on a saved Fidelity page, teaches the total by its visible label', () => {
    const html = readFileSync(new URL('../fixtures/capture/fidelity/b.html', import.meta.url), 'utf8');
    const doc = parseHTML(html).document as unknown as Document;
    const total = numberElements(doc).find((el) => numberText(el) === '$228,627.23')!;
    expect(total).toBeDefined();
    const picked = describePick(doc, total, 'digital.fidelity.com', 'balance');
    expect(picked.value).toEqual({ ok: true, amount: { minor: 22_862_723, currency: 'USD' }, rawText: '$228,627.23' });
    expect(picked.verified).toBe(true);
    const again = extract(doc, taughtAdapter('digital.fidelity.com', [rule('digital.fidelity.com', picked.label, '')]));
    expect(again.items[0]?.amount).toEqual({ minor: 22_862_723, currency: 'USD' });
  });
});

describe('numberElements', () => {
  it('lists each number once, in reading order, the whole split amount rather than its parts', () => {
    const doc = page('<p>Cash <b>$5.00</b></p><p id="s"><span>$</span><span>1,000</span><span>.25</span></p><p>3 items</p><i>42</i>');
    const texts = numberElements(doc).map((el) => numberText(el));
    expect(texts).toEqual(['$5.00', '$1,000.25', '42']);
  });
});
