/**
 * Daily price files → bars: the parser for Yahoo Finance style CSV
 * (Date,Open,High,Low,Close[,Adj Close][,Volume]) and close-only files
 * (Date,Close), the analysis series built from the bars, and small helpers.
 *
 * Conventions:
 * - prices are read from their decimal text exactly into integer micro-units
 *   (1.5 → 1_500_000), rounded half to even beyond 6 decimals; never through
 *   a float product;
 * - every problem of a file is collected (line 1 is the header, the column is
 *   the header name as the file wrote it), up to 100 plus an "and N more";
 * - header names are matched case-insensitively on their letters only, so
 *   "Adj Close**", "adj_close" and "Vol." are understood; "Price" (Investing.com)
 *   is read as the close and "Vol." as the volume, with K/M/B suffixes;
 * - blank lines are skipped wherever they are; extra columns are ignored;
 * - close-only files (no Open/High/Low) give open = high = low = close and
 *   volume 0 (a Volume column is ignored); "Date,Adj Close" reads the adjusted
 *   closes as closes; an Adj Close beside a Close is kept as `adjClose`;
 * - bars come out oldest first whatever order the file had.
 * One cell is read in bars-cells.ts; the NYSE calendar is bars-calendar.ts.
 */
import type { Day } from '../portfolio/types';
import { formatDay } from '../portfolio/dates';
import { findGaps } from './bars-calendar';
import { CELL_INVALID, CELL_LARGE, CELL_MISSING, formatForPeople, formatPriceMicros, MICROS, readDate, readDecimal, readVolume } from './bars-cells';
import type { Bar, BarLayout, BarsFileProblem, ParsedBars, PriceSeries } from './types';

export { easterSunday, findGaps, isNyseTradingDay, nyseHoliday, weekdayOf } from './bars-calendar';
export { formatPriceMicros } from './bars-cells';

const MAX_PROBLEMS = 100;
const MAX_JUMP_NOTES = 5;

export const CLOSE_ONLY_NOTE = 'Only closing prices: backtests fill at the next close instead of the next open.';
export const ADJUSTED_NOTE =
  'Analysis uses adjusted prices: open, high, low and close are scaled by Adj Close ÷ Close of the same day, so splits and dividends do not show as jumps.';
const LAYOUTS_HELP = 'A price file needs Date,Open,High,Low,Close (Adj Close and Volume optional), or Date,Close.';

// ------------------------------------------------------------------ CSV lines

/** One CSV line → its fields ("" escapes and "1,234.50" inside quotes; trim them when reading); null when a quote is never closed. */
function splitCsvLine(line: string): string[] | null {
  if (!line.includes('"')) return line.split(','); // fields are trimmed where they are read
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    let start = at;
    while (line[start] === ' ' || line[start] === '\t') start++;
    let value = '';
    let next = start;
    if (line[start] === '"') {
      next = start + 1;
      for (;;) {
        const quote = line.indexOf('"', next);
        if (quote < 0) return null;
        value += line.slice(next, quote);
        next = quote + 1;
        if (line[next] !== '"') break;
        value += '"';
        next++;
      }
    }
    const comma = line.indexOf(',', next);
    fields.push((value + line.slice(next, comma < 0 ? line.length : comma)).trim());
    if (comma < 0) return fields;
    at = comma + 1;
  }
}

type Field = 'date' | 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';
const FIELD_OF_HEADER: Record<string, Field> = {
  date: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  price: 'close',
  adjclose: 'adjClose',
  adjustedclose: 'adjClose',
  volume: 'volume',
  vol: 'volume',
};

// ------------------------------------------------------------------ the parser

/** Where each value of a row is, as the header says. Price slots: 0 open, 1 high, 2 low, 3 close, 4 adj close (-1: not read). */
interface ColumnPlan {
  layout: BarLayout;
  names: string[];
  date: number;
  prices: number[];
  volume: number;
  /** The fewest values a row needs. */
  width: number;
  notes: string[];
}

