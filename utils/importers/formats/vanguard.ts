/**
 * Vanguard's CSV download: two tables in one file, holdings first (the old
 * mutual-fund/529 layout "Fund Account Number,Fund Name,Price,Shares,Total
 * Value", or the brokerage layout "Account Number,Investment Name,Symbol,
 * Shares,Share Price,Total Value,"), then transactions ("Account Number,Trade
 * Date,...,Net Amount"). A file may repeat the pair for several accounts.
 */
import type { Money } from '../../money';
import { detectByHeader, headerMatches, Table } from '../table';
import type { DateOrderResolution } from '../dates';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord, ImportError, ImportFormat } from '../types';
import { plural, was } from '../words';

const INSTITUTION = 'Vanguard';
const SOURCE = 'Dividends and interest';

const blank = (row: CsvRow) => row.cells.every((c) => c.trim() === '');
const abs = (m: Money): Money => ({ minor: Math.abs(m.minor), currency: m.currency });
const negAbs = (m: Money): Money => ({ minor: -Math.abs(m.minor), currency: m.currency });

const TRANSACTIONS = ['Account Number', 'Trade Date', 'Transaction Type', 'Investment Name', 'Net Amount'];
const TX_OPTIONAL = ['Settlement Date', 'Process Date', 'Transaction Description', 'Symbol', 'Shares', 'Share Price', 'Principal Amount', 'Commission Fees', 'Commissions and Fees', 'Gross Amount', 'Accrued Interest', 'Account Type'];
const HOLDINGS = ['Account Number', 'Investment Name', 'Shares', 'Share Price', 'Total Value'];
const HOLDINGS_OLD = ['Fund Account Number', 'Fund Name', 'Shares', 'Total Value'];

type Kind = 'buy' | 'sell' | 'contribution' | 'dividend' | 'interest' | 'tax' | 'sweep' | 'shares' | 'cash';

function classify(type: string): Kind {
  const a = type.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^sweep (in|out)\b/.test(a)) return 'sweep';
  if (a === 'buy' || a === 'purchase' || a.startsWith('reinvest')) return 'buy';
  if (a === 'sell' || a === 'redemption') return 'sell';
  if (a.startsWith('contribution')) return 'contribution';
  if (/withholding|tax withheld|foreign tax/.test(a)) return 'tax';
  if (/dividend|capital gain/.test(a)) return 'dividend';
  if (/interest/.test(a)) return 'interest';
  if (/^(stock split|conversion|corp action|exchange|spin|merger|name change|transfer of shares)/.test(a)) return 'shares';
  return 'cash';
}

interface Section {
  kind: 'holdings' | 'transactions';
  t: Table;
  rows: CsvRow[];
}

function sections(rows: readonly CsvRow[]): Section[] {
  const out: Section[] = [];
  for (const row of rows) {
    if (blank(row)) continue;
    if (headerMatches(row, TRANSACTIONS) === TRANSACTIONS.length) out.push({ kind: 'transactions', t: new Table(row), rows: [] });
    else if (headerMatches(row, HOLDINGS) === HOLDINGS.length || headerMatches(row, HOLDINGS_OLD) === HOLDINGS_OLD.length) {
      out.push({ kind: 'holdings', t: new Table(row), rows: [] });
    } else out.at(-1)?.rows.push(row);
  }
  return out;
}

interface Tally {
  sweeps: number;
  shareRows: number;
  contributions: number;
  namedByFund: boolean;
}

function readHoldings(s: Section, currency: string, records: ImportedRecord[], totals: Map<string, { line: number; sum: number }>, tally: Tally): void {
  const { t } = s;
  const c = {
    account: t.column('Account Number', 'Fund Account Number'), name: t.column('Investment Name', 'Fund Name'), symbol: t.column('Symbol'),
    shares: t.column('Shares'), price: t.column('Share Price', 'Price'), value: t.column('Total Value'),
  };
  if (c.symbol === -1) tally.namedByFund = true;
  for (const row of s.rows) {
    if (!t.complete(row)) continue;
    const before = t.errors.length;
    const account = t.cell(row, c.account);
    const name = t.cell(row, c.name);
    const symbol = t.cell(row, c.symbol) || name;
    if (symbol === '') t.fail(row.line, c.symbol >= 0 ? c.symbol : c.name, 'the investment is not named');
    const quantity = t.quantity(row, c.shares);
    const price = t.money(row, c.price, currency, { optional: true, round: true });
    const marketValue = t.money(row, c.value, currency);
    if (t.errors.length > before || !quantity || !marketValue) continue;
    records.push({
      kind: 'position', line: row.line, ...(account ? { account } : {}), symbol, quantity,
      ...(price ? { price } : {}), marketValue, ...(name && name !== symbol ? { description: name } : {}),
    });
    const total = totals.get(account) ?? { line: row.line, sum: 0 };
    total.sum += marketValue.minor;
    totals.set(account, total);
  }
}

