/**
 * Fidelity exports: account activity ("Accounts_History" / "History_for_Account":
 * the 2025 all-accounts layout with Account and Account Number columns, and
 * the 2023 single-account layout with blank preamble rows and "($)" headers),
 * and Portfolio_Positions (holdings per account, money-market core positions,
 * "Pending Activity"). Both end with disclaimer text and "Date downloaded".
 */
import type { Money } from '../../money';
import { detectByHeader, findHeader, Table } from '../table';
import { parseDate } from '../dates';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord, ImportFormat } from '../types';
import { plural, was } from '../words';

const INSTITUTION = 'Fidelity';
const SOURCE = 'Dividends and interest';

const blank = (row: CsvRow) => row.cells.every((c) => c.trim() === '');
const filled = (row: CsvRow) => row.cells.filter((c) => c.trim() !== '').length;

/**
 * A line of text under the table (disclaimer, "Date downloaded ..."): at most
 * one filled cell, and not a date (a lone date is a data row cut short).
 */
function isFooterText(row: CsvRow): boolean {
  if (filled(row) > 1) return false;
  const text = row.cells.find((c) => c.trim() !== '')!.trim();
  return !parseDate(text, 'MDY').ok;
}

/** The day in "Date downloaded 12/03/2025 3:00 pm" or "Date downloaded Dec-03-2025 10:28 a.m ET". */
function downloadDate(text: string, order: FormatOptions['dateOrder']): string | undefined {
  const rest = /^"?date downloaded\s+(.+)$/i.exec(text.trim())?.[1];
  if (!rest) return undefined;
  const named = /^([A-Za-z]{3,9})-(\d{1,2})-(\d{4})/.exec(rest);
  const parsed = parseDate(named ? `${named[1]} ${named[2]}, ${named[3]}` : rest, order ?? 'MDY');
  return parsed.ok ? parsed.date : undefined;
}

function footerNotes(disclaimer: number, downloaded: number): string[] {
  const notes: string[] = [];
  if (disclaimer) notes.push(`${plural(disclaimer, 'line')} of disclaimer text after the table ${was(disclaimer)} skipped.`);
  if (downloaded) notes.push('The "Date downloaded" line is not a transaction.');
  return notes;
}

function noHeader(table: CsvTable, what: string, columns: readonly string[]): FormatOutput {
  return {
    records: [],
    errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: `no line names the columns ${columns.join(', ')}: this is not a ${what}` }],
    notes: [],
  };
}

// -------------------------------------------------------------------- activity

const ACTIVITY_2025 = ['Run Date', 'Account', 'Account Number', 'Action', 'Symbol', 'Amount'];
const ACTIVITY_2023 = ['Run Date', 'Action', 'Symbol', 'Amount ($)'];
const ACTIVITY_OPTIONAL = ['Description', 'Security Description', 'Type', 'Security Type', 'Quantity', 'Price', 'Price ($)', 'Commission', 'Commission ($)', 'Fees', 'Fees ($)', 'Accrued Interest', 'Accrued Interest ($)', 'Settlement Date', 'Currency', 'Cash Balance ($)'];

type Kind = 'buy' | 'sell' | 'dividend' | 'interest' | 'tax' | 'shares' | 'core' | 'cash';

function classify(action: string): Kind {
  const a = action.toUpperCase().replace(/\s+/g, ' ').trim();
  if (/^(PURCHASE INTO|REDEMPTION FROM) CORE ACCOUNT/.test(a)) return 'core';
  if (/^(YOU BOUGHT|BOUGHT|REINVESTMENT)\b/.test(a)) return 'buy';
  if (/^(YOU SOLD|SOLD|REDEMPTION PAYOUT)\b/.test(a)) return 'sell';
  if (/FOREIGN TAX|NON-?RESIDENT TAX|NRA TAX/.test(a)) return 'tax';
  if (/^(MERGER|REVERSE SPLIT|STOCK SPLIT|SPIN ?OFF|SPINOFF|NAME CHANGE|CONVERSION|EXCHANGED)\b/.test(a)) return 'shares';
  if (/DIVIDEND|CAP GAIN|CAPITAL GAIN/.test(a)) return 'dividend';
  if (/\bINTEREST\b|\bINT\b/.test(a) && !/MARGIN INTEREST/.test(a)) return 'interest';
  return 'cash';
}