function planColumns(header: string[], headerLine: number, problems: BarsFileProblem[]): ColumnPlan | null {
  const index: Partial<Record<Field, number>> = {};
  for (let i = 0; i < header.length; i++) {
    const field = FIELD_OF_HEADER[header[i]!.toLowerCase().replace(/[^a-z]/g, '')];
    if (field === undefined) continue;
    if (index[field] === undefined) index[field] = i;
    else problems.push({ line: headerLine, column: header[i]!, reason: `Two columns hold the same thing: "${header[index[field]!]}" and "${header[i]}".` });
  }
  const hasOhl = index.open !== undefined || index.high !== undefined || index.low !== undefined;
  const required: [Field, string][] = hasOhl
    ? [['date', 'Date'], ['open', 'Open'], ['high', 'High'], ['low', 'Low'], ['close', 'Close']]
    : [['date', 'Date'], [index.close === undefined && index.adjClose !== undefined ? 'adjClose' : 'close', 'Close']];
  const missing = required.filter(([field]) => index[field] === undefined).map(([, name]) => name);
  if (missing.length > 0) {
    const found = header.filter((name) => name !== '').join(', ') || 'no column names';
    const reason = `Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the header has ${found}. ${LAYOUTS_HELP}`;
    problems.push({ line: headerLine, column: null, reason });
  }
  if (problems.length > 0) return null;

  const layout: BarLayout = hasOhl ? 'ohlcv' : 'close-only';
  // Close-only files read Close, or Adj Close when there is no Close; Adj Close beside a Close is kept.
  const close = index.close ?? index.adjClose!;
  const adjClose = index.close === undefined ? -1 : (index.adjClose ?? -1);
  const prices = hasOhl ? [index.open!, index.high!, index.low!, close, adjClose] : [-1, -1, -1, close, adjClose];
  const volume = hasOhl ? (index.volume ?? -1) : -1;
  const notes: string[] = [];
  if (layout === 'close-only') notes.push(CLOSE_ONLY_NOTE);
  if (index.close === undefined) notes.push(`The file has "${header[close]}" but no Close column: its adjusted closes are read as the closing prices.`);
  else if (header[close]!.toLowerCase() === 'price') notes.push(`The column "${header[close]}" is read as the closing price.`);
  if (adjClose >= 0) notes.push(ADJUSTED_NOTE);
  const width = Math.max(...prices, index.date!, volume) + 1;
  return { layout, names: header, date: index.date!, prices, volume, width, notes };
}

const shownDay = (date: Day | string, text: string) => (typeof date === 'number' ? formatDay(date) : text);
const shownCell = (cell: string) => (cell === '' ? 'empty' : `"${cell}"`);
const outsideRange = (label: string, value: number, low: number, high: number) =>
  `${label} ${formatPriceMicros(value)} is outside the day's range: Low ${formatPriceMicros(low)} to High ${formatPriceMicros(high)}.`;
const NEVER_CLOSED = 'A quote (") opened on this line is never closed.';

