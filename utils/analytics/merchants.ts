/**
 * Merchant names from bank descriptions.
 *
 * A statement line such as "PURCHASE AUTHORIZED ON 11/02 SQ *BLUE BOTTLE
 * COFFEE #0042 OAKLAND CA" names one merchant wrapped in bank words, a card
 * processor's prefix, a store number and a place. `normalizeMerchant` peels
 * those off and returns
 *
 * - `key`: lower case, only letters, digits, space and & ' . + - (at most 64
 *   characters, never empty). It is stable across the ways one merchant is
 *   written, and is what a LeakMark is stored under ("blue bottle coffee").
 * - `name`: the same for people, title-cased ("Blue Bottle Coffee"), or the
 *   well-known spelling for aliases ("Disney+", "YouTube Premium").
 *
 * The steps, in order, on the upper-case words (split on white space and
 * "*"): bank words, dates and numbers in front ("POS", "DEBIT CARD PURCHASE",
 * "CHECKCARD 1123", "PURCHASE AUTHORIZED ON 11/02") and card-processor prefixes
 * ("SQ *", "TST* ", "PAYPAL *", "PP*", "SP * ", "GOOGLE *"); well-known aliases
 * (MERCHANT_ALIASES, matched at the start: "AMZN Mktp US*2K4…" → Amazon,
 * "APPLE.COM/BILL" → Apple); then per word: web addresses ("WWW.", ".COM/BILL"),
 * a store number and everything after it ("#1234 …", "STORE 0042 …"),
 * reference codes — a word with three or more digits, or digits in two or more
 * places: phone numbers, dates, times, "2K4XY7", "P0A1B2" — and characters a key
 * cannot hold; then places at the end (state, country, known city) and bank
 * words there ("BILL", "LLC"), and the aliases once more.
 *
 * The scan is by hand rather than a chain of regular expressions: bank files
 * repeat merchants but rarely whole lines (dates and reference codes differ),
 * so most descriptions are seen once and the cost per new line matters.
 *
 * Results are memoized by description (statements repeat lines) and, for
 * lines that differ only in reference codes, by their shape (merchant-shape.ts):
 * "PURCHASE AUTHORIZED ON 11/02 … S3853…" is worked out once per merchant, not
 * once per line.
 */
import {
  CITIES,
  CITY_LAST_WORDS,
  LEADING_WORDS,
  PLACE_CODES,
  PROCESSORS,
  STORE_WORDS,
  TOP_LEVEL_DOMAINS,
  TRAILING_NOISE,
} from './merchant-aliases';
import { matchAlias } from './merchant-alias-match';
import { shapeOf } from './merchant-shape';

export { merchantAliasByKey } from './merchant-alias-match';

export interface MerchantName {
  key: string;
  name: string;
}

const MAX_KEY_LENGTH = 64;
const CACHE_LIMIT = 100_000;
const cache = new Map<string, MerchantName>();
/** Results by description shape (merchant-shape.ts): lines differing only in reference codes. */
const byShape = new Map<string, MerchantName>();
/** Set by computeMerchant: the result came from the words alone, so descriptions of the same shape share it. */
let shareable = false;

