/**
 * Google AdSense — report exports, both layouts:
 *
 * - The legacy "Export to Excel CSV" (2009-era; gitpan/Data-Adsense
 *   t/test-file.txt @ f267eef): UTF-16LE with a byte-order mark, TAB
 *   separated, CRLF, header
 *   `Date<TAB>Page views<TAB>Clicks<TAB>Page CTR<TAB>CPC (JPY)<TAB>Page RPM (JPY)<TAB>Estimated earnings (JPY)`.
 *   Its header line ends in "\r\r\n", so the last header cell keeps a stray
 *   "\r" (normalizeHeader and Table.cell drop it).
 * - The current English CSV (header seen in changyy/google-csv-helper
 *   csv_common.py): `Date,Estimated earnings (USD),Page views,Page RPM (USD),Impressions,Impression RPM (USD),Active View Viewable,Clicks`,
 *   with `Site` and/or `Country` after Date in breakdown reports, and
 *   "Totals" / "Averages" lines at the end.
 *
 * One 'ad-revenue' record per line (a day, or a day and site): only Date and
 * Estimated earnings are read — the other columns are never checked (in
 * the upstream test file they are random and shifted: the CTR percentage sits
 * in the CPC column). The currency is the "(XXX)" of the earnings header.
 * Days with no earnings are skipped (noted); earnings more precise than the
 * currency are rounded half to even (noted).
 */
import { minorDigits } from '../../money';
import { normalizeHeader, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportFormat, IncomeRecord } from '../types';
import { plural } from '../words';

const EARNINGS = /^estimated earnings(?: \(([a-z]{3})\))?$/;
const OTHER_COLUMNS = [
  /^page views$/, /^clicks$/, /^page ctr$/, /^ctr$/, /^cpc( \(\w{3}\))?$/, /^page rpm( \(\w{3}\))?$/,
  /^impressions$/, /^impression rpm( \(\w{3}\))?$/, /^active view viewable$/, /^site$/, /^country$/,
];
const SUMMARY = /^(totals?|averages?)$/i;
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;

interface Header {
  at: number;
  earnings: number;
  code?: string;
}

function findAdsenseHeader(rows: readonly CsvRow[]): Header | undefined {
  const end = Math.min(rows.length, 40);
  for (let at = 0; at < end; at++) {
    const cells = rows[at]!.cells.map(normalizeHeader);
    if (!cells.includes('date')) continue;
    const earnings = cells.findIndex((c) => EARNINGS.test(c));
    if (earnings === -1) continue;
    const code = EARNINGS.exec(cells[earnings]!)![1];
    return { at, earnings, ...(code ? { code: code.toUpperCase() } : {}) };
  }
  return undefined;
}


function detect(rows: readonly CsvRow[]): number {
  const header = findAdsenseHeader(rows);
  if (!header) return 0;
  const cells = rows[header.at]!.cells.map(normalizeHeader);
  return 2 + OTHER_COLUMNS.filter((re) => cells.some((c) => re.test(c))).length;
}

function parse(table: CsvTable, options: FormatOptions): FormatOutput {
  const header = findAdsenseHeader(table.rows);
  if (!header) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: 'no line has the AdSense header (Date and "Estimated earnings (USD)" or another currency)' }],
      notes: [],
    };
  }
  const t = new Table(table.rows[header.at]!);
  const currency = header.code ?? options.currency ?? 'USD';
  const cols = { date: t.column('Date'), site: t.column('Site'), country: t.column('Country') };
  const notes: string[] = [];
  if (!header.code) notes.push(`The earnings column names no currency: read as ${currency}.`);

  const summaries = new Map<string, number>();
  const data: CsvRow[] = [];
  for (const row of table.rows.slice(header.at + 1)) {
    const first = t.cell(row, cols.date);
    if (SUMMARY.test(first)) {
      const label = first.replace(/^(\w)/, (c) => c.toUpperCase());
      summaries.set(label, (summaries.get(label) ?? 0) + 1);
    } else data.push(row);
  }
  const resolution = t.resolveDates(data, [cols.date], undefined, options.dateOrder);

  const records: IncomeRecord[] = [];
  let empty = 0;
  for (const row of data) {
    if (!t.complete(row)) continue;
    const date = t.date(row, cols.date);
    const amount = t.money(row, header.earnings, currency, { round: true });
    if (date === undefined || amount === undefined) continue;
    if (amount.minor === 0) {
      empty++;
      continue;
    }
    const where = [t.cell(row, cols.site), t.cell(row, cols.country)].filter((s) => s !== '').join(' — ');
    records.push({
      kind: 'income',
      line: row.line,
      date,
      amount,
      incomeKind: 'ad-revenue',
      source: 'Google AdSense',
      ...(where ? { description: where } : {}),
    });
  }
  if (summaries.size > 0) {
    const n = [...summaries.values()].reduce((a, b) => a + b, 0);
    const names = [...summaries.keys()].map((k) => `"${k}"`).join(' and ');
    notes.push(`${plural(n, 'summary line', 'summary lines')} (${names}) at the end ${n === 1 ? 'was' : 'were'} skipped: ${n === 1 ? 'it is' : 'they are'} not a day's earnings.`);
  }
  if (empty > 0) notes.push(`${plural(empty, 'line', 'lines')} with no earnings ${empty === 1 ? 'was' : 'were'} skipped.`);
  if (t.roundedCount > 0) {
    notes.push(`${plural(t.roundedCount, 'figure', 'figures')} had more than ${minorDigits(currency)} decimals and ${t.roundedCount === 1 ? 'was' : 'were'} rounded half to even.`);
  }
  const numeric = data.some((r) => NUMERIC_DATE.test(t.cell(r, cols.date)));
  return { records, errors: t.errors, notes, ...(numeric ? { dateOrder: resolution } : {}) };
}

export const adsense: ImportFormat = {
  id: 'adsense',
  label: 'Google AdSense — earnings report',
  group: 'income',
  institution: 'Google AdSense',
  detect,
  parse,
};