function readTransactions(s: Section, options: FormatOptions, currency: string, records: ImportedRecord[], tally: Tally): DateOrderResolution {
  const { t } = s;
  const c = {
    account: t.column('Account Number'), date: t.column('Trade Date'), type: t.column('Transaction Type'),
    description: t.column('Transaction Description'), name: t.column('Investment Name'), symbol: t.column('Symbol'),
    shares: t.column('Shares'), price: t.column('Share Price'), fees: t.column('Commission Fees', 'Commissions and Fees', 'Commissions & Fees'),
    net: t.column('Net Amount'),
  };
  if (c.symbol === -1) tally.namedByFund = true;
  const dateOrder = t.resolveDates(s.rows, [c.date], 'MDY', options.dateOrder);
  /** Empty or a zero figure ("0", "0.0", "$0.00"). */
  const zero = (row: CsvRow, at: number) => /^-?\$?-?0*(\.0*)?$/.test(t.cell(row, at));
  for (const row of s.rows) {
    if (!t.complete(row)) continue;
    const type = t.cell(row, c.type);
    let kind = classify(type);
    if (kind === 'sweep') {
      tally.sweeps++;
      continue;
    }
    // No cash moved: shares only, or an explicit zero (an empty amount with no shares is refused below).
    if ((kind === 'cash' || kind === 'shares') && zero(row, c.net) && (!zero(row, c.shares) || t.cell(row, c.net) !== '')) {
      tally.shareRows++;
      continue;
    }
    const line = row.line;
    const account = t.cell(row, c.account);
    const name = t.cell(row, c.name);
    const symbol = t.cell(row, c.symbol) || name;
    const text = [type, t.cell(row, c.description)].filter((x, i, all) => x && all.indexOf(x) === i).join(': ');
    const description = name && name !== symbol ? `${text} (${name})` : text;
    const base = { line, ...(account ? { account } : {}) };
    const before = t.errors.length;
    const date = t.date(row, c.date);
    const net = t.money(row, c.net, currency);
    if (kind === 'contribution' && zero(row, c.shares)) kind = 'cash';

    if (kind === 'buy' || kind === 'sell' || kind === 'contribution') {
      if (symbol === '') t.fail(line, c.symbol >= 0 ? c.symbol : c.name, 'the investment is not named');
      const quantity = t.quantity(row, c.shares);
      const price = t.money(row, c.price, currency, { round: true });
      const fees = t.money(row, c.fees, currency, { optional: true });
      if (t.errors.length > before || !date || !net || !quantity || !price) continue;
      if (kind === 'contribution') {
        tally.contributions++;
        records.push({ kind: 'transaction', ...base, date, amount: abs(net), description });
      }
      records.push({
        kind: 'trade', ...base, date, side: kind === 'sell' ? 'sell' : 'buy', symbol, quantity, price,
        ...(fees && fees.minor !== 0 ? { fees: abs(fees) } : {}),
        amount: kind === 'sell' ? abs(net) : negAbs(net),
        description,
      });
      continue;
    }
    if (t.errors.length > before || !date || !net) continue;
    if (kind === 'cash' || kind === 'shares') {
      records.push({ kind: 'transaction', ...base, date, amount: net, description });
      continue;
    }
    records.push({
      kind: 'income', ...base, date, amount: net, incomeKind: kind === 'interest' ? 'interest' : 'dividend', source: SOURCE,
      ...(symbol ? { symbol } : {}), description: kind === 'tax' ? `Tax withheld: ${description}` : description,
    });
  }
  return dateOrder;
}

function parse(table: CsvTable, options: FormatOptions): FormatOutput {
  const found = sections(table.rows);
  if (found.length === 0) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: `no line names the columns ${TRANSACTIONS.join(', ')} or ${HOLDINGS.join(', ')}: this is not a Vanguard download` }],
      notes: [],
    };
  }
  const currency = options.currency ?? 'USD';
  const records: ImportedRecord[] = [];
  const errors: ImportError[] = [];
  const totals = new Map<string, { line: number; sum: number }>();
  const tally: Tally = { sweeps: 0, shareRows: 0, contributions: 0, namedByFund: false };
  let dateOrder: DateOrderResolution | undefined;
  let rounded = 0;
  for (const s of found) {
    if (s.rows.length === 0) continue;
    if (s.kind === 'holdings') readHoldings(s, currency, records, totals, tally);
    else dateOrder ??= readTransactions(s, options, currency, records, tally);
    errors.push(...s.t.errors);
    rounded += s.t.roundedCount;
  }
  for (const [account, total] of totals) {
    records.push({ kind: 'balance', line: total.line, ...(account ? { account } : {}), amount: { minor: total.sum, currency } });
  }

  const notes: string[] = [];
  if (rounded) notes.push(`${plural(rounded, 'per-share price')} had more than 2 decimals and ${was(rounded)} rounded half to even to the cent.`);
  if (totals.size) {
    notes.push(`Each account's balance is the sum of its holdings' "Total Value".`);
    notes.push('The file does not say which day the holdings are for: they are dated the day of the import.');
  }
  if (tally.namedByFund) notes.push('The file gives no ticker symbols: holdings and trades are named by their fund name.');
  if (tally.contributions) notes.push(`${plural(tally.contributions, 'contribution')} ${was(tally.contributions)} read as a deposit and a purchase of the fund's shares.`);
  if (tally.sweeps) notes.push(`${plural(tally.sweeps, 'sweep')} into or out of the settlement fund ${was(tally.sweeps)} not imported: they move money inside the account.`);
  if (tally.shareRows) notes.push(`${plural(tally.shareRows, 'row')} that moved no cash (splits, conversions, share transfers) ${was(tally.shareRows)} not imported.`);
  return { records, errors, notes, ...(dateOrder ? { dateOrder } : {}) };
}

export const vanguardCsv: ImportFormat = {
  id: 'vanguard-csv',
  label: 'Vanguard — holdings and transactions (CSV download)',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) =>
    Math.max(
      detectByHeader(rows, TRANSACTIONS, TX_OPTIONAL),
      detectByHeader(rows, HOLDINGS, ['Symbol']),
      detectByHeader(rows, HOLDINGS_OLD, ['Price']),
    ),
  parse,
};
