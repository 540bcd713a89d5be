/**
 * Price files → bars (utils/trading/bars.ts) and the NYSE calendar
 * (bars-calendar.ts), on hand-made files in tests/fixtures/trading/ and small
 * inline CSVs. Prices are micro-units (× 1e6); arithmetic in comments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '@/utils/portfolio/dates';
import { easterSunday, findGaps, nyseHoliday } from '@/utils/trading/bars-calendar';
import {
  ADJUSTED_NOTE,
  CLOSE_ONLY_NOTE,
  formatPriceMicros,
  parseBarsCsv,
  symbolFromFileName,
  toSeries,
} from '@/utils/trading/bars';
import type { Bar, ParsedBars } from '@/utils/trading/types';

const day = (s: string) => parseDay(s)!;
const fixture = (name: string) => readFileSync(`${__dirname}/../fixtures/trading/${name}`, 'utf8');

function parsed(text: string): Extract<ParsedBars, { ok: true }> {
  const result = parseBarsCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}
function refused(text: string) {
  const result = parseBarsCsv(text);
  if (result.ok) throw new Error('the file was accepted');
  return result.problems;
}
const closes = (text: string) => parsed(text).bars.map((bar) => bar.close);

describe('prices as exact micro-units', () => {
  it('reads the decimal text, not a float product', () => {
    // 318.600006 * 1e6 in floating point is 318600005.99999994; the text gives 318_600_006.
    expect(closes('Date,Close\n2024-01-02,318.600006\n2024-01-03,0.000123\n2024-01-04,"1,234.50"\n2024-01-05,7\n')).toEqual([
      318_600_006, 123, 1_234_500_000, 7_000_000,
    ]);
  });

  it('rounds half to even beyond 6 decimals and says how many once', () => {
    const bars = parsed(
      'Date,Close\n' +
        '2024-01-02,1.0000005\n' + // 1.000000|5 → 6th digit 0 is even: stays 1_000_000
        '2024-01-03,1.0000015\n' + // 1.000001|5 → 1 is odd: up to 1_000_002
        '2024-01-04,1.0000025\n' + // 1.000002|5 → 2 is even: stays 1_000_002
        '2024-01-05,1.00000251\n' + // beyond the half: up to 1_000_003
        '2024-01-08,1.0000004\n' + // below the half: 1_000_000
        '2024-01-09,1.0000006\n' + // above the half: 1_000_001
        '2024-01-10,1.1000000\n', // only zeros beyond 6 decimals: not a rounding
    );
    expect(bars.bars.map((bar) => bar.close)).toEqual([1_000_000, 1_000_002, 1_000_002, 1_000_003, 1_000_000, 1_000_001, 1_100_000]);
    expect(bars.notes).toEqual([CLOSE_ONLY_NOTE, '6 prices had more than 6 decimals and were rounded to 6 (half to even).']);
  });

  it('formats micro-units exactly, with 2 to 6 decimals', () => {
    expect(formatPriceMicros(123_450_000)).toBe('123.45');
    expect(formatPriceMicros(123)).toBe('0.000123');
    expect(formatPriceMicros(120_000_000)).toBe('120.00');
    expect(formatPriceMicros(318_600_006)).toBe('318.600006');
    expect(formatPriceMicros(100_000)).toBe('0.10');
    expect(formatPriceMicros(0)).toBe('0.00');
    expect(formatPriceMicros(-1_500_000)).toBe('-1.50');
  });
});

describe('layouts', () => {
  it('reads a Yahoo Finance file: 30 bars, no gaps across Memorial Day and Juneteenth, the adjusted note only', () => {
    const result = parsed(fixture('spy-ohlcv.csv'));
    expect(result.layout).toBe('ohlcv');
    expect(result.bars).toHaveLength(30);
    expect(result.bars[0]).toEqual({
      date: day('2024-05-15'),
      open: 1_056_480_174,
      high: 1_062_418_058,
      low: 1_054_239_574,
      close: 1_059_560_058,
      adjClose: 529_780_029,
      volume: 19_000_000,
    });
    // 2024-05-24 → 05-28 skips Memorial Day (05-27), 06-18 → 06-20 skips Juneteenth: no gap.
    expect(result.gaps).toEqual([]);
    // The raw Close halves on 2024-06-10 (1068.019998 → 535.660019) but Adj Close does not
    // (534.009999 → 535.660019, +0.3%): no split note, because the adjusted series is checked.
    expect(result.notes).toEqual([ADJUSTED_NOTE]);
  });

  it('notes the unadjusted 2:1 split when the same file has no Adj Close', () => {
    const withoutAdj = fixture('spy-ohlcv.csv')
      .split('\n')
      .map((line) => line.split(',').filter((_, i) => i !== 5).join(','))
      .join('\n');
    const result = parsed(withoutAdj);
    expect(result.bars[0]!.adjClose).toBeNull();
    // 535.660019 ÷ 1068.019998 = 0.50155, within 3% of 1/2.
    expect(result.notes).toEqual([
      '2024-06-10: the close fell from 1,068.02 to 535.66 (1:2) — this looks like a split the file did not adjust; use a file with adjusted prices.',
    ]);
  });

  it('reads a close-only file: open = high = low = close, volume 0, and names the 1:10 split', () => {
    const result = parsed(fixture('close-only.csv'));
    expect(result.layout).toBe('close-only');
    expect(result.bars[9]).toEqual({ date: day('2024-06-10'), open: 120_000_000, high: 120_000_000, low: 120_000_000, close: 120_000_000, adjClose: null, volume: 0 });
    expect(result.notes).toEqual([
      CLOSE_ONLY_NOTE,
      '2024-06-10: the close fell from 1,200.00 to 120.00 (1:10) — this looks like a split the file did not adjust; use a file with adjusted prices.',
    ]);
  });

  it('names a reverse split and a plain 40% move differently', () => {
    const notes = parsed('Date,Close\n2024-01-02,10\n2024-01-03,50\n2024-01-04,27.5\n').notes;
    expect(notes.slice(1)).toEqual([
      '2024-01-03: the close rose from 10.00 to 50.00 (5:1) — this looks like a split the file did not adjust; use a file with adjusted prices.',
      // 27.5 ÷ 50 = 0.55: a 45.0% fall, 10% away from 1/2, so not a split ratio.
      '2024-01-04: the close fell from 50.00 to 27.50 (−45.0%) in one day — unless the market really moved that much, this is a split the file did not adjust; use a file with adjusted prices.',
    ]);
  });

  it('reads Date,Adj Close as closes, saying so', () => {
    const result = parsed('Date,Adj Close\n2024-01-02,10.5\n');
    expect(result.layout).toBe('close-only');
    expect(result.bars[0]).toMatchObject({ close: 10_500_000, adjClose: null });
    expect(result.notes).toEqual([CLOSE_ONLY_NOTE, 'The file has "Adj Close" but no Close column: its adjusted closes are read as the closing prices.']);
  });

  it('matches headers case-insensitively in any order, with a BOM, CRLF and trailing blank lines', () => {
    const text = '\uFEFF volume ,ADJ CLOSE**,close,Low,HIGH,open,Date,Note\r\n1000,9.9,10,9,11,10.5,2024-01-02,x\r\n\r\n\r\n';
    expect(parsed(text).bars).toEqual([
      { date: day('2024-01-02'), open: 10_500_000, high: 11_000_000, low: 9_000_000, close: 10_000_000, adjClose: 9_900_000, volume: 1000 },
    ]);
    const noVolume = parsed('Date,Open,High,Low,Close\n2024-01-02,10,11,9,10\n');
    expect(noVolume.bars[0]).toMatchObject({ adjClose: null, volume: 0 });
    expect(noVolume.notes).toEqual([]);
  });

  it('puts an Investing.com file (newest first, US dates, quoted thousands, "Price", "2.41B") in date order', () => {
    const result = parsed(fixture('newest-first.csv'));
    expect(result.bars.map((bar) => formatDay(bar.date))).toEqual(['2024-06-26', '2024-06-27', '2024-06-28', '2024-07-01']);
    // "07/01/2024" row: Price "5,475.09" → 5_475_090_000; "2.41B" → 2_410_000_000 shares.
    expect(result.bars[3]).toMatchObject({ open: 5_471_080_000, close: 5_475_090_000, volume: 2_410_000_000 });
    expect(result.notes).toEqual([
      'The column "Price" is read as the closing price.',
      'The file lists the newest day first: the bars were put in date order, oldest first.',
    ]);
  });

  it('sorts a shuffled file and says so', () => {
    const result = parsed('Date,Close\n2024-01-03,2\n2024-01-02,1\n2024-01-04,2\n');
    expect(result.bars.map((bar) => bar.close)).toEqual([1_000_000, 2_000_000, 2_000_000]);
    expect(result.notes).toContain('The rows were not in date order: the bars were sorted by date.');
  });

  it('accepts midnight timestamps and US dates, refuses other times', () => {
    const dates = parsed('Date,Close\n2024-06-10 00:00:00-04:00,1\n2024-06-11T00:00:00.000Z,1\n6/7/2024,1\n').bars.map((b) => formatDay(b.date));
    expect(dates).toEqual(['2024-06-07', '2024-06-10', '2024-06-11']);
    expect(refused('Date,Close\n13/01/2024,1\n')).toEqual([
      { line: 2, column: 'Date', reason: 'Date "13/01/2024" is not a real calendar date (read as MM/DD/YYYY).' },
    ]);
  });
});

describe('refusals', () => {
  it('collects every problem of a broken file, each with its line, column and reason', () => {
    expect(refused(fixture('broken-rows.csv'))).toEqual([
      { line: 3, column: 'Date', reason: 'Date "2024/03/04" is not in a format this reads: use YYYY-MM-DD or MM/DD/YYYY.' },
      { line: 4, column: 'Open', reason: 'Open is -1.00: prices must be above zero.' },
      { line: 5, column: 'High', reason: 'High 98.00 is below Low 99.00.' },
      { line: 6, column: 'Open', reason: "Open 102.00 is outside the day's range: Low 99.00 to High 101.00." },
      {
        line: 7,
        column: 'Volume',
        reason: 'Volume "12.5" on 2024-03-08 is not a whole number of shares (0 or more); remove the Volume column if the file has no volumes.',
      },
      { line: 8, column: 'Date', reason: '2024-03-01 appears twice: on line 2 and on line 8.' },
      {
        line: 9,
        column: 'Date',
        reason: 'Date "2024-03-11 09:30:00" has a time of day (09:30:00): this reads one bar a day, dated without a time or at 00:00:00.',
      },
      { line: 10, column: 'Close', reason: 'Close "abc" is not a number: write prices like 1234.56, with \'.\' before the decimals.' },
      { line: 11, column: 'Close', reason: 'Close is 0: prices must be above zero.' },
      { line: 12, column: null, reason: 'This line has 3 values; the header has 7 columns.' },
      { line: 13, column: null, reason: 'No prices on 2024-03-15 ("null"): remove this row; the file has no trading for that day.' },
      { line: 14, column: 'Date', reason: 'Date "2024-02-30" is not a real calendar date.' },
      { line: 15, column: 'Close', reason: 'Close is missing on 2024-03-18 (empty): remove this row or fill in the price.' },
    ]);
  });

  it('names the close outside the range, a price that rounds to zero and an unclosed quote', () => {
    expect(refused('Date,Open,High,Low,Close\n2024-01-02,10,11,9,8.5\n2024-01-03,10,11,9,0.0000004\n2024-01-04,"10,11,9,10\n')).toEqual([
      { line: 2, column: 'Close', reason: "Close 8.50 is outside the day's range: Low 9.00 to High 11.00." },
      { line: 3, column: 'Close', reason: 'Close is 0.0000004: prices must be above zero.' },
      { line: 4, column: null, reason: 'A quote (") opened on this line is never closed.' },
    ]);
  });

  it('names the missing column and the columns found', () => {
    expect(refused(fixture('missing-column.csv'))).toEqual([
      {
        line: 1,
        column: null,
        reason:
          'Missing column Low: the header has Date, Open, High, Close, Volume. A price file needs Date,Open,High,Low,Close (Adj Close and Volume optional), or Date,Close.',
      },
    ]);
    expect(refused('Day,Last\n2024-01-02,1\n')[0]!.reason).toBe(
      'Missing columns Date, Close: the header has Day, Last. A price file needs Date,Open,High,Low,Close (Adj Close and Volume optional), or Date,Close.',
    );
  });

  it('refuses two columns for the same value', () => {
    expect(refused('Date,Close,Price\n2024-01-02,1,1\n')).toEqual([
      { line: 1, column: 'Price', reason: 'Two columns hold the same thing: "Close" and "Price".' },
    ]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(refused(fixture('empty.csv'))).toEqual([{ line: 1, column: null, reason: 'The file is empty.' }]);
    expect(refused(fixture('header-only.csv'))).toEqual([{ line: 1, column: null, reason: 'The file has a header but no rows of prices.' }]);
  });

  it('keeps 100 problems and counts the rest', () => {
    // 150 bad rows on lines 2..151: problems 1..100 are lines 2..101; the first left off is line 102.
    const problems = refused('Date,Close\n' + 'x,1\n'.repeat(150));
    expect(problems).toHaveLength(101);
    expect(problems[99]!.line).toBe(101);
    expect(problems[100]).toEqual({ line: 102, column: null, reason: 'and 50 more problems' });
  });
});

describe('NYSE calendar and gaps', () => {
  it('knows the 2024 holidays and the observed-day rules', () => {
    const closed2024 = ['01-01', '01-15', '02-19', '03-29', '05-27', '06-19', '07-04', '09-02', '11-28', '12-25'];
    for (const d of closed2024) expect(nyseHoliday(day(`2024-${d}`)), d).toBe(true);
    expect(nyseHoliday(day('2022-12-26'))).toBe(true); // Christmas 2022 was a Sunday: observed Monday
    expect(nyseHoliday(day('2021-12-31'))).toBe(false); // New Year 2022 was a Saturday: no Friday closure
    expect(nyseHoliday(day('2023-01-02'))).toBe(true); // New Year 2023 was a Sunday: observed Monday
    expect(nyseHoliday(day('2022-06-20'))).toBe(true); // Juneteenth 2022 was a Sunday
    expect(nyseHoliday(day('2021-06-18'))).toBe(false); // before Juneteenth was an NYSE holiday
    expect(nyseHoliday(day('2026-07-03'))).toBe(true); // July 4 2026 is a Saturday: observed Friday
    expect(nyseHoliday(day('1997-01-20'))).toBe(false); // 3rd Monday, but MLK Day starts in 1998
    expect(nyseHoliday(day('1998-01-19'))).toBe(true);
    expect(nyseHoliday(day('2024-11-29'))).toBe(false); // day after Thanksgiving: a (short) session
    expect(nyseHoliday(day('2024-03-30'))).toBe(false); // a Saturday is not a holiday
  });

  it('computes Easter', () => {
    expect(['2000', '2019', '2024', '2025'].map((y) => formatDay(easterSunday(Number(y))))).toEqual([
      '2000-04-23', '2019-04-21', '2024-03-31', '2025-04-20',
    ]);
  });

  it('counts missing trading days around holidays', () => {
    // Thanksgiving week 2024: Thu 11-28 closed, Fri 11-29 open, Sat/Sun.
    expect(findGaps([day('2024-11-27'), day('2024-11-29')])).toEqual([]);
    expect(findGaps([day('2024-11-27'), day('2024-12-02')])).toEqual([{ after: day('2024-11-27'), before: day('2024-12-02'), missing: 1 }]);
    expect(findGaps([day('2024-11-27'), day('2024-12-03')])).toEqual([{ after: day('2024-11-27'), before: day('2024-12-03'), missing: 2 }]);
    // Christmas and Good Friday weeks: no trading day is missing.
    expect(findGaps([day('2024-12-24'), day('2024-12-26')])).toEqual([]);
    expect(findGaps([day('2024-03-28'), day('2024-04-01')])).toEqual([]);
  });

  it('counts every calendar day when the file trades on weekends', () => {
    // Fri 03-01, Sat 03-02, Sun 03-03, Tue 03-05: Monday 03-04 is missing.
    const crypto = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-05', '2024-12-24', '2024-12-26'].map(day);
    expect(findGaps(crypto)).toEqual([
      { after: day('2024-03-03'), before: day('2024-03-05'), missing: 1 },
      // 2024 is a leap year: 03-05 is day 31 + 29 + 5 = 65 of the year, 12-24 is day 366 − 7 = 359;
      // 359 − 65 − 1 = 293 days in between, holidays included in a file that trades every day.
      { after: day('2024-03-05'), before: day('2024-12-24'), missing: 293 },
      { after: day('2024-12-24'), before: day('2024-12-26'), missing: 1 },
    ]);
  });
});

describe('analysis series', () => {
  it('scales open/high/low/close by Adj Close ÷ Close', () => {
    const bars = parsed('Date,Open,High,Low,Close,Adj Close,Volume\n2024-03-01,101.00,102.00,99.50,100.00,98.50,1000\n').bars;
    const series = toSeries('XYZ', bars, { adjusted: true });
    // factor = 98.50 ÷ 100.00 = 0.985: open 101 × 0.985 = 99.485, high 102 × 0.985 = 100.47,
    // low 99.5 × 0.985 = 98.0075, close = Adj Close = 98.5.
    expect(series.open[0]).toBeCloseTo(99.485, 12);
    expect(series.high[0]).toBeCloseTo(100.47, 12);
    expect(series.low[0]).toBeCloseTo(98.0075, 12);
    expect(series.close[0]).toBe(98.5);
    expect(series.volume[0]).toBe(1000);
    expect(series).toMatchObject({ symbol: 'XYZ', adjusted: true, closeOnly: false });
    expect(Array.from(series.dates)).toEqual([day('2024-03-01')]);
    const raw = toSeries('XYZ', bars, { adjusted: false });
    expect([raw.open[0], raw.close[0], raw.adjusted]).toEqual([101, 100, false]);
  });

  it('removes the 2:1 split of the Yahoo fixture', () => {
    const series = toSeries('SPY', parsed(fixture('spy-ohlcv.csv')).bars, { adjusted: true });
    // 2024-05-15: factor 529.780029 ÷ 1059.560058 = 0.5 exactly, so open 1056.480174 / 2 = 528.240087.
    expect(series.open[0]).toBeCloseTo(528.240087, 9);
    expect(series.close[0]).toBe(529.780029);
    // Around the split (index 16 = 06-07, 17 = 06-10) the adjusted close moves 534.009999 → 535.660019.
    expect([series.close[16], series.close[17]]).toEqual([534.009999, 535.660019]);
    expect(series.adjusted).toBe(true);
  });

  it('is not adjusted when a bar lacks Adj Close, and takes or infers closeOnly', () => {
    const bar = (date: string, adjClose: number | null): Bar => ({ date: day(date), open: 2e6, high: 2e6, low: 2e6, close: 2e6, adjClose, volume: 0 });
    const series = toSeries('X', [bar('2024-01-02', 1e6), bar('2024-01-03', null)], { adjusted: true });
    expect([series.close[0], series.close[1], series.adjusted, series.closeOnly]).toEqual([1, 2, false, true]);
    expect(toSeries('X', [bar('2024-01-02', null)], { adjusted: false, closeOnly: false }).closeOnly).toBe(false);
    expect(toSeries('X', parsed(fixture('close-only.csv')).bars, { adjusted: true }).closeOnly).toBe(true);
  });
});

describe('symbolFromFileName', () => {
  it('takes a plausible ticker from the file name', () => {
    expect(symbolFromFileName('SPY.csv')).toBe('SPY');
    expect(symbolFromFileName('brk-b.csv')).toBe('BRK-B');
    expect(symbolFromFileName('^GSPC.csv')).toBe('^GSPC');
    expect(symbolFromFileName('7203.T.csv')).toBe('7203.T');
    expect(symbolFromFileName('C:\\Downloads\\QQQ (1).csv')).toBe('QQQ');
    expect(symbolFromFileName('spy-daily.csv')).toBeNull();
    expect(symbolFromFileName('prices.csv')).toBeNull();
    expect(symbolFromFileName('.csv')).toBeNull();
  });
});
