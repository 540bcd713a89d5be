/**
 * Planning an import: where each record of a reading goes (accounts and
 * streams, existing or to be created), the database record it becomes, and
 * which are already stored. Reads only; commitImport (import-writes.ts)
 * writes the plan in one transaction.
 *
 * Every record's id is a fingerprint of what it says (kind, account or
 * stream, day, amounts, symbol, text) plus its occurrence among identical
 * rows of the file, so importing the same file twice — or two exports that
 * overlap — adds each row once: an id already stored is a duplicate.
 * Trades get "imp-b-…"/"imp-s-…" ids so a day's buys replay before its sells.
 */
import { normalizeMerchant } from '../analytics/merchants';
import { fingerprint } from '../importers/fingerprint';
import type { ImportError, ImportedRecord } from '../importers/types';
import { parseQty } from '../portfolio/quantity';
import type { StrataDB } from './database';
import * as v from 'valibot';
import { checkRecord, toFieldIssue } from './errors';
import type { AccountChoice, ImportCommitInput, ImportPreview } from './import-types';
import {
  AccountSchema,
  BalanceSnapshotSchema,
  HoldingSchema,
  IncomeEventSchema,
  StreamSchema,
  TaxLotSchema,
  TransactionSchema,
  type Account,
  type Layer,
  type Stream,
} from './schema';
import { existingDividendStream } from './portfolio-writes';
import { dividendStreamName, TradeSchema } from './schema-portfolio';

/** The tables an import adds records to. */
export const IMPORT_TABLES = ['transactions', 'trades', 'incomeEvents', 'holdings', 'taxLots', 'balanceSnapshots'] as const;
export type ImportTable = (typeof IMPORT_TABLES)[number];

const SCHEMAS: Record<ImportTable, v.GenericSchema> = {
  transactions: TransactionSchema,
  trades: TradeSchema,
  incomeEvents: IncomeEventSchema,
  holdings: HoldingSchema,
  taxLots: TaxLotSchema,
  balanceSnapshots: BalanceSnapshotSchema,
};

export interface ImportPlan extends ImportPreview {
  newAccounts: Account[];
  newStreams: Stream[];
  records: Record<ImportTable, { id: string }[]>;
}

/** Noon UTC of a YYYY-MM-DD day: the day reads the same in every time zone from UTC−11 to UTC+11. */
export function noonOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
}

const FOUNDATION_KINDS = new Set(['dividend', 'interest']);
const LEVERAGE_KINDS = new Set(['ad-revenue', 'affiliate-commission', 'sponsorship']);

function layerOfIncome(kind: string): Layer {
  if (FOUNDATION_KINDS.has(kind)) return 'foundation';
  if (LEVERAGE_KINDS.has(kind)) return 'leverage';
  if (kind === 'trading-gain' || kind === 'options-premium') return 'acceleration';
  return 'compounding';
}

const lower = (s: string) => s.trim().toLowerCase();

/** Whether a record needs an account: everything but income earned outside an account (ads, affiliate, sales). */
function needsAccount(r: ImportedRecord): boolean {
  return r.kind !== 'income' || FOUNDATION_KINDS.has(r.incomeKind);
}

