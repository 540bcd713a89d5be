import { describe, expect, it } from 'vitest';
import { classifySender, validatePayload, type SenderLike } from '@/utils/messaging/validate';

// Chromium: the id is 32 letters a–p and the origin is chrome-extension://ID/.
const CHROME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const CHROME_ORIGIN = `chrome-extension://${CHROME_ID}/`;
const OTHER_CHROME_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';
// Firefox: the id is the gecko id; the origin holds a per-install UUID.
const FIREFOX_ID = 'strata@strata.example';
const FIREFOX_ORIGIN = 'moz-extension://3f0e1c4a-8b7d-4c2e-9a51-6d2f0b7e9c13/';

const FIDELITY = 'https://digital.fidelity.com/ftgw/digital/portfolio/summary';

describe('classifySender: accepted senders', () => {
  it.each<[string, SenderLike & Record<string, unknown>, string, string, ReturnType<typeof classifySender>]>([
    [
      'Chrome popup',
      { id: CHROME_ID, url: `${CHROME_ORIGIN}popup.html`, origin: CHROME_ORIGIN.slice(0, -1) },
      CHROME_ID,
      CHROME_ORIGIN,
      { kind: 'extension-page' },
    ],
    [
      'Chrome options page opened in a tab',
      { id: CHROME_ID, url: `${CHROME_ORIGIN}options.html#accounts`, tab: { id: 12, url: `${CHROME_ORIGIN}options.html#accounts` }, frameId: 0 },
      CHROME_ID,
      CHROME_ORIGIN,
      { kind: 'extension-page' },
    ],
    [
      'our own page framed inside a web page (web-accessible resource)',
      { id: CHROME_ID, url: `${CHROME_ORIGIN}overlay.html`, tab: { id: 4, url: FIDELITY }, frameId: 3 },
      CHROME_ID,
      CHROME_ORIGIN,
      { kind: 'extension-page' },
    ],
    [
      'Chrome content script on Fidelity',
      { id: CHROME_ID, url: FIDELITY, tab: { id: 42, url: FIDELITY }, frameId: 0, origin: 'https://digital.fidelity.com' },
      CHROME_ID,
      CHROME_ORIGIN,
      { kind: 'content-script', tabUrl: FIDELITY },
    ],
    [
      'content script in an http iframe of an https tab: tabUrl is the tab',
      {
        id: CHROME_ID,
        url: 'http://widgets.vanguard.example/balance',
        tab: { id: 9, url: 'https://investor.vanguard.com/home' },
        frameId: 17,
      },
      CHROME_ID,
      CHROME_ORIGIN,
      { kind: 'content-script', tabUrl: 'https://investor.vanguard.com/home' },
    ],
    [
      'content script whose tab carries no url: tabUrl falls back to the frame url',
      { id: CHROME_ID, url: 'https://www.schwab.com/client-home', tab: { id: 5 }, frameId: 0 },
      CHROME_ID,
      CHROME_ORIGIN,
      { kind: 'content-script', tabUrl: 'https://www.schwab.com/client-home' },
    ],
    [
      'Firefox popup (origin UUID differs from the id)',
      { id: FIREFOX_ID, url: `${FIREFOX_ORIGIN}popup.html`, envType: 'addon_child' },
      FIREFOX_ID,
      FIREFOX_ORIGIN,
      { kind: 'extension-page' },
    ],
    [
      'Firefox content script',
      { id: FIREFOX_ID, url: FIDELITY, tab: { id: 3, url: FIDELITY }, frameId: 0, envType: 'content_child' },
      FIREFOX_ID,
      FIREFOX_ORIGIN,
      { kind: 'content-script', tabUrl: FIDELITY },
    ],
    [
      'origin given without its trailing slash',
      { id: CHROME_ID, url: `${CHROME_ORIGIN}popup.html` },
      CHROME_ID,
      `chrome-extension://${CHROME_ID}`,
      { kind: 'extension-page' },
    ],
  ])('%s', (_name, sender, id, origin, expected) => {
    expect(classifySender(sender, id, origin)).toEqual(expected);
  });
});

