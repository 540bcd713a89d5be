/**
 * parseMoney: reads an amount the way a dashboard shows it, in any locale,
 * into exact Money, or refuses with a reason that names what is wrong.
 *
 * What is read
 * - Text is cleaned first: bidi marks (U+200E, U+200F, U+061C, embeddings and
 *   isolates) are removed; Arabic-Indic, Persian, Devanagari, Bengali and
 *   full-width digits become 0-9; "٫" is a decimal point and "٬" a group
 *   separator; surrounding whitespace is dropped.
 * - One number, with a currency symbol or ISO code before and/or after it
 *   ("$1,234.56", "1.234,56 €", "CHF 1'234.50", "1,234 USD", "$12 CAD").
 * - Group separators: "," "." "'" "’" and spaces (incl. U+00A0, U+202F,
 *   U+2009); Western (1,234,567) or Indian (12,34,567) grouping only.
 * - Sign: one of "-" "−" (U+2212) "–" (U+2013) "+", before or after the
 *   currency ("-$12", "$-12", "US$ -12"), or parentheses around the whole
 *   text ("(1,234.56)") for a negative amount.
 * - A suffix K/M/MM/Mn/B/Bn/T ("$1.2K") multiplies by 10^3/6/9/12 and flags
 *   the result `approximate: true` (the display was rounded).
 *
 * Which currency
 * - An ISO code or an unambiguous symbol (€, £, ₹, ₩, US$, CA$, R$, zł, Fr.,
 *   R, د.ب.…) names it. Anything Intl writes for the hinted currency in the
 *   hinted locale is accepted for it ("kr." in da-DK, "$CA" in fr-FR).
 * - "$" is USD unless the currency hint is another dollar (CAD, AUD…) or the
 *   locale's region has one (en-CA → CAD). "¥" is JPY unless the hint says
 *   CNY or the locale is Chinese (zh → CNY): JPY is the default because it
 *   is the ¥ of most dashboards written in Latin script; Chinese pages mostly
 *   write "¥" under a zh locale or "元"/"CN¥". "£" is GBP by default.
 *   "kr" (SEK/NOK/DKK/ISK) and "Rs" (INR/PKR/LKR/NPR…) need a hint or a
 *   locale of that region, otherwise they are refused as ambiguous.
 * - With no currency in the text the hint's currency is used; with neither,
 *   the text is refused ("give a currency hint"). A currency in the text
 *   that differs from the hint is refused, naming both.
 *
 * Which separator is the decimal point (documented ambiguity rules)
 * 1. Both "." and "," present: the later one is the decimal point and must
 *    appear once ("1.234,56" → 1234.56; "1,234.56" → 1234.56).
 * 2. The same "." or "," repeated: it groups thousands ("1.234.567").
 * 3. A lone "." or "," next to spaces/apostrophes: the decimal point
 *    ("1 234,56", "1'234.50").
 * 4. A lone "." or "," alone: it can only group thousands when exactly three
 *    digits follow and one to three digits (not starting with 0) precede it.
 *    Otherwise it is the decimal point ("1,5" → 1.50; "12.34" → 12.34).
 *    When it could be either ("1,234" / "1.234"):
 *    a. with a locale hint, the locale's decimal separator (from
 *       Intl.NumberFormat(locale, { style: 'currency', currency,
 *       numberingSystem: 'latn' }).formatToParts) decides; not flagged;
 *    b. without one, a currency with three decimals (BHD, KWD, JOD, OMR…)
 *       takes "." as its decimal point ("BHD 1.234" → 1.234 BHD = 1234 fils)
 *       and "," as a group separator (TND the other way round); every other
 *       currency reads it as a thousands separator ("1,234" and "1.234" →
 *       1234.00), because no currency with fewer than three decimals can
 *       have three digits after its decimal point — EUR, used with both
 *       conventions, cannot decide by itself. Both are flagged `ambiguous: true`.
 *    c. with a K/M/B suffix it is always the decimal point ("$1.234K").
 *    A separator that is not the hinted locale's decimal point but can only
 *    be one ("1234.56" under de-DE) is read as a decimal point and flagged
 *    `ambiguous: true`.
 * 5. The fraction may not have more digits than the currency allows:
 *    "$1.234" under en-US is refused ("USD has 2 decimal places").
 *
 * Refused: no digits ("N/A", "—"), two amounts ("$1 / $2"), letters inside
 * the digits ("12a34"), malformed grouping ("$1,2,3"), two decimal points
 * ("12.34.56"), two signs, an unknown currency, a value beyond
 * Number.MAX_SAFE_INTEGER minor units.
 */
import { BIDI_MARKS, currencyForSymbol, intlSymbols, isCurrencyCode, minorDigits, symbolMeaning } from './currency';
import { isSeparatorChar, readNumber, type DecimalSeparator } from './parse-number';
import type { Money } from './types';

export type ParsedMoney = Money & { approximate?: true; ambiguous?: true };
export type ParseResult = { ok: true; value: ParsedMoney } | { ok: false; reason: string };
export interface ParseHints {
  /** ISO 4217 code the amount is expected in (an account's currency). */
  currency?: string;
  /** BCP 47 locale the text was written in, e.g. "de-DE". */
  locale?: string;
}

