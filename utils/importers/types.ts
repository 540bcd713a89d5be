/**
 * The contracts of the importers: what a file reader produces, before
 * anything touches the database. Every record names the physical line it was
 * read from; every refusal names its line, column and reason.
 *
 * Conventions (README "Importing files"):
 * - Dates are calendar days written YYYY-MM-DD (the file's own day; no time
 *   zone conversion).
 * - Money is integer minor units plus an ISO 4217 code (utils/money). A
 *   figure the file gives more precisely than its currency's minor unit (a
 *   per-share price of 123.4567) is rounded half to even and the record says
 *   so in `notes` of the import.
 * - Quantities are exact decimal strings with at most 6 decimals ("12.5").
 * - Signs follow the money: negative is money leaving the person (a card
 *   charge, a buy's cash amount, a fee, tax withheld).
 */
import type { Money } from '../money';
import type { IncomeKind } from '../db/schema';
import type { DateOrderResolution } from './dates';

/** A calendar day written YYYY-MM-DD. */
export type IsoDate = string;

/** Which way a file writes its numeric dates. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

export type FormatGroup = 'brokerage' | 'income' | 'bank';

export const FORMAT_IDS = [
  'schwab-transactions',
  'schwab-positions',
  'schwab-lots',
  'fidelity-activity',
  'fidelity-positions',
  'vanguard-csv',
  'robinhood-activity',
  'tdameritrade-transactions',
  'betterment-transactions',
  'betterment-lots',
  'ibkr-flex-trades',
  'ibkr-flex-cash',
  'ibkr-activity-statement',
  'ofx',
  'amazon-associates-earnings',
  'adsense',
  'youtube-revenue',
  'stripe-balance',
  'stripe-payouts',
  'gumroad-sales',
  'lemonsqueezy-orders',
  'bank-signed-amount',
  'bank-debit-credit',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

interface RecordBase {
  /** The physical line (1-based) the row starts on; for OFX, the line of the statement entry's first tag. */
  line: number;
  /** The account as the file names it ("Individual ...876", "X8YYYYYYY", "U1234567"); absent when the file does not say. */
  account?: string;
}

/** A bank or card transaction, or a cash movement in a brokerage account (deposit, transfer, fee). */
export interface TransactionRecord extends RecordBase {
  kind: 'transaction';
  date: IsoDate;
  /** Negative for money going out. */
  amount: Money;
  description: string;
  /** The bank's own category when the file has one. */
  category?: string;
}

/** A purchase or sale of a security on its trade date. Reinvested dividends are buys (the dividend is its own income record). */
export interface TradeRecord extends RecordBase {
  kind: 'trade';
  date: IsoDate;
  side: 'buy' | 'sell';
  symbol: string;
  /** Shares, positive, at most 6 decimals. */
  quantity: string;
  /** Per share, rounded half to even to the currency's minor unit. */
  price: Money;
  /** Commission and fees, positive (absent when the file has none). */
  fees?: Money;
  /** The cash the trade moved as the file states it: negative for a buy. */
  amount?: Money;
  description?: string;
}

/** Money earned: a dividend, interest, ad or affiliate earnings, a sale. May be negative (tax withheld, a refund, a fee). */
export interface IncomeRecord extends RecordBase {
  kind: 'income';
  date: IsoDate;
  /** What reached the person: net of the fees the file lists. */
  amount: Money;
  incomeKind: IncomeKind;
  /** Where it was earned, as a stream name: "Amazon Associates", "Google AdSense", "Dividends", a product's name. */
  source: string;
  symbol?: string;
  /** Before fees, when the file gives both. */
  gross?: Money;
  description?: string;
}

/** A holding on a statement day. */
export interface PositionRecord extends RecordBase {
  kind: 'position';
  /** The day the file's values are for (its "as of"); absent when the file does not say (the import day is used). */
  date?: IsoDate;
  symbol: string;
  quantity: string;
  price?: Money;
  marketValue?: Money;
  costBasis?: Money;
  description?: string;
}

/** An open tax lot. */
export interface LotRecord extends RecordBase {
  kind: 'lot';
  symbol: string;
  acquired: IsoDate;
  quantity: string;
  costBasis: Money;
  marketValue?: Money;
}

/** An account's total value on a day, as the file states it ("Account Total", an OFX balance). */
export interface BalanceRecord extends RecordBase {
  kind: 'balance';
  date?: IsoDate;
  amount: Money;
}

