/**
 * Robinhood's account activity report: one row per activity, a "Trans Code"
 * saying what it is (Buy, Sell, CDIV, INT, ACH, ...), a Description that is
 * often several lines inside quotes (the name, then "CUSIP: ..."), amounts
 * such as "($1,500.00)", and a disclaimer row at the end.
 */
import { detectByHeader, findHeader, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord, ImportFormat } from '../types';
import type { IncomeKind } from '../../db/schema';
import { plural, was } from '../words';

const COLUMNS = ['Activity Date', 'Process Date', 'Settle Date', 'Instrument', 'Trans Code'];
const OPTIONAL = ['Description', 'Quantity', 'Price', 'Amount'];

const blank = (row: CsvRow) => row.cells.every((c) => c.trim() === '');

type Kind = 'buy' | 'sell' | 'option-buy' | 'option-sell' | 'expiry' | 'income' | 'tax' | 'shares' | 'cash';

const KINDS: Record<string, Kind> = {
  BUY: 'buy', SELL: 'sell', BTO: 'option-buy', BTC: 'option-buy', STO: 'option-sell', STC: 'option-sell',
  OEXP: 'expiry', OASGN: 'expiry', OEXCS: 'expiry',
  CDIV: 'income', MDIV: 'income', INT: 'income', SLIP: 'income', DTAX: 'tax',
  SPL: 'shares', SPR: 'shares', SXCH: 'shares', REC: 'shares', MRGS: 'shares', SOFF: 'shares', CONV: 'shares', ACATI: 'shares', ACATO: 'shares',
  ACH: 'cash', GOLD: 'cash', RTP: 'cash', DCF: 'cash', XENT: 'cash', ITRF: 'cash', AFEE: 'cash', DFEE: 'cash', MINT: 'cash', GDBP: 'cash', MISC: 'cash', FUTSWP: 'cash', WIRE: 'cash',
};
const INCOME: Record<string, { kind: IncomeKind; source: string }> = {
  CDIV: { kind: 'dividend', source: 'Dividends and interest' },
  MDIV: { kind: 'dividend', source: 'Dividends and interest' },
  INT: { kind: 'interest', source: 'Dividends and interest' },
  SLIP: { kind: 'other', source: 'Stock lending' },
};

function parse(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = findHeader(table.rows, COLUMNS);
  if (at === -1) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: `no line names the columns ${COLUMNS.join(', ')}: this is not a Robinhood activity report` }],
      notes: [],
    };
  }
  const t = new Table(table.rows[at]!);
  const currency = options.currency ?? 'USD';
  const c = {
    date: t.column('Activity Date'), instrument: t.column('Instrument'), description: t.column('Description'), code: t.column('Trans Code'),
    quantity: t.column('Quantity'), price: t.column('Price'), amount: t.column('Amount'),
  };
  const body = table.rows.slice(at + 1).filter((r) => !blank(r));
  // The closing disclaimer: the date cells empty and one cell of text.
  const isDisclaimer = (row: CsvRow) => t.cell(row, c.date) === '' && row.cells.filter((x) => x.trim() !== '').length === 1;
  const dateOrder = t.resolveDates(body.filter((r) => !isDisclaimer(r)), [c.date], 'MDY', options.dateOrder);
  const records: ImportedRecord[] = [];
  let disclaimer = 0;
  let shareRows = 0;
  let expiries = 0;
  const unknown = new Map<string, number>();

  for (const row of body) {
    if (isDisclaimer(row)) {
      disclaimer++;
      continue;
    }
    if (!t.complete(row)) continue;
    const code = t.cell(row, c.code).toUpperCase();
    let kind: Kind = KINDS[code] ?? 'cash';
    const hasAmount = t.cell(row, c.amount) !== '';
    const sharesOnly = kind === 'shares' || kind === 'expiry' || (!KINDS[code] && t.cell(row, c.quantity) !== '');
    if (!hasAmount && sharesOnly) {
      if (kind === 'expiry') expiries++;
      else shareRows++;
      continue;
    }
    if (kind === 'expiry' || kind === 'shares') kind = 'cash';
    if (!KINDS[code]) unknown.set(code || '(none)', (unknown.get(code || '(none)') ?? 0) + 1);
    const line = row.line;
    const instrument = t.cell(row, c.instrument);
    // The first line of the description: the security's or option's name, without the CUSIP line.
    const description = t.cell(row, c.description).split(/\r?\n/).map((s) => s.trim()).filter(Boolean).join(' — ');
    const firstLine = t.cell(row, c.description).split(/\r?\n/)[0]!.trim();
    const before = t.errors.length;
    const date = t.date(row, c.date);

    if (kind === 'buy' || kind === 'sell' || kind === 'option-buy' || kind === 'option-sell') {
      const option = kind === 'option-buy' || kind === 'option-sell';
      const symbol = option ? firstLine || instrument : instrument;
      if (symbol === '') t.fail(line, c.instrument, 'the instrument is empty');
      const quantity = t.quantity(row, c.quantity);
      const price = t.money(row, c.price, currency, { round: true });
      const amount = t.money(row, c.amount, currency);
      if (t.errors.length > before || !date || !quantity || !price || !amount) continue;
      records.push({
        kind: 'trade', line, date, side: kind === 'buy' || kind === 'option-buy' ? 'buy' : 'sell', symbol, quantity, price, amount,
        ...(description ? { description } : {}),
      });
      continue;
    }
    const amount = t.money(row, c.amount, currency);
    if (t.errors.length > before || !date || !amount) continue;
    const text = description || code;
    if (kind === 'cash') {
      records.push({ kind: 'transaction', line, date, amount, description: text });
      continue;
    }
    const income = kind === 'tax' ? { kind: 'dividend' as const, source: 'Dividends and interest' } : INCOME[code]!;
    records.push({
      kind: 'income', line, date, amount, incomeKind: income.kind, source: income.source,
      ...(instrument ? { symbol: instrument } : {}),
      description: kind === 'tax' ? `Tax withheld: ${text}` : text,
    });
  }

  const notes: string[] = [];
  if (t.roundedCount) notes.push(`${plural(t.roundedCount, 'per-share price')} had more than 2 decimals and ${was(t.roundedCount)} rounded half to even to the cent.`);
  if (shareRows) notes.push(`${plural(shareRows, 'corporate action')} (splits, mergers, share transfers) ${was(shareRows)} not imported: they change shares, not cash.`);
  if (expiries) notes.push(`${plural(expiries, 'option expiration or assignment')} with no cash ${was(expiries)} not imported.`);
  if (unknown.size) {
    const n = [...unknown.values()].reduce((a, b) => a + b, 0);
    notes.push(`${plural(n, 'row')} with codes Strata does not know (${[...unknown.keys()].join(', ')}) ${was(n)} imported as cash transactions.`);
  }
  if (disclaimer) notes.push(`${plural(disclaimer, 'line')} of disclaimer text after the table ${was(disclaimer)} skipped.`);
  return { records, errors: t.errors, notes, dateOrder };
}

export const robinhoodActivity: ImportFormat = {
  id: 'robinhood-activity',
  label: 'Robinhood — account activity',
  group: 'brokerage',
  institution: 'Robinhood',
  detect: (rows) => detectByHeader(rows, COLUMNS, OPTIONAL),
  parse,
};
