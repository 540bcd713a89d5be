/**
 * The capture messages refuse forged senders and forged payloads, and a
 * refusal writes nothing: no readings kept, no database row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SenderLike } from '@/utils/messaging/validate';
import {
  amazonReadings,
  contentScriptAt,
  EXT_ID,
  EXT_ORIGIN,
  everything,
  FIDELITY_URL,
  fidelityReadings,
  harness,
  item,
  OTHER_ID,
  overlayIn,
  popup,
  usd,
  type Harness,
} from './ingest-setup';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.db.delete();
});

const submit = (result = fidelityReadings()) => ({ result, title: 'Portfolio Summary | Fidelity' });

describe('submitReadings accepts only our content script in the top frame of a web page', () => {
  it.each<[string, SenderLike, RegExp]>([
    ['a content script in a sub-frame', { ...contentScriptAt(FIDELITY_URL), frameId: 3 }, /not the top frame of its tab \(frame 3\)/],
    ['a content script that reports no frame', { id: EXT_ID, url: FIDELITY_URL, tab: { id: 42, url: FIDELITY_URL } }, /not the top frame/],
    ["another extension's content script", { ...contentScriptAt(FIDELITY_URL), id: OTHER_ID }, /another extension/],
    ['a web page', { url: FIDELITY_URL, tab: { id: 42, url: FIDELITY_URL }, frameId: 0 }, /no extension id/],
    ['our own popup', popup, /only a content script in a web page/],
    ['our overlay page', overlayIn(42), /only a content script in a web page/],
    [
      'a frame whose tab shows another site',
      { id: EXT_ID, url: FIDELITY_URL, tab: { id: 42, url: 'https://evil.example/' }, frameId: 0 },
      /different sites/,
    ],
    ['a file:// page', contentScriptAt('file:///home/me/summary.html'), /not on a web page/],
  ])('%s is refused', async (_name, sender, reason) => {
    const before = await everything(h.db);
    const result = await h.handlers.submitReadings(submit(), sender);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^submitReadings refused: /);
    expect(!result.ok && result.error).toMatch(reason);
    expect(h.readings.size).toBe(0);
    expect(await everything(h.db)).toEqual(before);
  });
});

describe('submitReadings refuses forged payloads, naming the field', () => {
  const one = (fields: Record<string, unknown>) => {
    const result = fidelityReadings();
    return { ...result, items: [{ ...result.items[1]!, ...fields }] };
  };
  it.each<[string, unknown, string, RegExp]>([
    ['readings that claim another site', { ...fidelityReadings(), site: 'vanguard' }, 'result.site', /name "vanguard" but this page is "fidelity"/],
    ['a figure the adapter does not have', one({ figureKey: 'secret-figure' }), 'result.items.0.figureKey', /not a balance figure of Fidelity/],
    ['a figure with another kind', one({ kind: 'earnings', period: 'This month' }), 'result.items.0.figureKey', /not a earnings figure of Fidelity/],
    ['fractional cents', one({ amount: { minor: 12.5, currency: 'USD' } }), 'result.items.0.amount.minor', /whole number/],
    ['a money figure carrying a count', one({ count: 3 }), 'result.items.0.kind', /does not match the value/],
    ['an unknown kind', one({ kind: 'salary' }), 'result.items.0.kind', /must be one of/],
    ['raw text over 500 characters', one({ rawText: '9'.repeat(501) }), 'result.items.0.rawText', /longer than 500/],
    ['a label over 500 characters', one({ label: 'B'.repeat(501) }), 'result.items.0.label', /longer than 500/],
    ['a path over 1000 characters', one({ path: 'div > '.repeat(200) }), 'result.items.0.path', /longer than 1000/],
    ['a field the item does not have', one({ html: '<img src=x onerror=alert(1)>' }), 'result.items.0.html', /not a field/],
    [
      'more than 500 items',
      { ...fidelityReadings(), items: Array.from({ length: 501 }, () => fidelityReadings().items[1]) },
      'result.items',
      /more than 500 figures/,
    ],
  ])('%s', async (_name, forged, field, message) => {
    const result = await h.handlers.submitReadings({ result: forged, title: 'x' }, contentScriptAt(FIDELITY_URL));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues?.find((i) => i.field === field);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(h.readings.size).toBe(0);
  });

  it('readings on a page no adapter covers must be taught rules of that host', async () => {
    const result = await h.handlers.submitReadings(
      { result: { site: null, adapterVersion: null, items: [item({ figureKey: 'made-up', kind: 'balance', label: 'Balance', amount: usd(1) })], problems: [] }, title: '' },
      contentScriptAt('https://bank.example/overview'),
    );
    expect(result).toMatchObject({ ok: false, issues: [{ field: 'result.items.0.figureKey', message: expect.stringMatching(/not a balance rule taught for this site/) }] });
    expect(h.readings.size).toBe(0);
  });
});

describe('readings are answered and saved only for an extension page in the same tab', () => {
  beforeEach(async () => {
    expect((await h.handlers.submitReadings(submit(), contentScriptAt(FIDELITY_URL, 42))).ok).toBe(true);
  });

  it.each<[string, SenderLike, RegExp]>([
    ['the content script itself', contentScriptAt(FIDELITY_URL, 42), /only an extension page/],
    ['a web page in that tab', { url: FIDELITY_URL, tab: { id: 42, url: FIDELITY_URL }, frameId: 0 }, /no extension id/],
    ["another extension's page", { id: OTHER_ID, url: `chrome-extension://${OTHER_ID}/x.html`, tab: { id: 42 } }, /another extension/],
    ['an overlay in a different tab', overlayIn(7), /there are no readings for this tab/],
  ])('getTabReadings from %s is refused', async (_name, sender, reason) => {
    const result = await h.handlers.getTabReadings(undefined, sender);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
  });

  it('a page in a tab cannot name another tab; the popup must name one', async () => {
    expect(await h.handlers.getTabReadings({ tabId: 42 }, overlayIn(7))).toEqual({
      ok: false,
      error: "getTabReadings refused: a page in a tab can only use its own tab's readings",
    });
    expect(await h.handlers.getTabReadings(undefined, popup)).toEqual({
      ok: false,
      error: 'getTabReadings refused: which tab? A page outside a tab must name tabId',
    });
    const fromPopup = await h.handlers.getTabReadings({ tabId: 42 }, popup);
    expect(fromPopup.ok && fromPopup.value.readingsId).toBe('readings-1');
  });

  it.each<[string, SenderLike, unknown, RegExp]>([
    ['an overlay in a different tab', overlayIn(7), {}, /not the current readings of this tab/],
    ['the content script', contentScriptAt(FIDELITY_URL, 42), {}, /only an extension page/],
    ['a web page', { url: FIDELITY_URL, tab: { id: 42, url: FIDELITY_URL } }, {}, /no extension id/],
    ['the right overlay, with stale readings', overlayIn(42), { readingsId: 'readings-0' }, /not the current readings/],
    [
      'the right overlay, sending an amount',
      overlayIn(42),
      { decisions: [{ index: 2, action: 'save', accountId: 'x', amount: usd(1) }] },
      /decisions\.0\.amount is not a field/,
    ],
    [
      'the right overlay, with two targets',
      overlayIn(42),
      { decisions: [{ index: 2, action: 'save', accountId: 'x', newStream: { name: 'y' } }] },
      /must name exactly one of/,
    ],
    ['the right overlay, with an unknown action', overlayIn(42), { decisions: [{ index: 2, action: 'delete' }] }, /decisions\.0\.action must be "ignore" or "save", not "delete"/],
  ])('confirmReadings from %s is refused and writes nothing', async (_name, sender, forged, reason) => {
    const before = await everything(h.db);
    const input = {
      readingsId: 'readings-1',
      decisions: [{ index: 2, action: 'save', newAccount: { institution: 'Fidelity', name: 'ROTH IRA' } }],
      always: false,
      ...(forged as object),
    };
    const result = await h.handlers.confirmReadings(input, sender);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
    expect(await everything(h.db)).toEqual(before);
    expect(h.readings.get(42)?.saved).toBeUndefined();
  });
});

describe('taught rules', () => {
  const partners = 'https://partners.example.com/reports';

  it('are saved for the sender\'s host and path only, and read back by that host only, without their targets', async () => {
    const stream = await h.store.addStream({ name: 'Partner program', layer: 'leverage', startedAt: 0, hoursPerMonth: 2 });
    const rule = { label: 'Commission this month', fallbackPath: 'main > div:nth-of-type(2) > span', meaning: 'earnings', streamId: stream.id };
    const saved = await h.handlers.saveTaughtRule(rule, contentScriptAt(`${partners}?tab=2#top`));
    expect(saved.ok).toBe(true);
    const stored = await h.db.captureRules.toArray();
    expect(stored).toEqual([
      { id: saved.ok ? saved.value.id : '', host: 'partners.example.com', pathPattern: '/reports', ...rule, createdAt: h.clock.now },
    ]);
    // Without a target the rule is kept too (the overlay then asks where its figure goes).
    const untargeted = await h.handlers.saveTaughtRule({ label: 'Clicks', fallbackPath: 'td', meaning: 'count' }, contentScriptAt(partners));
    expect(untargeted.ok).toBe(true);
    await h.db.captureRules.delete(untargeted.ok ? untargeted.value.id : '');
    // Teaching the same label again on that page updates the rule.
    await h.handlers.saveTaughtRule({ ...rule, fallbackPath: 'main > p' }, contentScriptAt(partners));
    expect((await h.db.captureRules.toArray()).map((r) => r.fallbackPath)).toEqual(['main > p']);

    expect(await h.handlers.getTaughtRules(undefined, contentScriptAt('https://other.example.com/'))).toEqual({ ok: true, value: [] });
    const mine = await h.handlers.getTaughtRules(undefined, contentScriptAt(partners));
    expect(mine).toEqual({
      ok: true,
      value: [{ id: stored[0]!.id, host: 'partners.example.com', pathPattern: '/reports', label: 'Commission this month', fallbackPath: 'main > p', meaning: 'earnings', createdAt: h.clock.now }],
    });
  });

  it.each<[string, unknown, SenderLike, RegExp]>([
    ['from a sub-frame', { label: 'Balance', fallbackPath: 'p', meaning: 'balance', accountId: 'a' }, { ...contentScriptAt(partners), frameId: 2 }, /not the top frame/],
    ['from the popup', { label: 'Balance', fallbackPath: 'p', meaning: 'balance', accountId: 'a' }, popup, /only a content script/],
    ['with a host in the payload', { label: 'Balance', fallbackPath: 'p', meaning: 'balance', accountId: 'a', host: 'evil.example' }, contentScriptAt(partners), /host is not a field/],
    ['a balance to a stream', { label: 'Balance', fallbackPath: 'p', meaning: 'balance', streamId: 's' }, contentScriptAt(partners), /meaning does not fit the target/],
    ['with two targets', { label: 'MRR', fallbackPath: 'p', meaning: 'mrr', accountId: 'a', streamId: 's' }, contentScriptAt(partners), /accountId cannot be given with streamId/],
    ['with an empty fallback path', { label: 'MRR', fallbackPath: ' ', meaning: 'mrr' }, contentScriptAt(partners), /fallbackPath is required/],
    ['to an account that does not exist', { label: 'Balance', fallbackPath: 'p', meaning: 'balance', accountId: 'gone' }, contentScriptAt(partners), /no account with id "gone"/],
  ])('are refused %s', async (_name, input, sender, reason) => {
    const result = await h.handlers.saveTaughtRule(input, sender);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
    expect(await h.db.captureRules.count()).toBe(0);
  });

  it('getTaughtRules answers only our top-frame content script', async () => {
    expect((await h.handlers.getTaughtRules(undefined, { ...contentScriptAt(partners), frameId: 1 })).ok).toBe(false);
    expect((await h.handlers.getTaughtRules(undefined, { url: partners, tab: { id: 1, url: partners }, frameId: 0 })).ok).toBe(false);
    expect((await h.handlers.submitReadings({ result: amazonReadings(1_00), title: '' }, { ...contentScriptAt(partners), frameId: 1 })).ok).toBe(false);
  });
});

describe('listStreams', () => {
  it('lists unarchived streams by name for our pages and content scripts, not for others', async () => {
    const b = await h.store.addStream({ name: 'YouTube', layer: 'leverage', startedAt: 0, hoursPerMonth: 10 });
    const a = await h.store.addStream({ name: 'amazon associates', layer: 'leverage', startedAt: 0, hoursPerMonth: 1 });
    const c = await h.store.addStream({ name: 'Old blog', layer: 'leverage', startedAt: 0, hoursPerMonth: 0 });
    await h.store.updateStream(c.id, { archivedAt: 1 });
    const expected = {
      ok: true,
      value: [
        { id: a.id, name: 'amazon associates', layer: 'leverage' },
        { id: b.id, name: 'YouTube', layer: 'leverage' },
      ],
    };
    expect(await h.handlers.listStreams(undefined, popup)).toEqual(expected);
    expect(await h.handlers.listStreams(undefined, contentScriptAt(FIDELITY_URL))).toEqual(expected);
    expect((await h.handlers.listStreams(undefined, { url: 'https://evil.example/' })).ok).toBe(false);
    expect(EXT_ORIGIN).toContain(EXT_ID);
  });
});
