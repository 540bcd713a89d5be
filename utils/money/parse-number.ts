/**
 * Reads the digits of one amount ("1.234,56", "12,34,567.89", "1 234",
 * "1'234.50") into an exact digit string: decides which separator is the
 * decimal point and checks the digit grouping. The rules are described at
 * the top of parse.ts.
 */
import { minorDigits } from './currency';

export type DecimalSeparator = '.' | ',';

export interface NumberContext {
  currency: string;
  /** The hinted locale's decimal separator, written in Latin digits. */
  localeDecimal?: DecimalSeparator;
  /** A K/M/B suffix follows: a lone separator is then a decimal point ("1.234K"). */
  scaled: boolean;
}

export type NumberReading =
  | { ok: true; whole: string; fraction: string; ambiguous: boolean }
  | { ok: false; problem: string };

type SepClass = '.' | ',' | "'" | ' ';

/** Separator characters allowed between digits, and the class each belongs to. */
const SEPARATOR_CLASS: Readonly<Record<string, SepClass>> = {
  '.': '.',
  ',': ',',
  "'": "'",
  '\u2019': "'", // ’ right single quotation mark (de-CH on many sites)
  '\u02BC': "'", // ʼ modifier letter apostrophe
  ' ': ' ',
  '\u00A0': ' ', // no-break space
  '\u202F': ' ', // narrow no-break space (fr-FR)
  '\u2009': ' ', // thin space
  '\u2007': ' ', // figure space
};

export function isSeparatorChar(ch: string): boolean {
  return ch in SEPARATOR_CLASS;
}

/** Currencies with three decimals whose countries write a decimal comma. */
const COMMA_DECIMAL_THREE_DIGIT = new Set(['TND']);

const MALFORMED = 'has malformed digit grouping';

/**
 * `num` holds digits and separators only, each separator between two digits
 * (or one leading decimal separator, as in ".50").
 */
export function readNumber(num: string, ctx: NumberContext): NumberReading {
  const seps: { cls: SepClass; at: number }[] = [];
  for (let i = 0; i < num.length; i++) {
    const cls = SEPARATOR_CLASS[num[i]!];
    if (cls !== undefined) seps.push({ cls, at: i });
  }
  const expectedDecimal = ctx.localeDecimal ?? '.';
  const tooMany = (cls: SepClass): NumberReading => ({
    ok: false,
    problem: cls === expectedDecimal ? 'has more than one decimal point' : MALFORMED,
  });

  if (seps.length === 0) return { ok: true, whole: num, fraction: '', ambiguous: false };

  const first = seps[0]!;
  if (first.at === 0) {
    // ".50": a leading separator can only be a decimal point.
    if (seps.length > 1) return tooMany(first.cls);
    if (first.cls !== '.' && first.cls !== ',') return { ok: false, problem: MALFORMED };
    return { ok: true, whole: '0', fraction: num.slice(1), ambiguous: false };
  }

  const count = (cls: SepClass) => seps.filter((s) => s.cls === cls).length;
  const dots = count('.');
  const commas = count(',');
  const last = seps[seps.length - 1]!;

  let decimal: { at: number } | undefined;
  let ambiguous = false;

  if (dots > 0 && commas > 0) {
    // "1,234.56" / "1.234,56": the later one is the decimal point.
    if (last.cls !== '.' && last.cls !== ',') return { ok: false, problem: MALFORMED };
    if (count(last.cls) > 1) return tooMany(last.cls);
    decimal = last;
  } else if (dots + commas > 0) {
    const cls: DecimalSeparator = dots > 0 ? '.' : ',';
    const n = dots + commas;
    const others = seps.length - n;
    if (n > 1) {
      // repeated: a group separator, never a decimal point
      if (others > 0) return { ok: false, problem: MALFORMED };
      const groups = num.split(cls === '.' ? '.' : ',');
      if (!validGrouping(groups, cls)) return tooMany(cls);
      // "1.234.567" under a locale whose decimal point is "."
      ambiguous = cls === ctx.localeDecimal;
    } else if (others > 0) {
      // "1 234,56", "1'234.50": the lone ./, must come last and is the decimal point
      if (last.cls !== cls) return { ok: false, problem: MALFORMED };
      decimal = last;
    } else {
      const lone = last;
      const isDecimal = decideLoneSeparator(cls, num.slice(0, lone.at), num.slice(lone.at + 1), ctx);
      ambiguous = isDecimal.ambiguous;
      if (isDecimal.decimal) decimal = lone;
    }
  }

  const wholeText = decimal ? num.slice(0, decimal.at) : num;
  const fraction = decimal ? num.slice(decimal.at + 1) : '';
  const groupSeps = seps.filter((s) => s !== decimal);
  if (groupSeps.length > 0) {
    const groupClass = groupSeps[0]!.cls;
    if (groupSeps.some((s) => s.cls !== groupClass)) return { ok: false, problem: MALFORMED };
    const groups = splitAt(wholeText, groupSeps.map((s) => s.at));
    if (!validGrouping(groups, groupClass)) return { ok: false, problem: MALFORMED };
  }
  return { ok: true, whole: wholeText.replace(/\D/g, ''), fraction, ambiguous };
}

/**
 * A single "." or "," with no other separator: "1.5", "12,34", "1,234".
 * Only "exactly three digits after, one to three before (not starting
 * with 0)" can be a thousands separator; anything else is a decimal point.
 */
function decideLoneSeparator(
  sep: DecimalSeparator,
  before: string,
  after: string,
  ctx: NumberContext,
): { decimal: boolean; ambiguous: boolean } {
  if (ctx.scaled) return { decimal: true, ambiguous: false };
  const canBeGroup = after.length === 3 && before.length >= 1 && before.length <= 3 && !before.startsWith('0');
  if (ctx.localeDecimal !== undefined) {
    if (sep === ctx.localeDecimal) return { decimal: true, ambiguous: false };
    if (canBeGroup) return { decimal: false, ambiguous: false };
    // Not the locale's decimal point, yet it cannot be a thousands separator.
    return { decimal: true, ambiguous: true };
  }
  if (!canBeGroup) return { decimal: true, ambiguous: false };
  if (minorDigits(ctx.currency) >= 3) {
    const conventional: DecimalSeparator = COMMA_DECIMAL_THREE_DIGIT.has(ctx.currency) ? ',' : '.';
    return { decimal: sep === conventional, ambiguous: true };
  }
  return { decimal: false, ambiguous: true };
}

function splitAt(text: string, positions: number[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const at of positions) {
    parts.push(text.slice(from, at));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/** Western (1,234,567) or, with commas, Indian (12,34,567) grouping of the whole part. */
function validGrouping(groups: string[], separator: SepClass): boolean {
  if (groups.length < 2 || groups.some((g) => !/^\d+$/.test(g))) return false;
  const [head, ...rest] = groups as [string, ...string[]];
  const tail = rest[rest.length - 1]!;
  const middle = rest.slice(0, -1);
  if (tail.length !== 3) return false;
  const western = head.length <= 3 && middle.every((g) => g.length === 3);
  const indian = separator === ',' && head.length <= 2 && middle.length > 0 && middle.every((g) => g.length === 2);
  return western || indian;
}
