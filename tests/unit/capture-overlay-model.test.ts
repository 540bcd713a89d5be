/**
 * The capture overlay's view model (entrypoints/capture-overlay/model.ts):
 * default destinations, decisions sent to the background, display words;
 * and the content script's pure decisions (utils/capture/session.ts,
 * overlay-commands.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  carryChoices,
  choiceFromValue,
  defaultAlways,
  defaultChoices,
  describeReport,
  displayLabel,
  formatItemValue,
  toDecisions,
  type ReadingsView,
} from '@/entrypoints/capture-overlay/model';
import { isOverlaySender, keyFromHash, overlayHash, parseOverlayCommand } from '@/utils/capture/overlay-commands';
import { nextCaptureStep, pageKey, resultSignature, structureSignature, submitDelay, TICK_RESUBMIT_MS } from '@/utils/capture/session';
import type { ExtractedItem, ExtractionResult } from '@/utils/capture/types';

function item(partial: Partial<ExtractedItem> & Pick<ExtractedItem, 'figureKey' | 'kind' | 'label'>): ExtractedItem {
  return {
    account: null,
    period: null,
    rawText: '$1.00',
    confidence: 1,
    path: 'html > body:nth-of-type(1)',
    amount: { minor: 100, currency: 'USD' },
    ...partial,
  };
}

const total = item({ figureKey: 'total-balance', kind: 'balance', label: 'Total balance', total: true, amount: { minor: 22_862_723, currency: 'USD' } });
const roth = item({ figureKey: 'account-balance', kind: 'balance', label: 'Balance', account: 'ROTH IRA', amount: { minor: 9_876_012, currency: 'USD' } });
const tod = item({ figureKey: 'account-balance', kind: 'balance', label: 'Balance', account: 'Individual - TOD', amount: { minor: 6_211_435, currency: 'USD' } });

function view(items: ExtractedItem[], extra: Partial<ReadingsView> = {}): ReadingsView {
  return { siteName: 'Fidelity', layer: 'foundation', items, accounts: [], streams: [], suggestions: items.map(() => null), ...extra };
}

describe('defaultChoices', () => {
  it('ignores the page total and offers a new account per listed account, named as the page shows it', () => {
    expect(defaultChoices(view([total, roth, tod]))).toEqual([
      { kind: 'ignore' },
      { kind: 'new-account', institution: 'Fidelity', name: 'ROTH IRA' },
      { kind: 'new-account', institution: 'Fidelity', name: 'Individual - TOD' },
    ]);
  });

  it('prefers the stored mapping, then an existing account of the same institution and name', () => {
    const accounts = [
      { id: 'a-roth', institution: 'Fidelity', name: 'Roth IRA' },
      { id: 'a-total', institution: 'Fidelity', name: 'Everything' },
      { id: 'a-paper', institution: 'Alpaca', name: 'Paper' },
    ];
    const choices = defaultChoices(view([total, roth, tod], { accounts, suggestions: [{ accountId: 'a-total', always: false }, null, { ignore: true, always: false }] }));
    expect(choices).toEqual([{ kind: 'account', id: 'a-total' }, { kind: 'account', id: 'a-roth' }, { kind: 'ignore' }]);
  });

  it('drops a suggestion whose account no longer exists', () => {
    const choices = defaultChoices(view([roth], { suggestions: [{ accountId: 'deleted', always: true }] }));
    expect(choices).toEqual([{ kind: 'new-account', institution: 'Fidelity', name: 'ROTH IRA' }]);
  });

  it('sends earnings to a stream named after the site; a second figure for the same stream and period is ignored', () => {
    const gross = item({ figureKey: 'gross-volume', kind: 'earnings', label: 'Gross volume', period: 'Last 7 days' });
    const net = item({ figureKey: 'net-volume', kind: 'earnings', label: 'Net volume', period: 'Last 7 days' });
    const today = item({ figureKey: 'gross-volume', kind: 'earnings', label: 'Gross volume', period: 'Today' });
    const mrr = item({ figureKey: 'mrr', kind: 'mrr', label: 'MRR', metric: 'mrr' });
    expect(defaultChoices(view([gross, net, today, mrr], { siteName: 'Stripe', layer: 'compounding' }))).toEqual([
      { kind: 'new-stream', name: 'Stripe' },
      { kind: 'ignore' },
      { kind: 'new-stream', name: 'Stripe' },
      { kind: 'new-stream', name: 'Stripe' },
    ]);
  });

  it('uses an existing stream of that name, and numbers a second new account of the same name', () => {
    const earnings = item({ figureKey: 'total-earnings', kind: 'earnings', label: 'Total Earnings', period: 'This Month' });
    const streams = [{ id: 's-amz', name: 'amazon associates' }];
    expect(defaultChoices(view([earnings], { siteName: 'Amazon Associates', layer: 'leverage', streams }))).toEqual([{ kind: 'stream', id: 's-amz' }]);
    const twin = { ...roth, path: 'html > body:nth-of-type(1) > p:nth-of-type(2)' };
    expect(defaultChoices(view([roth, twin])).map((c) => (c.kind === 'new-account' ? c.name : c.kind))).toEqual(['ROTH IRA', 'ROTH IRA (2)']);
  });

  it('leaves paper money out unless asked, and on a taught page asks for a layer', () => {
    const paper = item({ figureKey: 'portfolio-value', kind: 'balance', label: 'Portfolio Value', paper: true });
    expect(defaultChoices(view([paper], { siteName: 'Alpaca' }))).toEqual([{ kind: 'ignore' }]);
    const taught = item({ figureKey: 'rule-1', kind: 'balance', label: 'Net worth' });
    expect(defaultChoices(view([taught], { siteName: 'bank.example', layer: null }))).toEqual([
      { kind: 'new-account', institution: 'bank.example', name: 'Net worth', layer: 'foundation', accountKind: 'brokerage' },
    ]);
  });
});

describe('decisions', () => {
  it('sends only where each figure goes, by index, never an amount', () => {
    const { decisions, errors } = toDecisions(
      [total, roth, tod],
      [{ kind: 'ignore' }, { kind: 'account', id: 'a-roth' }, { kind: 'new-account', institution: ' Fidelity ', name: ' TOD ' }],
    );
    expect(errors.size).toBe(0);
    expect(decisions).toEqual([
      { index: 0, action: 'ignore' },
      { index: 1, action: 'save', accountId: 'a-roth' },
      { index: 2, action: 'save', newAccount: { institution: 'Fidelity', name: 'TOD' } },
    ]);
    expect(JSON.stringify(decisions)).not.toContain('98760');
  });

  it('holds back a new account or stream without a name, saying which', () => {
    const { decisions, errors } = toDecisions([roth, roth], [{ kind: 'new-account', institution: 'Fidelity', name: '  ' }, { kind: 'new-stream', name: '' }]);
    expect(decisions).toEqual([]);
    expect([...errors.entries()]).toEqual([
      [0, 'A new account needs an institution and a name'],
      [1, 'A new income stream needs a name'],
    ]);
  });

  it('switches between targets keeping the name typed so far', () => {
    const v = view([roth]);
    const typed = { kind: 'new-account' as const, institution: 'Fidelity', name: 'My Roth' };
    expect(choiceFromValue('new-stream', roth, 0, v, typed)).toEqual({ kind: 'new-stream', name: 'My Roth' });
    expect(choiceFromValue('account:a1', roth, 0, v, typed)).toEqual({ kind: 'account', id: 'a1' });
    expect(choiceFromValue('new-account', roth, 0, v, { kind: 'ignore' })).toEqual({ kind: 'new-account', institution: 'Fidelity', name: 'ROTH IRA' });
  });

  it('keeps the choices of figures still on the page when the page is read again', () => {
    const before = { items: [total, roth], choices: [{ kind: 'account' as const, id: 'a-total' }, { kind: 'ignore' as const }] };
    const after = view([roth, tod, total]);
    expect(carryChoices(before, after)).toEqual([
      { kind: 'ignore' },
      { kind: 'new-account', institution: 'Fidelity', name: 'Individual - TOD' },
      { kind: 'account', id: 'a-total' },
    ]);
  });

  it('ticks "Always save from this page" only when every figure was always-saved before', () => {
    expect(defaultAlways(view([roth, tod], { suggestions: [{ always: true }, { always: true }] }))).toBe(true);
    expect(defaultAlways(view([roth, tod], { suggestions: [{ always: true }, null] }))).toBe(false);
    expect(defaultAlways(view([]))).toBe(false);
  });
});

describe('words', () => {
  it('formats amounts exactly with Intl, and counts as whole numbers', () => {
    expect(formatItemValue(roth, 'en-US')).toBe('$98,760.12');
    expect(formatItemValue({ amount: { minor: 123456, currency: 'EUR' }, rawText: '' }, 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatItemValue({ count: 1234, rawText: '1,234' }, 'en-US')).toBe('1,234');
  });

  it('shows a screen-reader label as a heading', () => {
    expect(displayLabel({ label: ', balance: ', kind: 'balance' })).toBe('Balance');
    expect(displayLabel({ label: 'Total Earnings', kind: 'earnings' })).toBe('Total Earnings');
    expect(displayLabel({ label: ' — ', kind: 'cash' })).toBe('Cash');
  });

  it('reports a save in one line', () => {
    const base = { created: { accounts: 0, streams: 0 }, refused: [] };
    expect(describeReport({ saved: 3, replaced: 1, ignored: 0, ...base })).toBe('Saved 3, replaced 1');
    expect(describeReport({ saved: 2, replaced: 0, ignored: 1, created: { accounts: 2, streams: 1 }, refused: [{ index: 3, reason: 'x' }] })).toBe(
      'Saved 2, ignored 1, not saved 1 (new: 2 accounts, 1 income stream)',
    );
  });
});

describe('content script decisions', () => {
  const result = (items: ExtractedItem[], problems: ExtractionResult['problems'] = [], site: string | null = 'fidelity'): ExtractionResult => ({
    site,
    adapterVersion: site ? 1 : null,
    items,
    problems,
  });
  const masked = { figureKey: 'account-balance', label: 'Balance', account: 'Chase', reason: 'the amount is masked (••••)' };

  it('submits figures at once, problems only once the page settled, nothing only when asked', () => {
    expect(nextCaptureStep(result([roth]), { onDemand: false, settled: false })).toBe('submit');
    expect(nextCaptureStep(result([], [masked]), { onDemand: false, settled: false })).toBe('settle');
    expect(nextCaptureStep(result([], [masked]), { onDemand: false, settled: true })).toBe('submit');
    expect(nextCaptureStep(result([], [], null), { onDemand: false, settled: true })).toBe('hide');
    expect(nextCaptureStep(result([], [], null), { onDemand: true, settled: false })).toBe('submit');
  });

  it('sees a change in an amount or a problem, not in confidence alone', () => {
    const a = resultSignature(result([roth]));
    expect(resultSignature(result([{ ...roth, confidence: 0.5 }]))).toBe(a);
    expect(resultSignature(result([{ ...roth, amount: { minor: 9_876_013, currency: 'USD' } }]))).not.toBe(a);
    expect(resultSignature(result([roth], [masked]))).not.toBe(a);
  });

  it('sends a ticking amount again at most every 5 s, a different set of figures at once', () => {
    const first = result([roth]);
    const last = { structure: structureSignature(first), at: 10_000 };
    const ticked = result([{ ...roth, amount: { minor: 9_876_099, currency: 'USD' } }]);
    expect(TICK_RESUBMIT_MS).toBe(5000);
    expect(submitDelay(ticked, last, 11_000)).toBe(4000);
    expect(submitDelay(ticked, last, 15_000)).toBe(0);
    expect(submitDelay(result([roth, tod]), last, 11_000)).toBe(0);
    expect(submitDelay(ticked, undefined, 11_000)).toBe(0);
  });

  it('names a page by origin and path, without query or fragment', () => {
    expect(pageKey('https://robinhood.com/?tab=1#x')).toBe('https://robinhood.com/');
  });

  it('accepts commands only from this extension’s overlay page, in shape', () => {
    const overlay = 'chrome-extension://abc/capture-overlay.html';
    expect(isOverlaySender({ id: 'abc', url: `${overlay}#r=1` }, 'abc', overlay)).toBe(true);
    expect(isOverlaySender({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, 'abc', overlay)).toBe(false);
    expect(isOverlaySender({ id: 'abc', url: `${overlay}.evil` }, 'abc', overlay)).toBe(false);
    expect(isOverlaySender({ id: 'other', url: overlay }, 'abc', overlay)).toBe(false);
    expect(isOverlaySender({ url: overlay }, '', overlay)).toBe(false);
    expect(parseOverlayCommand({ strataOverlay: 'resize', height: 99999 })).toEqual({ strataOverlay: 'resize', height: 2000 });
    expect(parseOverlayCommand({ strataOverlay: 'resize', height: '300' })).toBeNull();
    expect(parseOverlayCommand({ strataOverlay: 'close', extra: 1 })).toEqual({ strataOverlay: 'close' });
    expect(parseOverlayCommand('close')).toBeNull();
  });

  it('carries the framing key in the overlay fragment, and only a key of the right shape', () => {
    const key = '0b6f1c2e-8d4a-4f53-9a51-1f2e3d4c5b6a';
    const hash = overlayHash('c0ffee-1', key);
    expect(hash).toBe(`#r=c0ffee-1&k=${key}`);
    expect(keyFromHash(hash)).toBe(key);
    expect(keyFromHash('#r=c0ffee-1')).toBeNull();
    expect(keyFromHash('#k=short')).toBeNull();
    expect(parseOverlayCommand({ strataOverlay: 'hello', key })).toEqual({ strataOverlay: 'hello', key });
    expect(parseOverlayCommand({ strataOverlay: 'hello', key: '<script>' })).toBeNull();
  });
});