export function parseBarsCsv(text: string): ParsedBars {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems: BarsFileProblem[] = [];
  const problem = (line: number, column: string | null, reason: string) => problems.push({ line, column, reason });

  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) return { ok: false, problems: [{ line: 1, column: null, reason: 'The file is empty.' }] };
  const headerLine = headerIndex + 1;
  const header = splitCsvLine(lines[headerIndex]!);
  if (header === null) return { ok: false, problems: [{ line: headerLine, column: null, reason: NEVER_CLOSED }] };
  const plan = planColumns(header.map((name) => name.trim()), headerLine, problems);
  if (plan === null) return { ok: false, problems };
  const { names, prices } = plan;

  const bars: Bar[] = [];
  const lineOfDay = new Map<Day, number>();
  const tally = { rounded: 0 };
  const micros = [0, 0, 0, 0, 0];
  let rows = 0;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    rows++;
    const line = i + 1;
    const fields = splitCsvLine(raw);
    if (fields === null) {
      problem(line, null, NEVER_CLOSED);
      continue;
    }
    if (fields.length < plan.width) {
      problem(line, null, `This line has ${fields.length} value${fields.length === 1 ? '' : 's'}; the header has ${names.length} columns.`);
      continue;
    }
    const dateText = fields[plan.date]!.trim();
    const date = readDate(dateText);
    if (typeof date === 'string') problem(line, names[plan.date]!, date);

    const firstPriceProblem = problems.length;
    let valid = true;
    let cells = 0;
    let missing = 0;
    let firstCell = '';
    for (let slot = 0; slot < 5; slot++) {
      const column = prices[slot]!;
      if (column < 0) continue;
      const cell = fields[column]!.trim();
      if (cells++ === 0) firstCell = cell;
      const value = readDecimal(cell, tally);
      micros[slot] = value;
      if (value > 0) continue;
      valid = false;
      const label = names[column]!;
      if (value === CELL_MISSING) {
        missing++;
        problem(line, label, `${label} is missing on ${shownDay(date, dateText)} (${shownCell(cell)}): remove this row or fill in the price.`);
      } else if (value === CELL_INVALID) problem(line, label, `${label} "${cell}" is not a number: write prices like 1234.56, with '.' before the decimals.`);
      else if (value === CELL_LARGE) problem(line, label, `${label} ${cell} is too large.`);
      else problem(line, label, `${label} is ${cell}: prices must be above zero.`);
    }
    if (missing === cells) {
      // Yahoo writes a whole row of "null" for a day without trading: one problem for the row.
      problems.length = firstPriceProblem;
      problem(line, null, `No prices on ${shownDay(date, dateText)} (${shownCell(firstCell)}): remove this row; the file has no trading for that day.`);
      continue;
    }
    let volume = 0;
    if (plan.volume >= 0) {
      const cell = fields[plan.volume]!.trim();
      const shares = readVolume(cell);
      const label = names[plan.volume]!;
      if (shares !== null) volume = shares;
      else {
        valid = false;
        const reason = `${label} "${cell}" on ${shownDay(date, dateText)} is not a whole number of shares (0 or more); remove the ${label} column if the file has no volumes.`;
        problem(line, label, reason);
      }
    }
    if (!valid) continue;
    const close = micros[3]!;
    const ohlcv = plan.layout === 'ohlcv';
    const open = ohlcv ? micros[0]! : close;
    const high = ohlcv ? micros[1]! : close;
    const low = ohlcv ? micros[2]! : close;
    if (high < low) {
      problem(line, names[prices[1]!]!, `High ${formatPriceMicros(high)} is below Low ${formatPriceMicros(low)}.`);
      continue;
    }
    const openOutside = open < low || open > high;
    const closeOutside = close < low || close > high;
    if (openOutside) problem(line, names[prices[0]!]!, outsideRange('Open', open, low, high));
    if (closeOutside) problem(line, names[prices[3]!]!, outsideRange('Close', close, low, high));
    if (openOutside || closeOutside || typeof date !== 'number') continue;
    const first = lineOfDay.get(date);
    if (first !== undefined) {
      problem(line, names[plan.date]!, `${formatDay(date)} appears twice: on line ${first} and on line ${line}.`);
      continue;
    }
    lineOfDay.set(date, line);
    bars.push({ date, open, high, low, close, adjClose: prices[4]! >= 0 ? micros[4]! : null, volume });
  }

  if (rows === 0) problem(headerLine, null, 'The file has a header but no rows of prices.');
  if (problems.length > 0) {
    if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
    const more = problems.length - MAX_PROBLEMS;
    const kept = problems.slice(0, MAX_PROBLEMS);
    kept.push({ line: problems[MAX_PROBLEMS]!.line, column: null, reason: `and ${more} more problem${more === 1 ? '' : 's'}` });
    return { ok: false, problems: kept };
  }

  const notes = plan.notes;
  let ascending = true;
  let descending = true;
  for (let i = 1; i < bars.length; i++) {
    if (bars[i]!.date < bars[i - 1]!.date) ascending = false;
    else descending = false;
  }
  if (!ascending) {
    if (descending) {
      bars.reverse();
      notes.push('The file lists the newest day first: the bars were put in date order, oldest first.');
    } else {
      bars.sort((a, b) => a.date - b.date);
      notes.push('The rows were not in date order: the bars were sorted by date.');
    }
  }
  const rounded = tally.rounded;
  if (rounded > 0) {
    notes.push(`${rounded} price${rounded === 1 ? '' : 's'} had more than 6 decimals and ${rounded === 1 ? 'was' : 'were'} rounded to 6 (half to even).`);
  }
  notes.push(...jumpNotes(bars));
  return { ok: true, layout: plan.layout, bars, gaps: findGaps(bars.map((bar) => bar.date)), notes };
}

// ------------------------------------------------------------------ unadjusted splits

const SPLIT_RATIOS = [2, 3, 4, 5, 10];

/**
 * Days whose close moved like an unadjusted split, in the series analysed
 * (Adj Close when the file has it): a ratio within 3% of 2, 3, 4, 5, 10 or
 * their inverses, or any move over 40% in a day.
 */
