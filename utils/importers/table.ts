/**
 * Reading a table out of CSV rows: finding the header line among the
 * preamble, looking columns up by name, and reading each cell as text,
 * money, a quantity or a date — every refusal named by line, column (as the
 * file writes the header) and reason. The formats in formats/ are written
 * on top of this.
 */
import { minorDigits, parseMoney, type Money } from '../money';
import { roundDivHalfEven } from '../portfolio/quantity';
import { parseDate, resolveDateOrder, type DateOrderResolution, type DateParse } from './dates';
import type { CsvRow, DateOrder, ImportError } from './types';

/** A header cell compared loosely: trimmed, lower-case, inner spaces collapsed, BOM and stray quotes/CR removed. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').replace(/[\r\n]+/g, ' ').trim().replace(/^"|"$/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The index of the first row (within the first `maxScan`) whose cells include every name in `required`; -1 if none. */
export function findHeader(rows: readonly CsvRow[], required: readonly string[], maxScan = 40): number {
  const wanted = required.map(normalizeHeader);
  const end = Math.min(rows.length, maxScan);
  for (let i = 0; i < end; i++) {
    const cells = new Set(rows[i]!.cells.map(normalizeHeader));
    if (wanted.every((w) => cells.has(w))) return i;
  }
  return -1;
}

/** How many of `names` the row's cells contain (for detect()). */
export function headerMatches(row: CsvRow, names: readonly string[]): number {
  const cells = new Set(row.cells.map(normalizeHeader));
  return names.reduce((n, name) => n + (cells.has(normalizeHeader(name)) ? 1 : 0), 0);
}

/** detect() helper: the best score of `names` over the first `maxScan` rows, or 0 unless every name in `required` is there. */
export function detectByHeader(rows: readonly CsvRow[], required: readonly string[], optional: readonly string[] = [], maxScan = 40): number {
  const at = findHeader(rows, required, maxScan);
  if (at === -1) return 0;
  return required.length + headerMatches(rows[at]!, optional);
}

export interface DecimalValue {
  negative: boolean;
  /** All digits, no separators. */
  digits: string;
  /** How many of them are after the decimal point. */
  scale: number;
}

/**
 * A plain number as exports write it: "1,234.5678", "-12.5", "(12.34)",
 * "$1,234.56", "12.34-"? no: a trailing sign is refused. Decimal point ".";
 * "," groups thousands. Null when the text is not such a number.
 */
const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function readDecimal(raw: string): DecimalValue | null {
  // Fast path: "-12.34" as most exports write it.
  const plain = PLAIN_DECIMAL.exec(raw);
  if (plain) {
    const fraction = plain[3] ?? '';
    return { negative: plain[1] === '-', digits: (plain[2]! + fraction).replace(/^0+(?=\d)/, ''), scale: fraction.length };
  }
  let text = raw.trim().replace(/^"|"$/g, '').replace(/\s/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  text = text.replace(/^\$/, '');
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(text) || !/\d/.test(text)) return null;
  const [whole = '', fraction = ''] = text.replace(/,/g, '').split('.');
  return { negative, digits: (whole + fraction).replace(/^0+(?=\d)/, '') || '0', scale: fraction.length };
}

/** A decimal in a currency's minor units, rounded half to even when it has more decimals; `rounded` says whether it was. */
export function decimalToMinor(value: DecimalValue, currency: string): { minor: number; rounded: boolean } | null {
  const digits = minorDigits(currency);
  // Fast path: up to 15 digits and no rounding is exact in a double.
  if (value.digits.length <= 15 && value.scale <= digits) {
    const minor = Number(value.digits) * 10 ** (digits - value.scale);
    if (Number.isSafeInteger(minor)) return { minor: value.negative && minor !== 0 ? -minor : minor, rounded: false };
  }
  const n = BigInt(value.digits);
  let minor: number;
  let rounded = false;
  if (value.scale <= digits) {
    const big = n * 10n ** BigInt(digits - value.scale);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    minor = Number(big);
  } else {
    const divisor = 10n ** BigInt(value.scale - digits);
    rounded = n % divisor !== 0n;
    minor = roundDivHalfEven(n, divisor);
    if (!Number.isSafeInteger(minor)) return null;
  }
  return { minor: value.negative && minor !== 0 ? -minor : minor, rounded };
}