/** The merchant a bank description names: a stable key and a display name. */
export function normalizeMerchant(description: string): MerchantName {
  const hit = cache.get(description);
  if (hit !== undefined) return hit;
  const shape = shapeOf(description);
  let result = shape === undefined ? undefined : byShape.get(shape);
  if (result === undefined) {
    shareable = false;
    result = computeMerchant(description);
    if (shape !== undefined && shareable) {
      if (byShape.size >= CACHE_LIMIT) byShape.clear();
      byShape.set(shape, result);
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(description, result);
  return result;
}

/** Empties the caches (for tests that check results do not depend on what was seen before). */
export function clearMerchantCache(): void {
  cache.clear();
  byShape.clear();
  byKey.clear();
}

// ---------------------------------------------------------------- steps

const TOKENS: string[] = [];
const STARS: boolean[] = [];
const OFFSETS: number[] = [];
// Local references to the tables (no module-binding lookups in the loop).
const LEADING = LEADING_WORDS;
const PROCESSOR_NAMES = PROCESSORS;
const STORE = STORE_WORDS;
const TLDS = TOP_LEVEL_DOMAINS;
const PLACES = PLACE_CODES;
const TRAILING = TRAILING_NOISE;
const CITY_ENDS = CITY_LAST_WORDS;
const NON_ASCII = /[^\x00-\x7f]/;
const ODD_SPACE = /\s\s|[\t\n\r\f\v]/;

function computeMerchant(description: string): MerchantName {
  let s = description;
  if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  s = s.toUpperCase();
  if (ODD_SPACE.test(s)) s = s.replace(/\s+/g, ' ');

  // Words split on white space and "*"; stars[i]: a "*" came right after word i; offsets[i]: where it starts.
  // (Arrays reused between calls: this runs once per new description.)
  const tokens = TOKENS;
  const stars = STARS;
  const offsets = OFFSETS;
  tokens.length = 0;
  stars.length = 0;
  offsets.length = 0;
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c <= 32 || c === 42) {
      if (start >= 0) {
        tokens.push(s.slice(start, i));
        stars.push(false);
        offsets.push(start);
        start = -1;
      }
      if (c === 42 && stars.length > 0) stars[stars.length - 1] = true;
    } else if (start < 0) start = i;
  }

  // Bank words, dates and numbers in front, and processor prefixes.
  const n = tokens.length;
  let i = 0;
  let processor: string | undefined;
  let previous = '';
  while (i < n) {
    const t = tokens[i] as string;
    const next = tokens[i + 1];
    if (LEADING.has(t) || isCode(t)) {
      previous = t;
      i++;
    } else if ((t === 'ON' && next !== undefined && isCode(next)) || (t === 'BILL' && next === 'PAY')) {
      i += 2;
    } else if (t === 'TO' && (previous === 'PAYMENT' || previous === 'TRANSFER')) {
      i++;
    } else if (stars[i] === true && PROCESSOR_NAMES.has(t)) {
      processor = PROCESSOR_NAMES.get(t);
      i++;
    } else break;
  }
  if (i === n) {
    if (processor !== undefined) return processorOnly(processor);
    return fallback(description);
  }

  // Aliases read only the words before the first reference code (see merchant-shape.ts).
  let codeAt = i;
  while (codeAt < n && !isBareCode(tokens[codeAt] as string)) codeAt++;
  const from = offsets[i] as number;
  const early = codeAt === n ? matchAlias(s, from) : matchAlias(s.slice(from, offsets[codeAt]), 0);
  if (early !== undefined) {
    shareable = true;
    return early;
  }

  const words: string[] = [];
  for (let j = i; j < n; j++) {
    let t = tokens[j] as string;
    if (t.startsWith('HTTP')) t = t.replace(/^HTTPS?:\/\//, '');
    if (t.startsWith('WWW.')) t = t.slice(4);
    if (t.includes('.')) t = dropDomain(t);
    const hash = t.indexOf('#');
    if (hash >= 0) {
      // A store number ("#1234", "# 1234", "STORE#42"): keep what is before it, drop it and all after.
      const after = hash + 1 < t.length ? t.charCodeAt(hash + 1) : (tokens[j + 1] ?? '').charCodeAt(0);
      if (after >= 48 && after <= 57) {
        const head = t.slice(0, hash);
        if (head !== '' && !STORE.has(head)) pushParts(head, words);
        if (words.length > 0) break;
        if (hash + 1 >= t.length) j++;
        continue;
      }
    }
    if (words.length > 0 && STORE.has(t)) {
      const after = (tokens[j + 1] ?? '').charCodeAt(0);
      if ((after >= 48 && after <= 57) || after === 35) break;
    }
    if (t === '' || isCode(t)) continue;
    pushParts(t, words);
  }
  trimTrailing(words);

  if (words.length === 0) {
    if (processor !== undefined) return processorOnly(processor);
    return fallback(description);
  }
  const cleaned = words.join(' ');
  shareable = true;
  return matchAlias(cleaned) ?? fromWords(cleaned);
}

/** "NETFLIX.COM/BILL" → "NETFLIX"; "J.CREW" stays. */
function dropDomain(word: string): string {
  let dot = word.indexOf('.');
  while (dot >= 0) {
    let end = dot + 1;
    while (end < word.length) {
      const c = word.charCodeAt(end);
      if (c === 46 || c === 47) break;
      end++;
    }
    if (TLDS.has(word.slice(dot + 1, end))) return word.slice(0, dot);
    dot = word.indexOf('.', dot + 1);
  }
  return word;
}

/** Adds the parts of a word split on characters a key cannot hold, without codes and stray punctuation. */
function pushParts(word: string, words: string[]): void {
  let from = 0;
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length && isKeyChar(word.charCodeAt(i))) continue;
    if (i > from) {
      const part = trimPunctuation(word.slice(from, i));
      if (part !== '' && !isCode(part)) words.push(part);
    }
    from = i + 1;
  }
}

