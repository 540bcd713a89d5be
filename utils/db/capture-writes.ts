/**
 * The write API for what capture produces: balances kept one per account and
 * local day, income for a period updated in place, metric snapshots (MRR,
 * counts), the person's mappings of figures to accounts, and one call that
 * writes a whole confirmed capture in a single transaction.
 *
 * Same conventions as write.ts: every record is validated against its schema
 * and against the records it points at; a refused write throws a
 * ValidationError and changes nothing.
 */
import type { Table } from 'dexie';
import type { StrataDB } from './database';
import { parseRecord, ValidationError, type FieldIssue } from './errors';
import { createLookup, type RecordKind, type recordKinds } from './record-kinds';
import type {
  BalanceSnapshot,
  CaptureMapping,
  IncomeEvent,
  IncomePeriod,
  MetricSnapshot,
} from './schema';
import type { NewAccount, NewBalanceSnapshot, NewIncomeEvent, NewRecord, NewStream, Patch } from './write';

export type NewMetricSnapshot = NewRecord<MetricSnapshot>;
export type NewCaptureMapping = NewRecord<CaptureMapping, 'createdAt' | 'updatedAt'>;
/** An income event that covers a period: `period` and `periodKey` are required. */
export type NewPeriodIncome = NewIncomeEvent & { period: IncomePeriod; periodKey: string };
/** A mapping to remember: matched by siteId + figureKey + accountName, so no id. */
export type CaptureMappingInput = Omit<NewCaptureMapping, 'id'>;

/**
 * Everything one confirmed capture writes (planned by utils/capture/ingest.ts).
 * New accounts and streams carry their ids, so the other records can point at
 * them.
 */
export interface CaptureWrites {
  accounts: (NewAccount & { id: string })[];
  streams: (NewStream & { id: string })[];
  /** Balance snapshots, source "capture": one per account and local day (a later one replaces). */
  snapshots: NewBalanceSnapshot[];
  /** Income for a period: same stream + periodKey updates the stored event. */
  income: NewPeriodIncome[];
  /** Metric snapshots, source "capture": one per owner, metric and local day. */
  metrics: NewMetricSnapshot[];
  mappings: CaptureMappingInput[];
}

/** What writing a capture did. */
export interface CaptureWriteReport {
  /** Snapshots, income events and metric snapshots written (new or replacing). */
  saved: number;
  /** How many of those replaced a capture of the same day or period. */
  replaced: number;
  created: { accounts: number; streams: number };
}

/** The pieces of write.ts's store that these writes build on. */
export interface WriteContext {
  db: StrataDB;
  kinds: ReturnType<typeof recordKinds>;
  now: () => number;
  newId: () => string;
  inTransaction<R>(tables: Table<any, string> | Table<any, string>[], body: () => Promise<R>): Promise<R>;
  insert<T extends { id: string }>(kind: RecordKind<T>, input: { id: string }): Promise<T>;
  update<T extends { id: string }>(kind: RecordKind<T>, id: string, patch: Patch<T> | ((stored: T) => Patch<T>)): Promise<T>;
  remove<T extends { id: string }>(kind: RecordKind<T>, id: string): Promise<void>;
}

const DAY_MS = 86_400_000;
/** The widest offsets in use: UTC−12 to UTC+14. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** [start, end) in epoch ms of the local day holding `at`, at a fixed offset east of UTC. */
export function localDayBounds(at: number, tzOffsetMinutes: number): [number, number] {
  const offset = tzOffsetMinutes * 60_000;
  const start = Math.floor((at + offset) / DAY_MS) * DAY_MS - offset;
  return [start, start + DAY_MS];
}

function checkOffset(tzOffsetMinutes: number): void {
  if (!Number.isInteger(tzOffsetMinutes) || Math.abs(tzOffsetMinutes) > MAX_OFFSET_MINUTES) {
    throw new ValidationError([
      {
        field: 'tzOffsetMinutes',
        message: `tzOffsetMinutes must be a whole number of minutes between -${MAX_OFFSET_MINUTES} and ${MAX_OFFSET_MINUTES}`,
      },
    ]);
  }
}

function mustBeCapture(source: unknown): void {
  if (source !== 'capture') {
    throw new ValidationError([
      { field: 'source', message: 'source must be "capture": only captured records are kept one per day' },
    ]);
  }
}