/** Where the file writes its decimal point, read from sample amounts: "," when values such as 12,50 appear and no 12.50 does. */
export function detectDecimalComma(samples: readonly string[]): boolean {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    const t = s.trim();
    if (/\d,\d{1,2}$/.test(t) || /\d\.\d{3},\d/.test(t)) comma++;
    else if (/\d\.\d{1,2}$/.test(t) || /\d,\d{3}\.\d/.test(t)) dot++;
  }
  return comma > 0 && dot === 0;
}

export interface CellOptions {
  /** The cell may be empty: gives undefined without an error. */
  optional?: boolean;
  /** Rounds a figure more precise than the currency half to even instead of refusing it (per-share prices, broker cash figures). */
  round?: boolean;
}

/**
 * A table under one header row. Column lookups accept several spellings
 * (the first found wins); `column(...)` gives -1 for a missing one.
 */
export class Table {
  readonly header: CsvRow;
  private readonly index = new Map<string, number>();
  readonly errors: ImportError[] = [];
  /** How many figures were rounded to the currency's minor unit. */
  roundedCount = 0;
  decimalComma = false;
  dateOrder: DateOrder = 'MDY';
  dateResolution?: DateOrderResolution;
  private readonly dateMemo = new Map<string, DateParse>();
  private dateMemoOrder: DateOrder = 'MDY';

  constructor(header: CsvRow) {
    this.header = header;
    header.cells.forEach((cell, i) => {
      const key = normalizeHeader(cell);
      if (key !== '' && !this.index.has(key)) this.index.set(key, i);
    });
  }

  /** The index of the first of `names` present, or -1. */
  column(...names: string[]): number {
    for (const name of names) {
      const at = this.index.get(normalizeHeader(name));
      if (at !== undefined) return at;
    }
    return -1;
  }

  /** The header text of a column as the file writes it (for error messages). */
  columnName(at: number): string {
    return at < 0 ? '' : normalizeHeader(this.header.cells[at] ?? '') === '' ? `column ${at + 1}` : (this.header.cells[at] ?? '').replace(/[\r\n]+/g, ' ').trim();
  }

  /** Records a refusal. Always returns undefined, so readers can `return t.fail(...)`. */
  fail(line: number, at: number, reason: string): undefined {
    this.errors.push({ line, column: this.columnName(at), reason });
    return undefined;
  }

  /** Resolves the numeric date order from every value of the given columns (see resolveDateOrder). */
  resolveDates(rows: readonly CsvRow[], columns: readonly number[], fallback?: DateOrder, forced?: DateOrder): DateOrderResolution {
    if (forced) {
      this.dateOrder = forced;
      this.dateResolution = { order: forced, assumed: false, explanation: `Dates read as ${forced === 'DMY' ? 'day/month/year' : forced === 'MDY' ? 'month/day/year' : 'year/month/day'}, as chosen.` };
      return this.dateResolution;
    }
    const values: string[] = [];
    for (const row of rows) for (const c of columns) if (c >= 0 && row.cells[c]) values.push(row.cells[c]!);
    this.dateResolution = resolveDateOrder(values, fallback);
    this.dateOrder = this.dateResolution.order;
    return this.dateResolution;
  }

  /** Reads the decimal separator from every value of the given columns (see detectDecimalComma). */
  resolveDecimals(rows: readonly CsvRow[], columns: readonly number[]): void {
    const values: string[] = [];
    for (const row of rows) for (const c of columns) if (c >= 0 && row.cells[c]) values.push(row.cells[c]!);
    this.decimalComma = detectDecimalComma(values);
  }

  /**
   * Whether the row has a cell for every named header column (trailing
   * unnamed header cells, as Schwab writes them, do not count). A shorter row
   * — a file cut off mid-line, or split by another delimiter — is refused
   * with the counts.
   */
  complete(row: CsvRow): boolean {
    let needed = this.header.cells.length;
    while (needed > 0 && normalizeHeader(this.header.cells[needed - 1]!) === '') needed--;
    if (row.cells.length >= needed) return true;
    this.fail(
      row.line,
      -1,
      `the line has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'} where the header has ${needed}: it may be cut off or use another delimiter`,
    );
    return false;
  }

