/**
 * Recurring leaks, live: the stored transactions, the person's leak marks and
 * category rules are read reactively; whenever they change (debounced), the
 * analytics worker categorizes every transaction (categorizeAll) and then
 * looks for recurring charges (findLeaks) with those categories. One worker
 * per mounted page, started when there is something to analyse and
 * terminated on unmount. One computation runs at a time; a change that
 * arrives meanwhile waits and only the newest is computed; an answer for an
 * older input is dropped, so the page never goes back to stale figures.
 *
 * The transactions come back newest first (read through the `at` index, no
 * sort in the page); the page renders them a page at a time.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { db } from '@/utils/db';
import type { AppSettings, Transaction } from '@/utils/db/schema';
import type { CategoryRule, LeakMark } from '@/utils/db/schema-import';
import { startAnalytics } from '@/utils/analytics/client';
import { leakInputFrom } from '@/utils/analytics/leak-input';
import type { CategorizeInput } from '@/utils/analytics/categories';
import type { CategoryGuess, LeakReport } from '@/utils/analytics/leak-types';
import { localIsoDate } from '@/entrypoints/options/leaksText';
import { useLiveQuery } from './useLiveQuery';

/** How long a burst of changes (an import writing, typing labels) settles before the worker runs. */
const DEBOUNCE_MS = 300;

export interface LeaksState {
  report?: LeakReport;
  /** Transaction id → its category and how it was decided. */
  guesses?: Record<string, CategoryGuess>;
  /** True while the worker works on the newest data. */
  computing: boolean;
  error?: string;
  /** Every stored transaction, newest first (undefined until read). */
  transactions?: Transaction[];
  rules?: CategoryRule[];
  marks?: LeakMark[];
  /** How many of the person's own labels the classifier learned from, and its categories. */
  trainedOn?: number;
  categories?: string[];
}

/** What categorizeAll reads: every transaction's text and the person's own category, and their rules. */
export function categorizeInputFrom(transactions: readonly Transaction[], rules: readonly CategoryRule[]): CategorizeInput {
  return {
    transactions: transactions.map((t) => ({
      id: t.id,
      description: t.description,
      ...(t.merchant !== undefined && t.merchant.trim() !== '' ? { merchant: t.merchant } : {}),
      ...(t.category !== undefined && t.category !== '' ? { category: t.category } : {}),
    })),
    rules: rules.map((r) => ({ id: r.id, pattern: r.pattern, category: r.category })),
  };
}

/** The report for no transactions at all: nothing recurs, nothing to save. */
export function emptyLeakReport(asOf: string, baseCurrency: string): LeakReport {
  const zero = { minor: 0, currency: baseCurrency };
  return { asOf, baseCurrency, recurring: [], duplicates: [], priceRises: [], unused: [], yearlyTotal: zero, yearlySavings: zero, excludedCurrencies: [] };
}

interface Snapshot {
  transactions: Transaction[];
  rules: CategoryRule[];
  marks: LeakMark[];
  settings: AppSettings;
}

type Categorized = { guesses: Record<string, CategoryGuess>; trainedOn: number; categories: string[] };

export function useLeaks(settings: AppSettings): LeaksState {
  const transactions = useLiveQuery(() => db.transactions.orderBy('at').reverse().toArray());
  const personal = useLiveQuery(async () => {
    const [rules, marks] = await Promise.all([db.categoryRules.toArray(), db.leakMarks.toArray()]);
    rules.sort((a, b) => a.createdAt - b.createdAt);
    return { rules, marks };
  });
  const [result, setResult] = useState<{ report?: LeakReport; categorized?: Categorized; error?: string; computing: boolean }>({ computing: true });

  const worker = useRef<ReturnType<typeof startAnalytics> | undefined>(undefined);
  const generation = useRef(0);
  const running = useRef(false);
  const waiting = useRef<{ snapshot: Snapshot; generation: number } | undefined>(undefined);
  // categorizeAll runs again only when the transactions or the rules changed (a mark alone does not change a category).
  const lastCategorized = useRef<{ transactions: Transaction[]; rules: CategoryRule[]; value: Categorized } | undefined>(undefined);
  const mounted = useRef(true);

  useEffect(
    () => () => {
      mounted.current = false;
      generation.current++;
      waiting.current = undefined;
      worker.current?.terminate();
      worker.current = undefined;
    },
    [],
  );

  const ratesKey = JSON.stringify(settings.rates);
  useEffect(() => {
    const txs = transactions.value;
    const mine = personal.value;
    if (!txs || !mine) return;
    const snapshot: Snapshot = { transactions: txs, rules: mine.rules, marks: mine.marks, settings };
    const gen = ++generation.current;
    setResult((r) => ({ ...r, computing: true }));
    const timer = setTimeout(() => {
      waiting.current = { snapshot, generation: gen };
      if (!running.current) void runWaiting();
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [transactions.value, personal.value, settings.baseCurrency, ratesKey]);

  async function runWaiting(): Promise<void> {
    while (waiting.current && mounted.current) {
      const { snapshot, generation: gen } = waiting.current;
      waiting.current = undefined;
      running.current = true;
      try {
        const computed = await compute(snapshot);
        if (gen === generation.current && mounted.current) setResult({ ...computed, error: undefined, computing: false });
      } catch (error) {
        if (gen === generation.current && mounted.current) {
          setResult((r) => ({ ...r, error: `The recurring charges could not be worked out: ${error instanceof Error ? error.message : String(error)}`, computing: false }));
        }
      } finally {
        running.current = false;
      }
    }
  }

  async function compute({ transactions: txs, rules, marks, settings: s }: Snapshot): Promise<{ report: LeakReport; categorized: Categorized }> {
    const asOf = localIsoDate();
    if (txs.length === 0) {
      return { report: emptyLeakReport(asOf, s.baseCurrency), categorized: { guesses: {}, trainedOn: 0, categories: [] } };
    }
    const api = (worker.current ??= startAnalytics()).api;
    let categorized = lastCategorized.current;
    if (!categorized || categorized.transactions !== txs || categorized.rules !== rules) {
      const value = await api.categorizeAll(categorizeInputFrom(txs, rules));
      categorized = { transactions: txs, rules, value };
      lastCategorized.current = categorized;
    }
    const categories: Record<string, string> = {};
    for (const [id, guess] of Object.entries(categorized.value.guesses)) categories[id] = guess.category;
    const report = await api.findLeaks(leakInputFrom(txs, marks, s, asOf, categories));
    return { report, categorized: categorized.value };
  }

  const readError = transactions.error ?? personal.error;
  return {
    computing: !readError && result.computing,
    transactions: transactions.value,
    rules: personal.value?.rules,
    marks: personal.value?.marks,
    ...(result.report ? { report: result.report } : {}),
    ...(result.categorized
      ? { guesses: result.categorized.guesses, trainedOn: result.categorized.trainedOn, categories: result.categorized.categories }
      : {}),
    ...(readError
      ? { error: `Could not read your transactions: ${readError.message}` }
      : result.error
        ? { error: result.error }
        : {}),
  };
}
