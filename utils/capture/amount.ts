/**
 * Is this text a figure, and which: the cheap shape tests the tree walk runs
 * on every short text, and the exact reading (utils/money) run only on the
 * few texts paired with a label. Never a guess: a masked figure, a dash,
 * "N/A", an empty cell or a rounded "$1.2K" gives a reason, never a zero.
 */
import { parseMoney } from '@/utils/money/parse';

/** Longest text looked at as one figure. */
export const MAX_AMOUNT_TEXT = 48;

const HAS_DIGIT = /\d/;
const NON_ASCII_LETTER = /\p{L}/u;

/** Characters that may sit between the digits of one number: . , ' ’ and spaces. */
function isNumberSeparator(c: number): boolean {
  return c === 46 || c === 44 || c === 39 || c === 0x2019 || c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 9 || c === 10 || c === 13;
}

/** Characters that never appear in an amount: % / : # @ = < > (a percentage, a date, a time, a rank). */
function isForbidden(c: number): boolean {
  return c === 37 || c === 47 || c === 58 || c === 35 || c === 64 || c === 61 || c === 60 || c === 62;
}

function isLetter(c: number, text: string, i: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c > 127 && NON_ASCII_LETTER.test(text[i]!);
}

/**
 * "$12,345.67", "1.234,56 €", "-$12", "(1,234.56)", "$1.2K", "USD 1,234",
 * "1,234": one run of digits, and letters only as a currency code or a
 * K/M/B suffix (at most two words of at most three letters). One pass, no
 * allocation: it runs on every short text of the page.
 */
export function looksLikeNumber(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > MAX_AMOUNT_TEXT) return false;
  let runs = 0;
  let inRun = false;
  let words = 0;
  let wordLength = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (!inRun) {
        if (++runs > 1) return false;
        inRun = true;
      }
      wordLength = 0;
      continue;
    }
    if (inRun && isNumberSeparator(c)) continue;
    inRun = false;
    if (isForbidden(c)) return false;
    if (isLetter(c, text, i)) {
      if (wordLength === 0 && ++words > 2) return false;
      if (++wordLength > 3) return false;
    } else {
      wordLength = 0;
    }
  }
  return runs === 1;
}

/** "••••", "$****", "***.**": a figure the site hides until asked. */
const MASKED = /^[\p{Sc}\s.,]*[•●∙·*✱⁕]{2,}[•●∙·*✱⁕\s.,]*(?:[A-Z]{3})?$/u;
/** "—", "-", "--", "$ –", "N/A", "n/a", "NA", "Unavailable": a placeholder where a figure would be. */
const PLACEHOLDER = /^(?:\p{Sc}\s?)?(?:[-‐‑‒–—−―]{1,3}|n\/?a|not available|unavailable)$/iu;

export function isMasked(text: string): boolean {
  return text.length > 0 && text.length <= 24 && MASKED.test(text);
}

export function isPlaceholder(text: string): boolean {
  return text.length > 0 && text.length <= 24 && PLACEHOLDER.test(text);
}

/** Any text that holds (or stands in for) a figure: worth pairing with a label. */
export function looksLikeValue(text: string): boolean {
  if (looksLikeNumber(text)) return true;
  if (text.length === 0 || text.length > 24) return false;
  // Stand-ins start with a symbol, a mask or a dash, or spell n/a, not available, unavailable: most words are out at once.
  const c = text.charCodeAt(0) | 32;
  if (c >= 97 && c <= 122 && c !== 110 && c !== 117) return false;
  return !HAS_DIGIT.test(text) && (isMasked(text) || isPlaceholder(text));
}

/** Collapses white space (incl. no-break spaces) and trims. Returns `text` itself when it is already so (the common case, checked without a regex). */
export function collapse(text: string): string {
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return text.replace(/\s+/g, ' ').trim();
      previousSpace = true;
    } else if (c < 32 || c === 160 || (c >= 0x1680 && /\s/.test(text[i]!))) {
      return text.replace(/\s+/g, ' ').trim();
    } else {
      previousSpace = false;
    }
  }
  return previousSpace && text.length > 0 ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * How labels are compared: lower case, collapsed white space, no trailing
 * colon, and no punctuation screen-reader text puts around it (", balance:").
 */
export function labelKey(text: string): string {
  return collapse(text)
    .replace(/^[\s,;:·•|–—-]+/, '')
    .replace(/[\s,;:：]+$/, '')
    .toLowerCase();
}