function jumpNotes(bars: Bar[]): string[] {
  const notes: string[] = [];
  let count = 0;
  for (let i = 1; i < bars.length; i++) {
    const a = bars[i - 1]!.adjClose ?? bars[i - 1]!.close;
    const b = bars[i]!.adjClose ?? bars[i]!.close;
    const ratio = b / a;
    let label: string | null = null;
    for (const k of SPLIT_RATIOS) {
      if (Math.abs(ratio / k - 1) <= 0.03) label = `${k}:1`;
      else if (Math.abs(ratio * k - 1) <= 0.03) label = `1:${k}`;
    }
    if (label === null && ratio >= 0.6 && ratio <= 1.4) continue;
    count++;
    if (count > MAX_JUMP_NOTES) continue;
    const move = `${formatDay(bars[i]!.date)}: the close ${ratio < 1 ? 'fell' : 'rose'} from ${formatForPeople(a)} to ${formatForPeople(b)}`;
    if (label !== null) notes.push(`${move} (${label}) — this looks like a split the file did not adjust; use a file with adjusted prices.`);
    else {
      const percent = `${ratio < 1 ? '−' : '+'}${(Math.abs(ratio - 1) * 100).toFixed(1)}%`;
      notes.push(`${move} (${percent}) in one day — unless the market really moved that much, this is a split the file did not adjust; use a file with adjusted prices.`);
    }
  }
  if (count > MAX_JUMP_NOTES) notes.push(`…and ${count - MAX_JUMP_NOTES} more days with a move over 40% or a split-like ratio.`);
  return notes;
}

// ------------------------------------------------------------------ the analysis series

export interface SeriesOptions {
  /** Scale open/high/low/close by Adj Close ÷ Close on each bar that has an Adj Close. */
  adjusted: boolean;
  /**
   * The bars came from a close-only file (ParsedBars.layout === 'close-only'):
   * fills happen at the next close. When left out, it is inferred: every bar
   * has open = high = low = close and volume 0.
   */
  closeOnly?: boolean;
}

/**
 * Bars (oldest first) → the engine's series in currency units. Adjusted: the
 * close is Adj Close itself and open/high/low are × Adj Close ÷ Close; the
 * series is marked `adjusted` only when every bar had an Adj Close. Volume
 * stays as the file gives it (Yahoo's volumes are already split-adjusted).
 */
export function toSeries(symbol: string, bars: readonly Bar[], options: SeriesOptions): PriceSeries {
  const n = bars.length;
  const dates = new Int32Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  let everyAdjusted = n > 0;
  let looksCloseOnly = n > 0;
  for (let i = 0; i < n; i++) {
    const bar = bars[i]!;
    dates[i] = bar.date;
    volume[i] = bar.volume;
    if (bar.open !== bar.close || bar.high !== bar.close || bar.low !== bar.close || bar.volume !== 0) looksCloseOnly = false;
    if (options.adjusted && bar.adjClose !== null) {
      const factor = bar.adjClose / bar.close;
      open[i] = (bar.open * factor) / MICROS;
      high[i] = (bar.high * factor) / MICROS;
      low[i] = (bar.low * factor) / MICROS;
      close[i] = bar.adjClose / MICROS;
    } else {
      everyAdjusted = false;
      open[i] = bar.open / MICROS;
      high[i] = bar.high / MICROS;
      low[i] = bar.low / MICROS;
      close[i] = bar.close / MICROS;
    }
  }
  return {
    symbol,
    dates,
    open,
    high,
    low,
    close,
    volume,
    adjusted: options.adjusted && everyAdjusted,
    closeOnly: options.closeOnly ?? looksCloseOnly,
  };
}

// ------------------------------------------------------------------ file names

const TICKER = /^\^?(?:[A-Z]{1,5}|(?=[A-Z]*\d)[A-Z0-9]{1,6})(?:[.-][A-Z0-9]{1,3})?$/;

/**
 * "SPY.csv" → "SPY", "brk-b.csv" → "BRK-B", "^GSPC.csv" → "^GSPC",
 * "7203.T.csv" → "7203.T"; null when the name does not look like a ticker
 * ("spy-daily.csv", "prices.csv"). Folders, a ".csv"/".txt" extension and a
 * browser's " (1)" duplicate suffix are dropped first.
 */
export function symbolFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.(csv|txt)$/i, '')
    .replace(/\s*\(\d+\)$/, '')
    .trim()
    .toUpperCase();
  return stem.length >= 1 && stem.length <= 10 && TICKER.test(stem) ? stem : null;
}