function parseActivity(table: CsvTable, options: FormatOptions): FormatOutput {
  let at = findHeader(table.rows, ACTIVITY_2025);
  if (at === -1) at = findHeader(table.rows, ACTIVITY_2023);
  if (at === -1) return noHeader(table, 'Fidelity account history export', ACTIVITY_2023);
  const t = new Table(table.rows[at]!);
  const c = {
    date: t.column('Run Date'), accountName: t.column('Account'), accountNumber: t.column('Account Number'),
    action: t.column('Action'), symbol: t.column('Symbol'), quantity: t.column('Quantity'), price: t.column('Price', 'Price ($)'),
    commission: t.column('Commission', 'Commission ($)'), fees: t.column('Fees', 'Fees ($)'), amount: t.column('Amount', 'Amount ($)'),
    currency: t.column('Currency'),
  };
  const body = table.rows.slice(at + 1).filter((r) => !blank(r));
  const dataRows = body.filter((r) => !isFooterText(r));
  const dateOrder = t.resolveDates(dataRows, [c.date], 'MDY', options.dateOrder);
  const records: ImportedRecord[] = [];
  let disclaimer = 0;
  let downloaded = 0;
  let shareRows = 0;
  let coreRows = 0;

  for (const row of body) {
    if (isFooterText(row)) {
      if (/^"?date downloaded/i.test(row.cells.find((x) => x.trim() !== '')!.trim())) downloaded++;
      else disclaimer++;
      continue;
    }
    if (!t.complete(row)) continue;
    const action = t.cell(row, c.action);
    let kind = classify(action);
    // A row that moves shares but no cash (a stock distribution, shares transferred in).
    const noCash = /^(|0|0\.0+|-)$/.test(t.cell(row, c.amount));
    if (kind === 'cash' && noCash && !/^(|0|0\.0+)$/.test(t.cell(row, c.quantity))) kind = 'shares';
    if (kind === 'shares') {
      shareRows++;
      continue;
    }
    if (kind === 'core') {
      coreRows++;
      continue;
    }
    const line = row.line;
    const name = t.cell(row, c.accountName);
    const number = t.cell(row, c.accountNumber);
    const account = [name, number].filter(Boolean).join(' ') || undefined;
    const currency = t.cell(row, c.currency) || options.currency || 'USD';
    const symbol = t.cell(row, c.symbol);
    const before = t.errors.length;
    const date = t.date(row, c.date);
    const amount = t.money(row, c.amount, currency);

    if (kind === 'buy' || kind === 'sell') {
      if (symbol === '') t.fail(line, c.symbol, 'the symbol is empty');
      const quantity = t.quantity(row, c.quantity);
      const price = t.money(row, c.price, currency, { round: true });
      const commission = t.money(row, c.commission, currency, { optional: true });
      const fee = t.money(row, c.fees, currency, { optional: true });
      if (t.errors.length > before || !date || !amount || !quantity || !price) continue;
      const fees = Math.abs(commission?.minor ?? 0) + Math.abs(fee?.minor ?? 0);
      records.push({
        kind: 'trade', line, ...(account ? { account } : {}), date, side: kind, symbol, quantity, price,
        ...(fees ? { fees: { minor: fees, currency } } : {}), amount, description: action,
      });
      continue;
    }
    if (t.errors.length > before || !date || !amount) continue;
    if (kind === 'cash') {
      records.push({ kind: 'transaction', line, ...(account ? { account } : {}), date, amount, description: action });
      continue;
    }
    records.push({
      kind: 'income', line, ...(account ? { account } : {}), date, amount,
      incomeKind: kind === 'interest' ? 'interest' : 'dividend',
      source: SOURCE,
      ...(symbol ? { symbol } : {}),
      description: kind === 'tax' ? `Tax withheld: ${action}` : action,
    });
  }

  const notes: string[] = [];
  if (t.roundedCount) notes.push(`${plural(t.roundedCount, 'per-share price')} had more than 2 decimals and ${was(t.roundedCount)} rounded half to even to the cent.`);
  if (shareRows) notes.push(`${plural(shareRows, 'corporate action')} (splits, mergers) ${was(shareRows)} not imported: they change shares, not cash.`);
  if (coreRows) notes.push(`${plural(coreRows, 'move')} into or out of the core money-market position ${was(coreRows)} not imported: they move cash inside the account.`);
  notes.push(...footerNotes(disclaimer, downloaded));
  return { records, errors: t.errors, notes, dateOrder };
}

export const fidelityActivity: ImportFormat = {
  id: 'fidelity-activity',
  label: 'Fidelity — account history',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => Math.max(detectByHeader(rows, ACTIVITY_2025, ACTIVITY_OPTIONAL), detectByHeader(rows, ACTIVITY_2023, ACTIVITY_OPTIONAL)),
  parse: parseActivity,
};

// ------------------------------------------------------------------- positions

const POSITION_COLUMNS = ['Account Number', 'Account Name', 'Symbol', 'Current Value'];
const POSITION_OPTIONAL = ['Description', 'Quantity', 'Last Price', 'Last Price Change', "Today's Gain/Loss Dollar", 'Total Gain/Loss Dollar', 'Percent Of Account', 'Cost Basis Total', 'Average Cost Basis', 'Type'];

/** A core money-market position ("SPAXX**", "HELD IN MONEY MARKET"): cash, not a holding. */
const isCash = (symbol: string, description: string) => /\*\*$/.test(symbol) || /HELD IN MONEY MARKET|DEPOSIT SWEEP/i.test(description);

function parsePositions(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = findHeader(table.rows, POSITION_COLUMNS);
  if (at === -1) return noHeader(table, 'Fidelity positions export', POSITION_COLUMNS);
  const t = new Table(table.rows[at]!);
  const currency = options.currency ?? 'USD';
  const c = {
    number: t.column('Account Number'), name: t.column('Account Name'), symbol: t.column('Symbol'), description: t.column('Description'),
    quantity: t.column('Quantity'), price: t.column('Last Price'), value: t.column('Current Value'), cost: t.column('Cost Basis Total'),
  };
  const body = table.rows.slice(at + 1).filter((r) => !blank(r));
  let date: string | undefined;
  for (const row of body) if (isFooterText(row)) date ??= downloadDate(row.cells.find((x) => x.trim() !== '')!, options.dateOrder);
  const records: ImportedRecord[] = [];
  const totals = new Map<string, { line: number; sum: number }>();
  let disclaimer = 0;
  let cashRows = 0;
  let pendingRows = 0;

  for (const row of body) {
    if (isFooterText(row)) {
      if (!/^"?date downloaded/i.test(row.cells.find((x) => x.trim() !== '')!.trim())) disclaimer++;
      continue;
    }
    if (!t.complete(row)) continue;
    const line = row.line;
    const account = [t.cell(row, c.name), t.cell(row, c.number)].filter(Boolean).join(' ');
    const symbol = t.cell(row, c.symbol);
    const description = t.cell(row, c.description);
    const before = t.errors.length;
    const cash = isCash(symbol, description);
    const pending = /^pending activity$/i.test(symbol);
    const value: Money | undefined = t.money(row, c.value, currency, { optional: !cash && !pending });
    if (cash || pending) {
      if (t.errors.length > before || !value) continue;
      if (cash) cashRows++;
      else pendingRows++;
    } else {
      if (symbol === '') t.fail(line, c.symbol, 'the symbol is empty');
      const quantity = t.quantity(row, c.quantity);
      const price = t.money(row, c.price, currency, { optional: true, round: true });
      const costBasis = t.money(row, c.cost, currency, { optional: true });
      if (t.errors.length > before || !quantity) continue;
      records.push({
        kind: 'position', line, ...(account ? { account } : {}), ...(date ? { date } : {}), symbol, quantity,
        ...(price ? { price } : {}), ...(value ? { marketValue: value } : {}), ...(costBasis ? { costBasis } : {}), description,
      });
    }
    const total = totals.get(account) ?? { line, sum: 0 };
    total.sum += value?.minor ?? 0;
    totals.set(account, total);
  }
  for (const [account, total] of totals) {
    records.push({ kind: 'balance', line: total.line, ...(account ? { account } : {}), ...(date ? { date } : {}), amount: { minor: total.sum, currency } });
  }

  const notes: string[] = [];
  if (t.roundedCount) notes.push(`${plural(t.roundedCount, 'price')} had more than 2 decimals and ${was(t.roundedCount)} rounded half to even to the cent.`);
  if (totals.size) notes.push(`Each account's balance is the sum of its rows' "Current Value" (holdings, money-market cash and pending activity); the file gives no account total.`);
  if (cashRows) notes.push(`${plural(cashRows, 'money-market core position')} (such as SPAXX**) ${was(cashRows)} counted as cash in the balance, not as ${cashRows === 1 ? 'a holding' : 'holdings'}.`);
  if (pendingRows) notes.push(`${plural(pendingRows, '"Pending Activity" row')} ${was(pendingRows)} counted in the balance, not as ${pendingRows === 1 ? 'a holding' : 'holdings'}.`);
  if (date) notes.push(`The values are dated ${date}, the day of the "Date downloaded" line.`);
  else notes.push('The file does not say which day its values are for: they are dated the day of the import.');
  notes.push(...footerNotes(disclaimer, 0));
  return { records, errors: t.errors, notes };
}

export const fidelityPositions: ImportFormat = {
  id: 'fidelity-positions',
  label: 'Fidelity — positions',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => detectByHeader(rows, POSITION_COLUMNS, POSITION_OPTIONAL),
  parse: parsePositions,
};