const NEGATIVE_SIGNS = new Set(['-', '\u2212', '\u2013', '\u2012', '\uFE63', '\uFF0D']);
const POSITIVE_SIGNS = new Set(['+', '\uFF0B']);
const MULTIPLIERS: Readonly<Record<string, number>> = { k: 3, m: 6, mm: 6, mn: 6, b: 9, bn: 9, t: 12, tn: 12 };
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Zero digits of the non-Latin digit sets accepted. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0xff10];

type TokenKind = 'num' | 'sign' | 'paren' | 'word';
interface Token {
  kind: TokenKind;
  text: string;
  spaceBefore: boolean;
}

export function parseMoney(text: string, hints: ParseHints = {}): ParseResult {
  const q = JSON.stringify(text);
  const fail = (reason: string): ParseResult => ({ ok: false, reason });

  if (hints.currency !== undefined && !isCurrencyCode(hints.currency)) {
    return fail(`currency hint ${JSON.stringify(hints.currency)} is not an ISO 4217 code such as USD`);
  }
  if (hints.locale !== undefined && !isValidLocale(hints.locale)) {
    return fail(`locale hint ${JSON.stringify(hints.locale)} is not a valid locale such as en-US`);
  }

  const clean = normalize(text);
  if (!/\d/.test(clean)) return fail(`no digits in ${q}`);

  let tokens = tokenize(clean);
  let negative = false;
  let signs = 0;
  const firstToken = tokens[0]!;
  const lastToken = tokens[tokens.length - 1]!;
  if (firstToken.text === '(' && lastToken.text === ')' && tokens.length > 2) {
    negative = true;
    signs = 1;
    tokens = tokens.slice(1, -1);
  }
  const stray = tokens.find((t) => t.kind === 'paren');
  if (stray) return fail(`${q} has a misplaced "${stray.text}"`);

  const numbers = tokens.flatMap((t, i) => (t.kind === 'num' ? [i] : []));
  if (numbers.length > 1) return fail(`${q} ${manyNumbersProblem(tokens, numbers)}`);
  const at = numbers[0]!;
  const num = tokens[at]!;

  const words: Token[] = [];
  for (const t of tokens.slice(0, at)) {
    if (t.kind === 'sign') {
      signs++;
      negative = NEGATIVE_SIGNS.has(t.text);
    } else {
      words.push(t);
    }
  }
  const after = tokens.slice(at + 1);
  let exponent = 0;
  const suffix = after[0];
  if (suffix?.kind === 'word' && MULTIPLIERS[suffix.text.toLowerCase()] !== undefined) {
    exponent = MULTIPLIERS[suffix.text.toLowerCase()]!;
    after.shift();
  }
  for (const t of after) {
    if (t.kind === 'sign') return fail(`${q} has a "${t.text}" after the amount: put the sign before it`);
    words.push(t);
  }
  if (signs > 1) return fail(`${q} has more than one sign`);

  // Words glued to the digits that are not currencies: "12abc", "x12".
  const glued = [tokens[at - 1], tokens[at + 1]].filter(
    (t): t is Token =>
      t !== undefined && t.kind === 'word' && (t === tokens[at + 1] ? !t.spaceBefore : !num.spaceBefore),
  );
  for (const t of glued) {
    if (/\p{L}/u.test(t.text) && MULTIPLIERS[t.text.toLowerCase()] === undefined && !knownSymbol(t.text, hints)) {
      return fail(`${q} has letters mixed into the digits`);
    }
  }

  const currency = resolveCurrency(words.map((w) => w.text), hints, text);
  if (!currency.ok) return currency;
  const code = currency.currency;

  const reading = readNumber(num.text, {
    currency: code,
    localeDecimal: hints.locale === undefined ? undefined : localeDecimal(hints.locale, code),
    scaled: exponent > 0,
  });
  if (!reading.ok) return fail(`${q} ${reading.problem}`);

  const digits = minorDigits(code);
  const places = `${code} has ${digits} decimal place${digits === 1 ? '' : 's'}${digits === 0 ? ' (no minor unit)' : ''}`;
  const scale = digits + exponent - reading.fraction.length;
  if (exponent === 0 && scale < 0) {
    return fail(`${q} has ${reading.fraction.length} decimal places but ${places}`);
  }
  let allDigits = reading.whole + reading.fraction;
  if (scale < 0) {
    const dropped = allDigits.slice(scale);
    if (/[1-9]/.test(dropped)) return fail(`${q} is more precise than ${places}`);
    allDigits = allDigits.slice(0, scale);
  }
  const magnitude = BigInt(allDigits || '0') * 10n ** BigInt(Math.max(scale, 0));
  if (magnitude > MAX_SAFE) {
    return fail(`${q} is too large to store exactly: more than ${Number.MAX_SAFE_INTEGER} minor units of ${code}`);
  }
  const size = Number(magnitude);
  const value: ParsedMoney = { minor: negative && size !== 0 ? -size : size, currency: code };
  if (exponent > 0) value.approximate = true;
  if (reading.ambiguous) value.ambiguous = true;
  return { ok: true, value };
}