  cell(row: CsvRow, at: number): string {
    return at < 0 ? '' : (row.cells[at] ?? '').replace(/\r$/, '').trim();
  }

  /** A cell that must not be empty. */
  text(row: CsvRow, at: number, what = 'a value'): string | undefined {
    if (at < 0) return this.fail(row.line, at, `the column for ${what} is missing`);
    const value = this.cell(row, at);
    return value === '' ? this.fail(row.line, at, `${what} is empty`) : value;
  }

  date(row: CsvRow, at: number, options: CellOptions = {}): string | undefined {
    const value = this.cell(row, at);
    if (value === '' && options.optional) return undefined;
    if (at < 0) return this.fail(row.line, at, 'the date column is missing');
    // Dates repeat (a few hundred days in 100,000 rows): read each text once.
    let parsed = this.dateMemo.get(value);
    if (parsed === undefined || this.dateMemoOrder !== this.dateOrder) {
      if (this.dateMemoOrder !== this.dateOrder) {
        this.dateMemo.clear();
        this.dateMemoOrder = this.dateOrder;
      }
      parsed = parseDate(value, this.dateOrder);
      this.dateMemo.set(value, parsed);
    }
    return parsed.ok ? parsed.date : this.fail(row.line, at, parsed.reason);
  }

  /** An amount in `currency`; "", "--" and "-" count as empty. */
  money(row: CsvRow, at: number, currency: string, options: CellOptions = {}): Money | undefined {
    const value = this.cell(row, at);
    if (value === '' || value === '--' || value === '-' || value.toLowerCase() === 'n/a') {
      return options.optional ? undefined : this.fail(row.line, at, value === '' ? 'the amount is empty' : `"${value}" is not an amount`);
    }
    if (!this.decimalComma) {
      const decimal = readDecimal(value);
      if (decimal) {
        const minor = decimalToMinor(decimal, currency);
        if (minor === null) return this.fail(row.line, at, `"${value}" is too large`);
        if (minor.rounded) {
          if (!options.round) return this.fail(row.line, at, `"${value}" has more decimals than ${currency} has`);
          this.roundedCount++;
        }
        return { minor: minor.minor, currency };
      }
    }
    const parsed = parseMoney(value, { currency, locale: this.decimalComma ? 'de-DE' : 'en-US' });
    if (!parsed.ok) return this.fail(row.line, at, `"${value}" is not an amount: ${parsed.reason}`);
    if (parsed.value.approximate) return this.fail(row.line, at, `"${value}" is a rounded figure, not an exact amount`);
    return { minor: parsed.value.minor, currency: parsed.value.currency };
  }

  /** A share quantity as an exact decimal string (sign dropped; the caller knows the side), at most 6 decimals. */
  quantity(row: CsvRow, at: number, options: CellOptions = {}): string | undefined {
    const value = this.cell(row, at);
    if (value === '' || value === '--') return options.optional ? undefined : this.fail(row.line, at, 'the quantity is empty');
    const decimal = readDecimal(this.decimalComma ? value.replace(/\./g, '').replace(',', '.') : value);
    if (!decimal) return this.fail(row.line, at, `"${value}" is not a number of shares`);
    let digits = decimal.digits.padStart(decimal.scale + 1, '0');
    let scale = decimal.scale;
    while (scale > 0 && digits.endsWith('0')) {
      digits = digits.slice(0, -1);
      scale--;
    }
    if (scale > 6) return this.fail(row.line, at, `"${value}" has more than 6 decimals`);
    const whole = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
    return scale === 0 ? whole : `${whole}.${digits.slice(-scale)}`;
  }

  /** The sign of a quantity cell: -1 for "-5" or "(5)", else 1. */
  sign(row: CsvRow, at: number): 1 | -1 {
    const d = readDecimal(this.cell(row, at));
    return d?.negative ? -1 : 1;
  }
}
