/**
 * Merchant normalization: real-looking bank and card descriptions (the layouts
 * of US bank exports: Chase, Wells Fargo, Bank of America, Amex, PayPal) and
 * the key and name each should give, worked out by hand from the rules in
 * utils/analytics/merchants.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MERCHANT_ALIASES } from '@/utils/analytics/merchant-aliases';
import { shapeOf } from '@/utils/analytics/merchant-shape';
import { clearMerchantCache, normalizeMerchant } from '@/utils/analytics/merchants';

const KEY = /^[a-z0-9 &'.+-]+$/;

describe('normalizeMerchant', () => {
  it.each([
    // [description, key, name]
    ['NETFLIX.COM LOS GATOS CA', 'netflix', 'Netflix'],
    ['Netflix.com 866-579-7172 CA', 'netflix', 'Netflix'],
    ['SQ *BLUE BOTTLE COFFEE OAKLAND CA', 'blue bottle coffee', 'Blue Bottle Coffee'],
    ['TST* JOES PIZZA 1234 NEW YORK NY', 'joes pizza', 'Joes Pizza'],
    ['PAYPAL *SPOTIFY', 'spotify', 'Spotify'],
    ['PP*HULU', 'hulu', 'Hulu'],
    ['SP * ALLBIRDS', 'allbirds', 'Allbirds'],
    ['GOOGLE *YouTubePremium g.co/helppay#', 'youtube premium', 'YouTube Premium'],
    ['GOOGLE *Google Storage', 'google one', 'Google One'],
    ['APPLE.COM/BILL 866-712-7753 CA', 'apple', 'Apple'],
    ['AMZN Mktp US*2K4XY7 Amzn.com/bill WA', 'amazon', 'Amazon'],
    ['AMZN Mktp US*2K4…', 'amazon', 'Amazon'],
    ['Amazon Prime*2K4XY7', 'amazon prime', 'Amazon Prime'],
    ['AMZN Prime Video', 'amazon prime', 'Amazon Prime'],
    ['PRIME VIDEO *1A2B3', 'amazon prime', 'Amazon Prime'],
    ['POS STARBUCKS STORE 0042 SEATTLE WA', 'starbucks', 'Starbucks'],
    ['DEBIT CARD PURCHASE WALGREENS #1234 BOSTON MA', 'walgreens', 'Walgreens'],
    ['CHECKCARD 1123 SHELL OIL 57442 HOUSTON TX', 'shell oil', 'Shell Oil'],
    ['ACH DEBIT COMCAST CABLE', 'xfinity', 'Xfinity'],
    ['RECURRING PAYMENT DROPBOX*ABCD12EF', 'dropbox', 'Dropbox'],
    ['PURCHASE AUTHORIZED ON 11/02 CHIPOTLE 1234 AUSTIN TX S385306742133475 CARD 1123', 'chipotle', 'Chipotle'],
    ['SPOTIFY USA', 'spotify', 'Spotify'],
    ['Spotify P0A1B2', 'spotify', 'Spotify'],
    ['WWW.HULU.COM/BILL', 'hulu', 'Hulu'],
    ['DISNEY PLUS 888-905-7888 CA', 'disney+', 'Disney+'],
    ['HBO Max', 'hbo max', 'HBO Max'],
    ['Whole Foods Market #10234 Austin TX', 'whole foods', 'Whole Foods'],
    ['TRADER JOE S #552 QPS', "trader joe's", "Trader Joe's"],
    ['UBER *TRIP HELP.UBER.COM', 'uber', 'Uber'],
    ['CVS/PHARMACY #07123', 'cvs pharmacy', 'CVS Pharmacy'],
    ['7-ELEVEN 35412', '7-eleven', '7-Eleven'],
    ['AT&T*BILL PAYMENT', 'at&t', 'AT&T'],
    ['Café Olé Paris FR', 'cafe ole', 'Cafe Ole'],
    ['1PASSWORD.COM', '1password', '1Password'],
    ['GODADDY.COM 480-505-8855 AZ', 'godaddy', 'Godaddy'],
    ['NYTimes*NYTimes Subscr', 'new york times', 'The New York Times'],
    ["JOE'S DINER SPRINGFIELD IL", "joe's diner", "Joe's Diner"],
    ['APPLE ICLOUD STORAGE', 'icloud', 'iCloud'],
    ['MICROSOFT*ONEDRIVE', 'onedrive', 'OneDrive'],
    ['PLANET FITNESS CLUB FEES', 'planet fitness', 'Planet Fitness'],
    ['HELLOFRESH 646-846-3663 NY', 'hellofresh', 'Hellofresh'],
    ['PAYMENT TO STATE FARM INSURANCE 800-956-6310 IL', 'state farm insurance', 'State Farm Insurance'],
    ['POS 11/14 PEETS COFFEE #12 BERKELEY CA', 'peets coffee', 'Peets Coffee'],
    ['Le Monde Abonnement', 'le monde abonnement', 'Le Monde Abonnement'],
  ])('%j → %j (%s)', (description, key, name) => {
    expect(normalizeMerchant(description)).toEqual({ key, name });
  });

  it('maps the ways one service is written to one key', () => {
    const keys = ['AMZN Prime', 'Amazon Prime*MK1234', 'PRIME VIDEO', 'AMAZON.COM*PRIME 2K4XY7'].map((d) => normalizeMerchant(d).key);
    expect(new Set(keys)).toEqual(new Set(['amazon prime']));
    const spotify = ['SPOTIFY USA', 'Spotify P0A1B2', 'PAYPAL *SPOTIFY', 'SPOTIFY 877-7781161 NY'].map((d) => normalizeMerchant(d).key);
    expect(new Set(spotify)).toEqual(new Set(['spotify']));
  });

  it('reads every built-in alias back from its own name and key', () => {
    for (const alias of MERCHANT_ALIASES) {
      expect(normalizeMerchant(alias.name.toUpperCase()).key, alias.name).toBe(alias.key);
      expect(normalizeMerchant(alias.key).key, alias.key).toBe(alias.key);
      expect(alias.key).toMatch(KEY);
    }
  });

  it('never gives an empty key: all noise falls back to the cleaned description, nothing at all to "unknown"', () => {
    expect(normalizeMerchant('')).toEqual({ key: 'unknown', name: 'Unknown' });
    expect(normalizeMerchant('***')).toEqual({ key: 'unknown', name: 'Unknown' });
    // "#1234" is only a store number: the cleaned description is what is left.
    expect(normalizeMerchant('#1234')).toEqual({ key: '1234', name: '1234' });
    expect(normalizeMerchant('SQ *')).toEqual({ key: 'square', name: 'Square' });
  });

  it('keeps keys to the LeakMark id alphabet and 64 characters, cut at a word', () => {
    const long = 'THE EXTRAORDINARILY LONG NAMED NEIGHBOURHOOD COOPERATIVE GROCERY AND HARDWARE EMPORIUM OF SPRINGFIELD';
    const { key } = normalizeMerchant(long);
    // 64 characters end inside "emporium"; the cut goes back to the space before it.
    expect(key).toBe('the extraordinarily long named neighbourhood cooperative grocery');
    expect(key.length).toBeLessThanOrEqual(64);
    for (const d of ['Zürich Café «Sprüngli» (№ 5)', 'ДОСТАВКА ЕДЫ', '東京 RAMEN_BAR!!', 'A/B TEST, INC.', '\u00a0NBSP\u00a0STORE']) {
      expect(normalizeMerchant(d).key).toMatch(KEY);
    }
  });

  it('memoizes: the same description gives the same object', () => {
    const first = normalizeMerchant('SQ *RITUAL COFFEE ROASTERS SAN FRANCISCO CA');
    expect(normalizeMerchant('SQ *RITUAL COFFEE ROASTERS SAN FRANCISCO CA')).toBe(first);
    expect(first).toEqual({ key: 'ritual coffee roasters', name: 'Ritual Coffee Roasters' });
  });
});

describe('description shapes', () => {
  it('replace reference codes by stand-ins and keep everything else', () => {
    expect(shapeOf('PURCHASE AUTHORIZED ON 11/02 CHIPOTLE 1234 AUSTIN TX S385306742133475 CARD 1123')).toBe(
      'PURCHASE AUTHORIZED ON 000 CHIPOTLE 000 AUSTIN TX A000 CARD 000',
    );
    // "#1234" and "NETFLIX.COM" are read inside, "(866)" starts with neither digit nor letter.
    expect(shapeOf('NETFLIX.COM #1234 (866) 579-7172')).toBe('NETFLIX.COM #1234 -000 000');
    expect(shapeOf('SPOTIFY USA')).toBeUndefined();
    expect(shapeOf('Café 123456')).toBeUndefined();
  });

  // Codes of one kind of start, two at a time: the description and its variant.
  const digitFirst = fc.oneof(fc.stringMatching(/^[0-9]{3,9}$/), fc.stringMatching(/^[0-9]{1,3}[A-Z]{1,3}[0-9]{1,3}$/), fc.stringMatching(/^[0-9]{1,2}\/[0-9]{2}$/));
  // Letter-first codes may start like a word an alias reads next ("APPLE TV123", "AMZN PRIME0042").
  const letterFirst = fc.oneof(
    fc.tuple(fc.constantFrom('S', 'X', 'TV', 'PRIME', 'MAX', 'COM'), fc.stringMatching(/^[0-9]{3,12}$/)).map(([a, b]) => a + b),
    fc.stringMatching(/^[A-Z][0-9][A-Z][0-9][A-Z]?[0-9]?$/),
  );
  const otherFirst = fc.stringMatching(/^[-(][0-9]{3}[-)][0-9]{0,4}$/);
  const code = fc.oneof(fc.tuple(digitFirst, digitFirst), fc.tuple(letterFirst, letterFirst), fc.tuple(otherFirst, otherFirst));
  const word = fc.constantFrom(
    'POS', 'ON', 'PURCHASE', 'SQ', 'PAYPAL', 'STORE', '#', '#12', 'TV', 'APPLE', 'AMZN', 'PRIME', 'MICROSOFT', 'NETFLIX.COM',
    'BLUE', 'BOTTLE', 'CAFE', 'AUSTIN', 'TX', 'CA', 'CARD', '7', '12', '&', '-', 'WWW.HULU.COM/BILL', 'HBO', 'MAX', 'BILL', 'PAY',
  );
  const piece = fc.oneof(word.map((w) => [w, w] as [string, string]), code);
  const separator = fc.constantFrom(' ', ' *', '*', '  ', ' * ');

  it('give the same merchant as normalizing from scratch (order of lines seen does not matter)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 9 }), (parts) => {
        const one = parts.map(([[a], sep]) => a + sep).join('');
        const other = parts.map(([[, b], sep]) => b + sep).join('');
        clearMerchantCache();
        normalizeMerchant(one);
        const shared = normalizeMerchant(other);
        clearMerchantCache();
        expect(shared).toEqual(normalizeMerchant(other));
      }),
      { numRuns: 2000 },
    );
  });
});