export function createCaptureWrites(ctx: WriteContext) {
  const { db, kinds, inTransaction } = ctx;
  const withId = <I extends { id?: string }>(input: I): I & { id: string } => ({ ...input, id: input.id ?? ctx.newId() });

  async function referenceIssues<T extends { id: string }>(kind: RecordKind<T>, record: T): Promise<void> {
    const issues: FieldIssue[] = kind.references ? await kind.references(record, '', createLookup(db)) : [];
    if (issues.length > 0) throw new ValidationError(issues);
  }

  /**
   * Writes `record` in place of `sameSlot` (the stored records it replaces:
   * the first keeps its id, the others are deleted), or as a new record.
   */
  async function replaceOrAdd<T extends { id: string }>(
    kind: RecordKind<T>,
    record: T,
    sameSlot: T[],
    explicitId: boolean,
  ): Promise<{ record: T; replaced: number }> {
    await referenceIssues(kind, record);
    const [kept, ...extra] = sameSlot;
    const stored = kept ? { ...record, id: kept.id } : record;
    if (!kept && explicitId && (await kind.table.get(record.id)) !== undefined) {
      throw new ValidationError([{ field: 'id', message: `id: a ${kind.what} with id "${record.id}" already exists` }]);
    }
    if (extra.length > 0) await kind.table.bulkDelete(extra.map((r) => r.id));
    await kind.table.put(stored);
    return { record: stored, replaced: sameSlot.length > 0 ? 1 : 0 };
  }

  /**
   * Saves a captured balance, keeping at most one source "capture" snapshot
   * per account and local day: a capture on a day that already has one
   * replaces it (same id). Snapshots entered by hand or imported are never
   * touched.
   */
  async function putCaptureSnapshot(
    input: NewBalanceSnapshot,
    tzOffsetMinutes: number,
  ): Promise<{ snapshot: BalanceSnapshot; replaced: boolean }> {
    checkOffset(tzOffsetMinutes);
    mustBeCapture(input.source);
    const kind = kinds.balanceSnapshot;
    const record = parseRecord(kind.schema, withId(input));
    return inTransaction([db.balanceSnapshots, db.accounts], async () => {
      const [start, end] = localDayBounds(record.at, tzOffsetMinutes);
      const sameDay = await db.balanceSnapshots
        .where('[accountId+at]')
        .between([record.accountId, start], [record.accountId, end], true, false)
        .filter((s) => s.source === 'capture')
        .toArray();
      const { record: snapshot, replaced } = await replaceOrAdd(kind, record, sameDay, input.id !== undefined);
      return { snapshot, replaced: replaced > 0 };
    });
  }

  /** Like putCaptureSnapshot for metrics: one capture per owner, metric and local day. */
  async function putCaptureMetric(
    input: NewMetricSnapshot,
    tzOffsetMinutes: number,
  ): Promise<{ metric: MetricSnapshot; replaced: boolean }> {
    checkOffset(tzOffsetMinutes);
    mustBeCapture(input.source);
    const kind = kinds.metricSnapshot;
    const record = parseRecord(kind.schema, withId(input));
    return inTransaction([db.metricSnapshots, db.accounts, db.streams], async () => {
      const [start, end] = localDayBounds(record.at, tzOffsetMinutes);
      const sameDay = await db.metricSnapshots
        .where('metric')
        .equals(record.metric)
        .filter(
          (m) =>
            m.source === 'capture' &&
            m.accountId === record.accountId &&
            m.streamId === record.streamId &&
            m.at >= start &&
            m.at < end,
        )
        .toArray();
      const { record: metric, replaced } = await replaceOrAdd(kind, record, sameDay, input.id !== undefined);
      return { metric, replaced: replaced > 0 };
    });
  }

  /**
   * Saves income for a period: if the stream already has an event with the
   * same periodKey, that event is updated (amount, time, provenance, period
   * words; its id stays); otherwise the event is added.
   */
  async function upsertIncomeForPeriod(input: NewPeriodIncome): Promise<{ event: IncomeEvent; replaced: boolean }> {
    const missing: FieldIssue[] = [];
    if (input.period === undefined) missing.push({ field: 'period', message: 'period is required' });
    if (input.periodKey === undefined) missing.push({ field: 'periodKey', message: 'periodKey is required' });
    if (missing.length > 0) throw new ValidationError(missing);
    const kind = kinds.incomeEvent;
    const record = parseRecord(kind.schema, withId(input));
    return inTransaction([db.incomeEvents, db.streams], async () => {
      const samePeriod = await db.incomeEvents
        .where('[streamId+periodKey]')
        .equals([record.streamId, record.periodKey!])
        .toArray();
      const { record: event, replaced } = await replaceOrAdd(kind, record, samePeriod, input.id !== undefined);
      return { event, replaced: replaced > 0 };
    });
  }

  /**
   * Remembers what the person chose for a figure: updates the mapping of the
   * same siteId + figureKey + accountName (keeping its id and createdAt), or
   * adds one.
   */
  async function putCaptureMapping(input: CaptureMappingInput): Promise<{ mapping: CaptureMapping; created: boolean }> {
    const kind = kinds.captureMapping;
    const at = ctx.now();
    const record = parseRecord(kind.schema, { ...input, id: ctx.newId(), createdAt: at, updatedAt: at });
    return inTransaction([db.captureMappings, db.accounts, db.streams], async () => {
      const stored = await db.captureMappings
        .where('[siteId+figureKey+accountName]')
        .equals([record.siteId, record.figureKey, record.accountName])
        .first();
      const mapping = stored ? { ...record, id: stored.id, createdAt: stored.createdAt } : record;
      await referenceIssues(kind, mapping);
      await db.captureMappings.put(mapping);
      return { mapping, created: stored === undefined };
    });
  }

  /**
   * Writes a whole confirmed capture in one transaction: the new accounts and
   * streams first, then the balances, income, metrics and mappings. If any
   * record is refused, nothing at all is written.
   */
  async function applyCaptureWrites(writes: CaptureWrites, tzOffsetMinutes: number): Promise<CaptureWriteReport> {
    checkOffset(tzOffsetMinutes);
    const tables = [
      db.accounts,
      db.streams,
      db.balanceSnapshots,
      db.incomeEvents,
      db.metricSnapshots,
      db.captureMappings,
    ];
    return inTransaction(tables, async () => {
      const at = ctx.now();
      for (const account of writes.accounts) {
        const record: NewAccount & { id: string } = { ...account, createdAt: account.createdAt ?? at };
        await ctx.insert(kinds.account, record);
      }
      for (const stream of writes.streams) await ctx.insert(kinds.stream, stream);
      let saved = 0;
      let replaced = 0;
      const count = (wasReplaced: boolean) => {
        saved += 1;
        if (wasReplaced) replaced += 1;
      };
      for (const snapshot of writes.snapshots) count((await putCaptureSnapshot(snapshot, tzOffsetMinutes)).replaced);
      for (const event of writes.income) count((await upsertIncomeForPeriod(event)).replaced);
      for (const metric of writes.metrics) count((await putCaptureMetric(metric, tzOffsetMinutes)).replaced);
      for (const mapping of writes.mappings) await putCaptureMapping(mapping);
      return { saved, replaced, created: { accounts: writes.accounts.length, streams: writes.streams.length } };
    });
  }

  return {
    // metric snapshots
    addMetricSnapshot: (input: NewMetricSnapshot) => ctx.insert(kinds.metricSnapshot, withId(input)),
    updateMetricSnapshot: (id: string, patch: Patch<MetricSnapshot>) => ctx.update(kinds.metricSnapshot, id, patch),
    deleteMetricSnapshot: (id: string) => ctx.remove(kinds.metricSnapshot, id),
    putCaptureMetric,

    // capture mappings
    addCaptureMapping: (input: NewCaptureMapping) => {
      const at = ctx.now();
      const record = withId({ ...input, createdAt: input.createdAt ?? at, updatedAt: input.updatedAt ?? at });
      return ctx.insert(kinds.captureMapping, record);
    },
    updateCaptureMapping: (id: string, patch: Patch<CaptureMapping>) =>
      ctx.update(kinds.captureMapping, id, { ...patch, updatedAt: patch.updatedAt ?? ctx.now() }),
    deleteCaptureMapping: (id: string) => ctx.remove(kinds.captureMapping, id),
    putCaptureMapping,

    // capture
    putCaptureSnapshot,
    upsertIncomeForPeriod,
    applyCaptureWrites,
  };
}