export type ImportedRecord = TransactionRecord | TradeRecord | IncomeRecord | PositionRecord | LotRecord | BalanceRecord;
export type ImportedKind = ImportedRecord['kind'];

/** A refused row or value. `column` is the header's text as the file writes it ("Amount ($)"), or "" for the whole line. */
export interface ImportError {
  line: number;
  column: string;
  reason: string;
}

/** One row of the file as papaparse read it: cells as text, and the physical line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** What the file reader hands a format: the rows, and how the text was read. */
export interface CsvTable {
  rows: CsvRow[];
  delimiter: string;
  /** "utf-8", "utf-16le" or "utf-16be". */
  encoding: string;
}

export interface FormatOptions {
  /** The currency to use where the file names none (the chosen account's, else the base currency). Default "USD". */
  currency?: string;
  /** Forces the numeric date order instead of resolving it from the file. */
  dateOrder?: DateOrder;
}

/** What a format's parse returns. */
export interface FormatOutput {
  records: ImportedRecord[];
  errors: ImportError[];
  /** Plain sentences for the preview: assumptions made, rows skipped on purpose and why ("The 'Transactions Total' line is a total, not a transaction."). */
  notes: string[];
  /** How numeric dates were read, when the file has any (the preview shows it, with a switch when `assumed`). */
  dateOrder?: DateOrderResolution;
}

/** A file layout Strata reads. Pure: no browser globals. */
export interface ImportFormat {
  id: FormatId;
  /** "Charles Schwab — transactions". */
  label: string;
  group: FormatGroup;
  /** The institution or service, used to name created accounts and streams: "Charles Schwab", "Amazon Associates". */
  institution: string;
  /**
   * How sure the format is that this file is its layout, from the first rows
   * (header and preamble): 0 = not this layout; higher is more specific (the
   * number of its distinctive header cells found). Must not throw.
   */
  detect(rows: readonly CsvRow[]): number;
  parse(table: CsvTable, options: FormatOptions): FormatOutput;
  /**
   * For layouts that are not CSV (OFX/QFX): detect and parse from the whole
   * text. When present, the registry calls these instead of the CSV pair
   * (whose detect then returns 0).
   */
  text?: {
    detect(text: string): number;
    parse(text: string, options: FormatOptions): FormatOutput;
  };
}

/** The outcome of reading one file: what `strata import` prints (README "strata import"). */
export interface ParsedImport {
  format: FormatId | null;
  records: ImportedRecord[];
  errors: ImportError[];
  notes: string[];
}

/** What the preview needs beyond ParsedImport (the worker's readImport returns this; the CLI prints only ParsedImport's fields). */
export interface ImportReading extends ParsedImport {
  /** Every format that recognised the file, best first, for the override list. */
  candidates: { id: FormatId; label: string; score: number }[];
  /** The header row used (mapping step and saved mappings), when the file is a table. */
  header?: string[];
  /** The rows under the header, up to 20, for the mapping step's live preview. */
  sample?: string[][];
  encoding: string;
  delimiter: string;
  /** Rows of data read (refused ones included; header, preamble and blank lines not). */
  rowsRead: number;
  dateOrder?: DateOrderResolution;
  /** The format's group and institution, for naming created accounts and streams. */
  group?: FormatGroup;
  institution?: string;
}

/**
 * A person's mapping of an unknown layout's columns, saved per header
 * (headerKey) and offered the next time the same header is seen. Columns are
 * named by their header text as the file writes it.
 */
export interface ColumnMapping {
  /** What each row is. */
  kind: 'transaction' | 'trade' | 'income';
  columns: {
    date: string;
    description?: string;
    /** One signed amount column… */
    amount?: string;
    /** …or money out and money in in two columns (both positive in the file). */
    debit?: string;
    credit?: string;
    currency?: string;
    account?: string;
    category?: string;
    symbol?: string;
    quantity?: string;
    price?: string;
    /** Trade side column ("Buy"/"Sell"); without it the quantity's sign decides. */
    side?: string;
  };
  /** Numeric date order; absent = resolved from the file. */
  dateOrder?: DateOrder;
  /** Currency when there is no currency column. */
  currency?: string;
  /** True when a positive amount is money going out (some card exports). */
  invertSign?: boolean;
  /** Income only: the kind and the stream name. */
  incomeKind?: IncomeKind;
  source?: string;
}