export type ReadValue =
  | {
      ok: true;
      amount: { minor: number; currency: string };
      rawText: string;
      /** No currency in the text ("1,234"): the adapter's currency was assumed; any figure with one is preferred. */
      bare: boolean;
    }
  | { ok: true; count: number; rawText: string; bare: false }
  | {
      ok: false;
      reason: string;
      rawText: string;
      /** A stand-in for the figure (masked, a dash, N/A, empty, rounded) rather than some other number. */
      standIn: boolean;
    };

const COUNT_SHAPE = /^[+]?(?:\d{1,3}(?:([,.\u00a0\u202f\u2009 ’'])\d{3})?(?:\1\d{3})*|\d+)$/;

/** A whole number as shown ("1,234", "1 234", "987"); null when it is not one. */
export function parseCount(text: string): number | null {
  const match = COUNT_SHAPE.exec(text);
  if (match === null) return null;
  const value = Number(text.replace(/[^\d]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Reads the figure from what the page shows (`shown`) and an exact copy in an
 * aria-label / title (`exactCopy`), for a money figure (`currency` is the
 * adapter's hint) or a count.
 */
export function readValue(shown: string, exactCopy: string | null, kind: 'money' | 'count', currency: string): ReadValue {
  if (kind === 'count') return readCount(shown, exactCopy);
  const exact = exactCopy === null ? null : parseHinted(exactCopy, currency);
  if (exact !== null && exact.ok && !exact.value.approximate) {
    const rawText = collapse(exactCopy!);
    return { ok: true, amount: { minor: exact.value.minor, currency: exact.value.currency }, rawText, bare: !namesCurrency(rawText) };
  }
  if (shown.length === 0) {
    return { ok: false, reason: 'no amount is shown next to the label', rawText: '', standIn: true };
  }
  if (isMasked(shown)) return { ok: false, reason: `the amount is masked (${shown})`, rawText: shown, standIn: true };
  if (isPlaceholder(shown)) return { ok: false, reason: `no amount is shown (${shown})`, rawText: shown, standIn: true };
  const parsed = parseHinted(shown, currency);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, rawText: shown, standIn: false };
  const bare = !namesCurrency(shown);
  if (parsed.value.approximate) {
    // "1M" on a chart-range button is no money at all; "$1.2K" is a rounded figure.
    return { ok: false, reason: `only a rounded figure (${shown}) is shown`, rawText: shown, standIn: !bare };
  }
  return { ok: true, amount: { minor: parsed.value.minor, currency: parsed.value.currency }, rawText: shown, bare };
}

function readCount(shown: string, exactCopy: string | null): ReadValue {
  const exact = exactCopy === null ? null : parseCount(collapse(exactCopy));
  if (exact !== null) return { ok: true, count: exact, rawText: collapse(exactCopy!), bare: false };
  if (shown.length === 0) {
    return { ok: false, reason: 'no number is shown next to the label', rawText: '', standIn: true };
  }
  if (isMasked(shown)) return { ok: false, reason: `the number is masked (${shown})`, rawText: shown, standIn: true };
  if (isPlaceholder(shown)) return { ok: false, reason: `no number is shown (${shown})`, rawText: shown, standIn: true };
  const count = parseCount(shown);
  if (count !== null) return { ok: true, count, rawText: shown, bare: false };
  if (/^\d+(?:[.,]\d+)?\s?[kKmMbB]$/.test(shown)) {
    return { ok: false, reason: `only a rounded figure (${shown}) is shown`, rawText: shown, standIn: true };
  }
  return { ok: false, reason: `"${shown}" is not a whole number`, rawText: shown, standIn: false };
}

/** Does the text name a currency (a symbol, a code, a word such as "kr"), beyond a K/M/B suffix? */
function namesCurrency(text: string): boolean {
  const withoutSuffix = text.replace(/(\d)\s?(?:mm|mn|bn|tn|[kmbt])\b/i, '$1');
  return /[\p{Sc}\p{L}]/u.test(withoutSuffix);
}

/**
 * parseMoney with the adapter's currency as the hint. A currency the text
 * itself names (€, "EUR", US$) and that differs from the hint is what the
 * page says, so it is read without the hint rather than refused.
 */
function parseHinted(text: string, currency: string) {
  const hinted = parseMoney(text, { currency });
  if (hinted.ok) return hinted;
  const unhinted = parseMoney(text);
  if (unhinted.ok && unhinted.value.currency !== currency && !unhinted.value.ambiguous) return unhinted;
  return hinted;
}
