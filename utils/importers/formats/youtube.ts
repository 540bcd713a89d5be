/**
 * YouTube — revenue exported from YouTube Studio (Analytics → Advanced mode
 * → Export current view → CSV). The export is a folder of "Table data.csv",
 * "Chart data.csv" and "Totals.csv"; which of them carries dates depends on
 * the grouping chosen:
 *
 * - grouped by Date ("Table data.csv" / "Totals.csv"):
 *   `Date,Estimated revenue (USD)` (older exports: `Your estimated revenue (USD)`),
 *   with more metric columns when chosen and a "Total" line;
 * - per video per day ("Chart data.csv"):
 *   `Date,Content,Video title,Video publish time,Duration,Estimated revenue (USD)`;
 * - per video ("Table data.csv" of the Content tab):
 *   `Content,Video title,Video publish time,Duration,Estimated revenue (USD)`
 *   with a "Total" line — no date at all.
 * (Header spellings as read by public Studio-export parsers: the
 * studio_video_totals_v1 / studio_video_daily_v1 schemas of a Studio
 * ingester, and several dashboards that key on "Your estimated revenue (USD)".)
 *
 * One 'ad-revenue' record per dated line (description = the video title for
 * per-video lines). The per-video table is refused with one error saying to
 * export the Date view: without dates the money cannot be placed in a month,
 * and inventing a period the file does not state would be a guess. Studio
 * writes revenue with up to three decimals ("1.234"); it is rounded half to
 * even to the cent and the preview says how many figures were. Lines with no
 * revenue are skipped (noted); the "Total" line is skipped (noted).
 */
import { minorDigits } from '../../money';
import { normalizeHeader, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportFormat, IncomeRecord } from '../types';
import { plural } from '../words';

/** Preferred first: the total estimated revenue, then the older name, then ads only. */
const REVENUE = [
  /^estimated revenue \(([a-z]{3})\)$/,
  /^your estimated revenue \(([a-z]{3})\)$/,
  /^estimated ad revenue \(([a-z]{3})\)$/,
];
const OTHER_COLUMNS = [
  'content', 'video title', 'video publish time', 'duration', 'views', 'watch time (hours)', 'subscribers',
  'impressions', 'impressions click-through rate (%)', 'average view duration',
];
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;
const TOTAL = /^totals?$/i;

interface Header {
  at: number;
  revenue: number;
  currency: string;
}

function findRevenueHeader(rows: readonly CsvRow[]): Header | undefined {
  const end = Math.min(rows.length, 40);
  for (let at = 0; at < end; at++) {
    const cells = rows[at]!.cells.map(normalizeHeader);
    const identity = cells.includes('date') || cells.includes('content') || cells.includes('video title');
    if (!identity) continue;
    for (const re of REVENUE) {
      const revenue = cells.findIndex((c) => re.test(c));
      if (revenue !== -1) return { at, revenue, currency: re.exec(cells[revenue]!)![1]!.toUpperCase() };
    }
  }
  return undefined;
}


function detect(rows: readonly CsvRow[]): number {
  const header = findRevenueHeader(rows);
  if (!header) return 0;
  const cells = rows[header.at]!.cells.map(normalizeHeader);
  return 2 + (cells.includes('date') ? 1 : 0) + OTHER_COLUMNS.filter((c) => cells.includes(c)).length;
}

function parse(table: CsvTable, options: FormatOptions): FormatOutput {
  const header = findRevenueHeader(table.rows);
  if (!header) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: 'no line has a YouTube Studio revenue header (Date and "Estimated revenue (USD)")' }],
      notes: [],
    };
  }
  const headerRow = table.rows[header.at]!;
  const t = new Table(headerRow);
  const cols = { date: t.column('Date'), content: t.column('Content'), title: t.column('Video title') };
  if (cols.date === -1) {
    return {
      records: [],
      errors: [
        {
          line: headerRow.line,
          column: '',
          reason:
            'this is YouTube Studio\'s per-video table: it has no Date column, so the revenue cannot be placed on a day. ' +
            'In YouTube Studio open Analytics → Advanced mode, choose the "Date" tab, and export that view (Table data.csv then has one line per day).',
        },
      ],
      notes: [],
    };
  }

  let totals = 0;
  const data: CsvRow[] = [];
  for (const row of table.rows.slice(header.at + 1)) {
    if (TOTAL.test(t.cell(row, cols.date)) || TOTAL.test(t.cell(row, cols.content))) totals++;
    else data.push(row);
  }
  const resolution = t.resolveDates(data, [cols.date], undefined, options.dateOrder);

  const records: IncomeRecord[] = [];
  let empty = 0;
  for (const row of data) {
    if (!t.complete(row)) continue;
    const date = t.date(row, cols.date);
    const amount = t.money(row, header.revenue, header.currency, { round: true });
    if (date === undefined || amount === undefined) continue;
    if (amount.minor === 0) {
      empty++;
      continue;
    }
    const title = t.cell(row, cols.title) || t.cell(row, cols.content);
    records.push({
      kind: 'income',
      line: row.line,
      date,
      amount,
      incomeKind: 'ad-revenue',
      source: 'YouTube',
      ...(title ? { description: title } : {}),
    });
  }
  const notes: string[] = ["YouTube Studio's revenue is an estimate: the amount finally paid through AdSense can differ a little."];
  if (totals > 0) notes.push(`${plural(totals, 'line', 'lines')} labelled "Total" ${totals === 1 ? 'was' : 'were'} skipped: a total is not a day's revenue.`);
  if (empty > 0) notes.push(`${plural(empty, 'line', 'lines')} with no revenue ${empty === 1 ? 'was' : 'were'} skipped.`);
  if (t.roundedCount > 0) {
    notes.push(`${plural(t.roundedCount, 'revenue figure', 'revenue figures')} had more than ${minorDigits(header.currency)} decimals and ${t.roundedCount === 1 ? 'was' : 'were'} rounded half to even.`);
  }
  const numeric = data.some((r) => NUMERIC_DATE.test(t.cell(r, cols.date)));
  return { records, errors: t.errors, notes, ...(numeric ? { dateOrder: resolution } : {}) };
}

export const youtubeRevenue: ImportFormat = {
  id: 'youtube-revenue',
  label: 'YouTube Studio — estimated revenue',
  group: 'income',
  institution: 'YouTube',
  detect,
  parse,
};