describe('classifySender: refused senders', () => {
  it.each<[string, SenderLike & Record<string, unknown>, string, string, RegExp]>([
    [
      "another extension's popup",
      { id: OTHER_CHROME_ID, url: `chrome-extension://${OTHER_CHROME_ID}/popup.html` },
      CHROME_ID,
      CHROME_ORIGIN,
      /another extension \(ponmlkjihgfedcbaponmlkjihgfedcba\)/,
    ],
    [
      "another extension's content script on Fidelity",
      { id: OTHER_CHROME_ID, url: FIDELITY, tab: { id: 42, url: FIDELITY }, frameId: 0 },
      CHROME_ID,
      CHROME_ORIGIN,
      /another extension/,
    ],
    [
      'a web page via externally_connectable (no id)',
      { url: 'https://evil.example/steal', tab: { id: 8, url: 'https://evil.example/steal' }, frameId: 0, origin: 'https://evil.example' },
      CHROME_ID,
      CHROME_ORIGIN,
      /no extension id/,
    ],
    ['an empty sender', {}, CHROME_ID, CHROME_ORIGIN, /no extension id/],
    ['an empty-string id', { id: '', url: `${CHROME_ORIGIN}popup.html` }, CHROME_ID, CHROME_ORIGIN, /no extension id/],
    [
      'our id claimed on a page under another extension origin, no tab',
      { id: CHROME_ID, url: `chrome-extension://${OTHER_CHROME_ID}/popup.html` },
      CHROME_ID,
      CHROME_ORIGIN,
      /neither an extension page nor in a tab/,
    ],
    [
      'an origin that only shares a prefix with ours',
      { id: CHROME_ID, url: `chrome-extension://${CHROME_ID}x/popup.html` },
      CHROME_ID,
      `chrome-extension://${CHROME_ID}`,
      /neither an extension page nor in a tab/,
    ],
    [
      "a content script framed inside another extension's page",
      { id: CHROME_ID, url: FIDELITY, tab: { id: 6, url: `chrome-extension://${OTHER_CHROME_ID}/dashboard.html` }, frameId: 2 },
      CHROME_ID,
      CHROME_ORIGIN,
      /not on a web page \(chrome-extension:\/\/ponmlkjihgfedcbaponmlkjihgfedcba\/dashboard\.html\)/,
    ],
    [
      'a content script on a file:// page',
      { id: CHROME_ID, url: 'file:///home/me/statement.html', tab: { id: 2, url: 'file:///home/me/statement.html' }, frameId: 0 },
      CHROME_ID,
      CHROME_ORIGIN,
      /not on a web page \(file:/,
    ],
    [
      'a content script in an about:blank frame',
      { id: CHROME_ID, url: 'about:blank', tab: { id: 2, url: FIDELITY }, frameId: 5 },
      CHROME_ID,
      CHROME_ORIGIN,
      /not on a web page \(about:blank\)/,
    ],
    [
      'a content-script-looking sender with no tab',
      { id: CHROME_ID, url: FIDELITY },
      CHROME_ID,
      CHROME_ORIGIN,
      /neither an extension page nor in a tab/,
    ],
    [
      'a tab sender with no url at all',
      { id: CHROME_ID, tab: { id: 2 } },
      CHROME_ID,
      CHROME_ORIGIN,
      /has no url/,
    ],
    [
      "Firefox: another install's moz-extension origin",
      { id: FIREFOX_ID, url: 'moz-extension://00000000-1111-2222-3333-444444444444/popup.html' },
      FIREFOX_ID,
      FIREFOX_ORIGIN,
      /neither an extension page nor in a tab/,
    ],
    [
      'the background does not know its own id',
      { id: undefined, url: `${CHROME_ORIGIN}popup.html` },
      '',
      CHROME_ORIGIN,
      /extension id is unknown/,
    ],
    [
      'the configured origin is not an extension origin',
      { id: CHROME_ID, url: 'https://evil.example/popup.html' },
      CHROME_ID,
      'https://evil.example/',
      /not an extension origin/,
    ],
  ])('%s', (_name, sender, id, origin, reason) => {
    const result = classifySender(sender, id, origin);
    expect(result.kind).toBe('refused');
    expect(result.kind === 'refused' && result.reason).toMatch(reason);
  });
});

describe('validatePayload', () => {
  const valid = {
    accountId: 'acct-fidelity-brokerage',
    amount: { minor: 1234567, currency: 'USD' },
    at: Date.UTC(2025, 2, 14, 15, 30),
    provenance: {
      description: 'Captured from digital.fidelity.com',
      url: FIDELITY,
      label: 'Total account value',
      rawText: '$12,345.67',
    },
  };

  it('accepts a well-formed saveSnapshot payload and returns it unchanged', () => {
    expect(validatePayload('saveSnapshot', valid)).toEqual({ ok: true, value: valid });
  });

  it('accepts no data for listAccounts and getSettings', () => {
    expect(validatePayload('listAccounts', undefined)).toEqual({ ok: true, value: undefined });
    expect(validatePayload('getSettings', undefined)).toEqual({ ok: true, value: undefined });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['fractional minor units', { ...valid, amount: { minor: 12.5, currency: 'USD' } }, 'amount.minor', /whole number of minor units/],
    ['minor units as text', { ...valid, amount: { minor: '1234567', currency: 'USD' } }, 'amount.minor', /number of minor units/],
    ['an unsafe integer', { ...valid, amount: { minor: 2 ** 53, currency: 'USD' } }, 'amount.minor', /whole number/],
    ['a lower-case currency', { ...valid, amount: { minor: 100, currency: 'usd' } }, 'amount.currency', /ISO 4217/],
    ['a missing currency', { ...valid, amount: { minor: 100 } }, 'amount.currency', /amount\.currency is required/],
    ['provenance set to undefined', { ...valid, provenance: undefined }, 'provenance', /provenance is required/],
    ['provenance left out', (({ provenance: _, ...rest }) => rest)(valid), 'provenance', /provenance is required/],
    ['provenance without a description', { ...valid, provenance: { url: FIDELITY } }, 'provenance.description', /is required/],
    ['an empty account id', { ...valid, accountId: '' }, 'accountId', /must not be empty/],
    ['a time as a date string', { ...valid, at: '2025-03-14' }, 'at', /must be a time/],
    ['a fractional time', { ...valid, at: 1741966200000.5 }, 'at', /whole number of milliseconds/],
    ['a source chosen by the sender', { ...valid, source: 'manual' }, 'source', /source is not a field of this message/],
    ['an id chosen by the sender', { ...valid, id: 'mine' }, 'id', /not a field/],
    ['an unknown field inside amount', { ...valid, amount: { minor: 100, currency: 'USD', scale: 2 } }, 'amount.scale', /not a field/],
    ['no data at all', undefined, 'data', /data is required/],
    ['text instead of an object', 'USD 12,345.67', 'data', /data must be an object/],
  ])('refuses %s, naming the field', (_name, data, field, message) => {
    const result = validatePayload('saveSnapshot', data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(result.error).toMatch(/^saveSnapshot refused: /);
    expect(result.error).toContain(issue!.message);
  });

  it('reports every problem at once', () => {
    const result = validatePayload('saveSnapshot', { accountId: 7, amount: { minor: 0.1, currency: 'usd' }, at: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field).sort()).toEqual([
      'accountId',
      'amount.currency',
      'amount.minor',
      'provenance',
    ]);
  });

  it('refuses data sent to a message that takes none', () => {
    expect(validatePayload('listAccounts', { includeArchived: true })).toEqual({
      ok: false,
      error: 'listAccounts refused: data must be empty: this message takes no data',
      issues: [{ field: 'data', message: 'data must be empty: this message takes no data' }],
    });
  });
});