/** A-Z, 0-9, & ' . + - */
function isKeyChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38 || c === 39 || c === 46 || c === 43 || c === 45;
}

/** Drops . ' + - in front and . ' - at the end ("DISNEY+" keeps its +). */
function trimPunctuation(part: string): string {
  let a = 0;
  let b = part.length;
  while (a < b && isEdge(part.charCodeAt(a))) a++;
  while (b > a && isEdge(part.charCodeAt(b - 1)) && part.charCodeAt(b - 1) !== 43) b--;
  return a === 0 && b === part.length ? part : part.slice(a, b);
}

function isEdge(c: number): boolean {
  return c === 46 || c === 39 || c === 43 || c === 45;
}

/** A reference code or digit run: three or more digits, or digits in two or more places. */
function isCode(word: string): boolean {
  let digits = 0;
  let groups = 0;
  let letters = 0;
  let inDigits = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (!inDigits) groups++;
      inDigits = true;
    } else {
      if (c >= 65 && c <= 90) letters++;
      inDigits = false;
    }
  }
  if (letters === 0) return digits === 0 ? word !== '&' : digits >= 3;
  return digits >= 3 || groups >= 2;
}

/** A code merchant-shape.ts replaces: no "#", "." or ":" inside. */
function isBareCode(word: string): boolean {
  return isCode(word) && !word.includes('#') && !word.includes('.') && !word.includes(':');
}

/** Drops places (state, country, known city) and bank words from the end, keeping at least one word. */
function trimTrailing(words: string[]): void {
  while (words.length > 1) {
    const last = words[words.length - 1] as string;
    if (PLACES.has(last) || TRAILING.has(last) || last === '&' || last === '-') {
      words.pop();
      continue;
    }
    let dropped = false;
    if (!CITY_ENDS.has(last)) break;
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      if (CITIES.has(words.slice(words.length - n).join(' '))) {
        words.length -= n;
        dropped = true;
        break;
      }
    }
    if (!dropped) break;
  }
}

/**
 * One shared result per key: many descriptions name one merchant, so the
 * cache holds few distinct objects and the display name is worked out once.
 */
const byKey = new Map<string, MerchantName>();

function interned(key: string, name?: string): MerchantName {
  let result = byKey.get(key);
  if (result === undefined) {
    result = Object.freeze({ key, name: name ?? titleCase(key) });
    if (byKey.size >= CACHE_LIMIT) byKey.clear();
    byKey.set(key, result);
  }
  return result;
}

/** Only a processor's prefix ("SQ *"): the processor is the merchant, with its own spelling. */
function processorOnly(name: string): MerchantName {
  return Object.freeze({ key: toKey(name), name });
}

/** `cleaned` holds only A-Z 0-9 & ' . + - and single spaces already. */
function fromWords(cleaned: string): MerchantName {
  return interned(cutKey(cleaned.toLowerCase()));
}

function fallback(description: string): MerchantName {
  const key = toKey(description.normalize('NFKD'));
  return key === '' ? interned('unknown', 'Unknown') : interned(key);
}

/** Lower case, only [a-z0-9 &'.+-], single spaces, at most 64 characters (cut at a word). */
function toKey(text: string): string {
  return cutKey(text.toLowerCase().replace(/[^a-z0-9&'.+\- ]+/g, ' ').replace(/\s+/g, ' ').trim());
}

function cutKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  const cut = key.slice(0, MAX_KEY_LENGTH + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, MAX_KEY_LENGTH)).trim();
}

/** "blue bottle coffee" → "Blue Bottle Coffee"; short words without vowels stay capitals ("CVS", "AT&T"). */
function titleCase(key: string): string {
  return key.split(' ').map(titleWord).join(' ');
}

function titleWord(word: string): string {
  if (word.length <= 4) {
    let vowel = false;
    for (let i = 0; i < word.length; i++) if ('aeiouy'.includes(word.charAt(i))) vowel = true;
    if (!vowel || word.includes('&')) return word.toUpperCase();
  }
  let out = '';
  let from = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const startsPart = i === 0 || isSeparator(word.charCodeAt(i - 1));
    if (startsPart && c >= 97 && c <= 122) {
      out += word.slice(from, i) + String.fromCharCode(c - 32);
      from = i + 1;
    }
  }
  return from === 0 ? word : out + word.slice(from);
}

/** . - + start a new capital: "j.crew" → "J.Crew", "t-mobile" → "T-Mobile". */
function isSeparator(c: number): boolean {
  return c === 46 || c === 45 || c === 43;
}