/** The plan of an import; `importId` goes into every record's provenance. */
export async function planImport(db: StrataDB, input: ImportCommitInput, newId: () => string, importId = 'preview'): Promise<ImportPlan> {
  const now = input.now ?? Date.now();
  const { records } = input.reading;
  const accounts = (await db.accounts.toArray()).filter((a) => a.archivedAt === undefined);
  const allStreams = await db.streams.toArray();
  const streams = allStreams.filter((s) => s.archivedAt === undefined);
  const isBank = input.format.startsWith('bank-') || input.format === 'mapping';

  // ---- accounts, per label of the file
  const labels = new Map<string, { count: number; currency: string }>();
  for (const r of records) {
    if (!needsAccount(r)) continue;
    const label = r.account ?? '';
    const entry = labels.get(label);
    if (entry) entry.count++;
    else labels.set(label, { count: 1, currency: currencyOf(r) });
  }
  const accountOf = new Map<string, Account>();
  const newAccounts: Account[] = [];
  const preview: ImportPreview = { accounts: [], streams: [], add: {}, duplicates: 0, duplicateLines: [], refused: input.reading.errors.length, unstorable: [] };
  for (const [label, { count, currency }] of labels) {
    const choice: AccountChoice | undefined = input.accounts?.[label];
    let account: Account | undefined;
    if (choice && 'accountId' in choice) account = accounts.find((a) => a.id === choice.accountId);
    if (!account && !choice) account = matchAccount(accounts, input.institution, label);
    let create = false;
    if (!account) {
      const name = choice && 'create' in choice ? choice.create.name : label || (isBank ? 'Imported transactions' : 'Imported');
      const kind = choice && 'create' in choice ? choice.create.kind : isBank ? 'cash' : 'brokerage';
      account = {
        id: newId(),
        institution: input.institution,
        name,
        kind,
        layer: 'foundation',
        currency,
        taxType: kind === 'cash' ? 'none' : 'taxable',
        createdAt: now,
      };
      newAccounts.push(account);
      create = true;
    }
    accountOf.set(label, account);
    preview.accounts.push({ label, accountId: create ? undefined : account.id, name: account.name, create, records: count });
  }

  // ---- streams for income records
  const streamOf = new Map<string, Stream>();
  const newStreams: Stream[] = [];
  const streamCounts = new Map<Stream, number>();
  const streamFor = (r: Extract<ImportedRecord, { kind: 'income' }>): Stream => {
    const account = FOUNDATION_KINDS.has(r.incomeKind) ? accountOf.get(r.account ?? '') : undefined;
    const name = account ? dividendStreamName(account) : r.source;
    const key = `${account?.id ?? ''}|${lower(name)}`;
    let stream = streamOf.get(key);
    if (!stream) {
      stream = account ? existingDividendStream(allStreams, account) : streams.find((s) => lower(s.name) === lower(name));
      if (!stream) {
        stream = { id: newId(), name, layer: layerOfIncome(r.incomeKind), startedAt: noonOf(r.date), hoursPerMonth: 0 };
        if (account) stream.accountId = account.id;
        newStreams.push(stream);
      }
      streamOf.set(key, stream);
    }
    if (newStreams.includes(stream) && noonOf(r.date) < stream.startedAt) stream.startedAt = noonOf(r.date);
    streamCounts.set(stream, (streamCounts.get(stream) ?? 0) + 1);
    return stream;
  };

  // ---- the records
  const out: Record<ImportTable, { id: string }[]> = { transactions: [], trades: [], incomeEvents: [], holdings: [], taxLots: [], balanceSnapshots: [] };
  const lines: Record<ImportTable, number[]> = { transactions: [], trades: [], incomeEvents: [], holdings: [], taxLots: [], balanceSnapshots: [] };
  const unstorable: ImportError[] = [];
  const seen = new Map<string, number>();
  const today = new Date(now).toISOString().slice(0, 10);
  const importDescription = (line: number) => `Imported from ${input.fileName} line ${line}`;
  const idFor = (prefix: string, text: string) => {
    const hash = fingerprint(text);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${prefix}${n === 1 ? hash : fingerprint(`${text}#${n}`)}`;
  };

  for (const r of records) {
    const provenance = { description: importDescription(r.line), importId, row: r.line };
    const account = needsAccount(r) ? accountOf.get(r.account ?? '')! : undefined;
    const accountId = account?.id ?? '';
    let table: ImportTable;
    let record: Record<string, unknown>;
    switch (r.kind) {
      case 'transaction': {
        table = 'transactions';
        const merchant = normalizeMerchant(r.description).name;
        // The bank's own category is kept as provenance, not as `category`: that field is the person's label, which trains the classifier.
        const withCategory = r.category ? { ...provenance, label: `Bank category: ${r.category}`.slice(0, 500) } : provenance;
        record = { id: idFor('imp-', `t|${accountId}|${r.date}|${r.amount.minor}|${r.amount.currency}|${r.description}`), accountId, at: noonOf(r.date), amount: r.amount, description: r.description.slice(0, 500), merchant: merchant.slice(0, 200), source: 'import', provenance: withCategory };
        break;
      }
      case 'trade': {
        table = 'trades';
        const text = `r|${accountId}|${r.date}|${r.side}|${r.symbol}|${r.quantity}|${r.price.minor}|${r.price.currency}`;
        record = { id: idFor(r.side === 'buy' ? 'imp-b-' : 'imp-s-', text), accountId, symbol: r.symbol, side: r.side, quantity: r.quantity, price: r.price, date: r.date, source: 'import', provenance };
        break;
      }
      case 'income': {
        table = 'incomeEvents';
        const stream = streamFor(r);
        const text = `i|${stream.id}|${r.date}|${r.amount.minor}|${r.amount.currency}|${r.incomeKind}|${r.symbol ?? ''}|${r.description ?? ''}`;
        const label = [r.symbol, r.description].filter(Boolean).join(' — ').slice(0, 500);
        record = { id: idFor('imp-', text), streamId: stream.id, at: noonOf(r.date), amount: r.amount, kind: r.incomeKind, source: 'import', provenance: label ? { ...provenance, label } : provenance };
        break;
      }
      case 'position': {
        table = 'holdings';
        const date = r.date ?? today;
        record = { id: idFor('imp-', `p|${accountId}|${date}|${r.symbol}|${r.quantity}|${r.marketValue?.minor ?? ''}`), accountId, symbol: r.symbol, quantity: r.quantity, asOf: noonOf(date), source: 'import', provenance };
        if (r.description) record.name = r.description.slice(0, 200);
        if (r.marketValue) record.marketValue = r.marketValue;
        break;
      }
      case 'lot': {
        table = 'taxLots';
        record = { id: idFor('imp-', `l|${accountId}|${r.symbol}|${r.acquired}|${r.quantity}|${r.costBasis.minor}|${r.costBasis.currency}`), accountId, symbol: r.symbol, acquiredAt: noonOf(r.acquired) - 12 * 3_600_000, quantity: r.quantity, costBasis: r.costBasis, source: 'import', provenance };
        break;
      }
      case 'balance': {
        table = 'balanceSnapshots';
        const date = r.date ?? today;
        record = { id: idFor('imp-', `b|${accountId}|${date}|${r.amount.minor}|${r.amount.currency}`), accountId, at: noonOf(date), amount: r.amount, source: 'import', provenance };
        break;
      }
    }
    // The record is built without undefined fields, so valibot can check it as it is (checkRecord would copy it first).
    const checked = v.safeParse(SCHEMAS[table], record);
    if (!checked.success) {
      unstorable.push({ line: r.line, column: '', reason: `cannot be stored: ${checked.issues.map((i) => toFieldIssue(i).message).join('; ')}` });
      continue;
    }
    out[table].push(checked.output as { id: string });
    lines[table].push(r.line);
  }

  // ---- sales of shares not held (the portfolio would refuse them)
  await dropUncoveredSells(db, out, lines, unstorable);

  // ---- duplicates
  const plan: ImportPlan = { ...preview, newAccounts, newStreams, records: out, unstorable };
  for (const table of IMPORT_TABLES) {
    const list = out[table];
    if (list.length === 0) continue;
    const stored = new Set(await db.table(table).toCollection().primaryKeys());
    const fresh: { id: string }[] = [];
    list.forEach((record, i) => {
      if (stored.has(record.id)) {
        plan.duplicates++;
        if (plan.duplicateLines.length < 50) plan.duplicateLines.push(lines[table][i]!);
      } else fresh.push(record);
    });
    out[table] = fresh;
    if (fresh.length > 0) plan.add[table] = fresh.length;
  }
  plan.duplicateLines.sort((a, b) => a - b);
  // Accounts and streams are only created when something new goes into them.
  const usedAccounts = new Set<string>();
  const usedStreams = new Set<string>();
  for (const table of IMPORT_TABLES) {
    for (const record of out[table] as { accountId?: string; streamId?: string }[]) {
      if (record.accountId) usedAccounts.add(record.accountId);
      if (record.streamId) usedStreams.add(record.streamId);
    }
  }
  for (const stream of newStreams) if (usedStreams.has(stream.id) && stream.accountId) usedAccounts.add(stream.accountId);
  plan.newAccounts = newAccounts.filter((a) => usedAccounts.has(a.id));
  plan.newStreams = newStreams.filter((s) => usedStreams.has(s.id));
  for (const account of plan.newAccounts) {
    const checked = checkRecord(AccountSchema, account, '');
    if (checked.issues.length > 0) unstorable.push({ line: 0, column: '', reason: `the account "${account.name}" cannot be created: ${checked.issues.map((i) => i.message).join('; ')}` });
  }
  for (const stream of plan.newStreams) {
    const checked = checkRecord(StreamSchema, stream, '');
    if (checked.issues.length > 0) unstorable.push({ line: 0, column: '', reason: `the stream "${stream.name}" cannot be created: ${checked.issues.map((i) => i.message).join('; ')}` });
  }
  plan.streams = [...streamCounts].map(([stream, count]) => ({
    name: stream.name,
    streamId: newStreams.includes(stream) ? undefined : stream.id,
    create: newStreams.includes(stream),
    records: count,
  }));
  return plan;
}

function currencyOf(r: ImportedRecord): string {
  switch (r.kind) {
    case 'trade':
      return r.price.currency;
    case 'lot':
      return r.costBasis.currency;
    case 'position':
      return r.marketValue?.currency ?? r.price?.currency ?? r.costBasis?.currency ?? 'USD';
    default:
      return r.amount.currency;
  }
}

/** An existing account for a file's label: same institution and name, else same name, else (no label) the institution's only account. */
function matchAccount(accounts: readonly Account[], institution: string, label: string): Account | undefined {
  const sameInstitution = accounts.filter((a) => lower(a.institution) === lower(institution));
  if (label === '') return sameInstitution.length === 1 ? sameInstitution[0] : undefined;
  const l = lower(label);
  return (
    sameInstitution.find((a) => lower(a.name) === l) ??
    accounts.find((a) => lower(a.name) === l || lower(`${a.institution} ${a.name}`) === l)
  );
}

/**
 * Leaves out sells of more shares than the account holds then (open lots,
 * stored trades and this file's trades, by day, buys before sells), naming
 * each: the portfolio would otherwise refuse the whole account.
 */
async function dropUncoveredSells(
  db: StrataDB,
  out: Record<ImportTable, { id: string }[]>,
  lines: Record<ImportTable, number[]>,
  unstorable: ImportError[],
): Promise<void> {
  type T = { id: string; accountId: string; symbol: string; side: string; quantity: string; date: string };
  const trades = out.trades as T[];
  if (!trades.some((t) => t.side === 'sell')) return;
  const accountIds = [...new Set(trades.map((t) => t.accountId))];
  const events: { key: string; day: string; delta: number; order: number; index: number }[] = [];
  for (const lot of await db.taxLots.where('accountId').anyOf(accountIds).toArray()) {
    if (lot.soldAt !== undefined) continue;
    events.push({ key: `${lot.accountId}|${lot.symbol}`, day: new Date(lot.acquiredAt).toISOString().slice(0, 10), delta: parseQty(lot.quantity) ?? 0, order: 0, index: -1 });
  }
  const storedIds = new Set<string>();
  for (const t of await db.trades.where('accountId').anyOf(accountIds).toArray()) {
    storedIds.add(t.id);
    const q = parseQty(t.quantity) ?? 0;
    events.push({ key: `${t.accountId}|${t.symbol}`, day: t.date, delta: t.side === 'sell' ? -q : q, order: t.side === 'sell' ? 2 : 1, index: -1 });
  }
  trades.forEach((t, index) => {
    if (storedIds.has(t.id)) return; // a duplicate: already counted
    const q = parseQty(t.quantity) ?? 0;
    events.push({ key: `${t.accountId}|${t.symbol}`, day: t.date, delta: t.side === 'sell' ? -q : q, order: t.side === 'sell' ? 2 : 1, index });
  });
  events.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order));
  const drop = new Set<number>();
  let key = '';
  let held = 0;
  for (const e of events) {
    if (e.key !== key) {
      key = e.key;
      held = 0;
    }
    if (e.delta < 0 && held + e.delta < 0) {
      if (e.index >= 0) {
        drop.add(e.index);
        const t = trades[e.index]!;
        unstorable.push({
          line: lines.trades[e.index]!,
          column: '',
          reason: `sells ${t.quantity} ${t.symbol} on ${t.date}, but the account holds only ${(held / 1e6).toString()} then: import its positions or tax lots, or the earlier activity, first`,
        });
        continue;
      }
    }
    held += e.delta;
  }
  if (drop.size === 0) return;
  out.trades = trades.filter((_, i) => !drop.has(i));
  lines.trades = lines.trades.filter((_, i) => !drop.has(i));
}