/** Text with bidi marks removed, other digit sets mapped to 0-9, trimmed. */
function normalize(text: string): string {
  let out = '';
  for (const ch of text.replace(BIDI_MARKS, '')) {
    const cp = ch.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    if (zero !== undefined) out += String(cp - zero);
    else if (ch === '\u066B' || ch === '\uFF0E') out += '.';
    else if (ch === '\u066C' || ch === '\uFF0C') out += ',';
    else out += ch;
  }
  return out.trim();
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string) => /\s/.test(ch);
const isSign = (ch: string) => NEGATIVE_SIGNS.has(ch) || POSITIVE_SIGNS.has(ch);

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let spaceBefore = false;
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (isSpace(ch)) {
      spaceBefore = true;
      i++;
      continue;
    }
    let j = i + 1;
    let kind: TokenKind;
    if (isDigit(ch) || ((ch === '.' || ch === ',') && isDigit(s[i + 1]))) {
      kind = 'num';
      while (j < s.length) {
        if (isDigit(s[j])) j++;
        else if (isSeparatorChar(s[j]!) && isDigit(s[j + 1])) j += 2;
        else break;
      }
    } else if (isSign(ch)) {
      kind = 'sign';
    } else if (ch === '(' || ch === ')') {
      kind = 'paren';
    } else {
      kind = 'word';
      j = i;
      while (j < s.length) {
        const c = s[j]!;
        if (isSpace(c) || isDigit(c) || isSign(c) || c === '(' || c === ')') break;
        // "$.50" splits before ".50"; "Rs.1,234" and "Fr.12" keep the dot of the abbreviation.
        if ((c === '.' || c === ',') && isDigit(s[j + 1]) && (c === ',' || !/\p{L}/u.test(s.slice(i, j)))) break;
        j++;
      }
    }
    tokens.push({ kind, text: s.slice(i, j), spaceBefore });
    spaceBefore = false;
    i = j;
  }
  return tokens;
}

/** Why text with several digit runs is refused. */
function manyNumbersProblem(tokens: Token[], numbers: number[]): string {
  for (let k = 0; k + 1 < numbers.length; k++) {
    const glue = tokens.slice(numbers[k]! + 1, numbers[k + 1]);
    const next = tokens[numbers[k + 1]!]!;
    const only = glue[0];
    if (glue.length === 1 && only && only.kind === 'word' && !only.spaceBefore && !next.spaceBefore) {
      if (/\p{L}/u.test(only.text)) return 'has letters mixed into the digits';
      if (/^[.,'’]+$/.test(only.text)) return 'has malformed digit grouping';
    }
  }
  return 'holds more than one amount';
}

function knownSymbol(word: string, hints: ParseHints): boolean {
  if (symbolMeaning(word) !== undefined) return true;
  return hints.currency !== undefined && intlSymbols(hints.currency, hints.locale).has(word);
}

type CurrencyResult = { ok: true; currency: string } | { ok: false; reason: string };

function resolveCurrency(words: string[], hints: ParseHints, text: string): CurrencyResult {
  const q = JSON.stringify(text);
  if (words.length === 0) {
    if (hints.currency !== undefined) return { ok: true, currency: hints.currency };
    return { ok: false, reason: `no currency in ${q}: give a currency hint` };
  }
  for (const word of words) {
    if (!knownSymbol(word, hints)) return { ok: false, reason: `unknown currency "${word}" in ${q}` };
  }
  let effective = hints;
  if (words.length > 1 && hints.currency === undefined) {
    // "$12 CAD": the unambiguous one decides what the family symbol means.
    const exact = words.map((w) => symbolMeaning(w)).find((m) => m?.currencies.length === 1);
    if (exact) effective = { ...hints, currency: exact.currencies[0] };
  }
  const found = new Set<string>();
  for (const word of words) {
    const r = currencyForSymbol(word, effective);
    if (!r.ok) {
      if (effective !== hints) return { ok: false, reason: `${q} has two currencies: "${words.join('" and "')}"` };
      return { ok: false, reason: `${q}: ${r.reason}` };
    }
    found.add(r.currency);
  }
  if (found.size > 1) return { ok: false, reason: `${q} has two currencies: ${[...found].join(' and ')}` };
  return { ok: true, currency: [...found][0]! };
}

function isValidLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

const decimalCache = new Map<string, DecimalSeparator | undefined>();

/** The decimal separator `locale` writes for `currency`, in Latin digits ("." for ar-BH, "," for de-DE). */
function localeDecimal(locale: string, currency: string): DecimalSeparator | undefined {
  const key = `${locale}|${currency}`;
  if (decimalCache.has(key)) return decimalCache.get(key);
  const parts = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    numberingSystem: 'latn',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).formatToParts(1.5);
  const mark = parts.find((p) => p.type === 'decimal')?.value;
  const sep: DecimalSeparator | undefined = mark === ',' ? ',' : mark === '.' || mark === '\u066B' ? '.' : undefined;
  decimalCache.set(key, sep);
  return sep;
}
