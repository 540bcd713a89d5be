/**
 * `strata import FILE [--format ID] [--currency XXX] [--date-order MDY|DMY|YMD]` and
 * `strata leaks TRANSACTIONS.csv [--as-of YYYY-MM-DD] [--currency XXX] [--format ID] [--date-order …]`
 * (README "strata import", "strata leaks"). Files are read exactly as the
 * options page reads them; nothing is stored.
 */
import { readFileSync, statSync } from 'node:fs';
import { findLeaks } from '../../utils/analytics/leaks';
import type { LeakTransaction } from '../../utils/analytics/leak-types';
import { MAX_IMPORT_BYTES } from '../../utils/importers/csv';
import { readImport, toParsedImport, type ReadImportOptions } from '../../utils/importers';
import { FORMAT_IDS, type DateOrder, type FormatId, type ImportReading } from '../../utils/importers/types';
import { isCurrencyCode } from '../../utils/money';
import { parseDay } from '../../utils/portfolio/dates';
import { parseArgs } from '../args';
import { EXIT_USAGE, printJson as print, usageError, type CliResult, type Command } from '../types';


const DATE_ORDERS: readonly DateOrder[] = ['MDY', 'DMY', 'YMD'];

type Read = { ok: true; reading: ImportReading } | { ok: false; result: CliResult };

function readFile(command: string, usage: string, file: string, flags: Record<string, string>): Read {
  const options: ReadImportOptions = {};
  if (flags.format !== undefined) {
    if (!(FORMAT_IDS as readonly string[]).includes(flags.format)) {
      return { ok: false, result: usageError(command, usage, `unknown format "${flags.format}" (known: ${FORMAT_IDS.join(', ')})`) };
    }
    options.format = flags.format as FormatId;
  }
  if (flags.currency !== undefined) {
    if (!isCurrencyCode(flags.currency)) return { ok: false, result: usageError(command, usage, `--currency must be an ISO 4217 code such as USD, got "${flags.currency}"`) };
    options.currency = flags.currency;
  }
  if (flags['date-order'] !== undefined) {
    if (!(DATE_ORDERS as readonly string[]).includes(flags['date-order'])) return { ok: false, result: usageError(command, usage, '--date-order must be MDY, DMY or YMD') };
    options.dateOrder = flags['date-order'] as DateOrder;
  }
  let bytes: Uint8Array;
  try {
    // A file past the limit is refused by its size, without reading it.
    const size = statSync(file).size;
    bytes = size > MAX_IMPORT_BYTES ? new Uint8Array(size) : readFileSync(file);
  } catch (error) {
    return { ok: false, result: print({ error: `cannot read ${file}: ${(error as Error).message}` }, EXIT_USAGE) };
  }
  return { ok: true, reading: readImport(bytes, options) };
}

/** Exit 0 when the file was read as a known layout (refused rows are listed, not fatal); 2 when nothing could be read. */
function exitCodeOf(reading: ImportReading): number {
  const nothingRead = reading.records.length === 0 && reading.errors.length > 0;
  return reading.format === null || nothingRead || reading.errors.some((e) => e.line === 0) ? EXIT_USAGE : 0;
}

const IMPORT_USAGE = 'import FILE [--format ID] [--currency XXX] [--date-order MDY|DMY|YMD]';

export const importCommand: Command = {
  summary: 'read an export file (brokerage, OFX, income report, bank) and print its records and refused rows as JSON; nothing is stored',
  usage: IMPORT_USAGE,
  run(args) {
    const parsed = parseArgs(args, ['format', 'currency', 'date-order']);
    if (!parsed.ok) return usageError('import', IMPORT_USAGE, parsed.error);
    if (parsed.positionals.length !== 1) return usageError('import', IMPORT_USAGE, 'give exactly one file');
    const read = readFile('import', IMPORT_USAGE, parsed.positionals[0]!, parsed.flags);
    if (!read.ok) return read.result;
    return print(toParsedImport(read.reading), exitCodeOf(read.reading));
  },
};

const LEAKS_USAGE = 'leaks TRANSACTIONS.csv [--as-of YYYY-MM-DD] [--currency XXX] [--format ID] [--date-order MDY|DMY|YMD]';

export const leaksCommand: Command = {
  summary: 'find recurring charges, duplicate subscriptions and price rises in bank or card transactions',
  usage: LEAKS_USAGE,
  run(args) {
    const parsed = parseArgs(args, ['as-of', 'currency', 'format', 'date-order']);
    if (!parsed.ok) return usageError('leaks', LEAKS_USAGE, parsed.error);
    if (parsed.positionals.length !== 1) return usageError('leaks', LEAKS_USAGE, 'give exactly one file');
    const asOfFlag = parsed.flags['as-of'];
    if (asOfFlag !== undefined && parseDay(asOfFlag) === null) return usageError('leaks', LEAKS_USAGE, '--as-of must be a date written YYYY-MM-DD');
    const read = readFile('leaks', LEAKS_USAGE, parsed.positionals[0]!, parsed.flags);
    if (!read.ok) return read.result;
    const { reading } = read;
    const transactions: LeakTransaction[] = [];
    const currencies = new Map<string, number>();
    for (const r of reading.records) {
      if (r.kind !== 'transaction') continue;
      transactions.push({ id: `line-${r.line}`, date: r.date, amount: r.amount, description: r.description, ...(r.account ? { accountId: r.account } : {}), ...(r.category ? { category: r.category } : {}) });
      currencies.set(r.amount.currency, (currencies.get(r.amount.currency) ?? 0) + 1);
    }
    if (transactions.length === 0) {
      return print({ error: 'the file holds no bank or card transactions', format: reading.format, errors: reading.errors }, EXIT_USAGE);
    }
    const baseCurrency = parsed.flags.currency ?? [...currencies].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    // Without --as-of, "today" is the file's last day, so the same file always gives the same answer.
    const asOf = asOfFlag ?? transactions.reduce((max, t) => (t.date > max ? t.date : max), transactions[0]!.date);
    const report = findLeaks({ transactions, asOf, baseCurrency, rates: {}, unusedKeys: [] });
    return print({ format: reading.format, transactions: transactions.length, ...report, errors: reading.errors });
  },
};
