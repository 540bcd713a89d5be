/**
 * The Trading lab's stored records, live (price files on file, strategies,
 * lab accounts with their fills, the options log, the lab's settings), and
 * the analytics worker the section runs its backtests, forward runs and the
 * learned signal in (one worker for the section, terminated when it goes
 * away). Reads are split so that importing prices re-reads only the symbols,
 * and recording a fill does not re-count the bars.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { listSymbols, loadBars, type SymbolOnFile } from '@/utils/db/trading';
import type { LabAccount, LabFill, OptionPositionRecord, StrategyRecord, TradingSettings } from '@/utils/db/schema-trading';
import { startAnalytics } from '@/utils/analytics/client';
import type { LabSymbolBars } from '@/utils/trading/lab';
import { parseDay } from '@/utils/portfolio/dates';
import { useLiveQuery } from './useLiveQuery';

export type AnalyticsHandle = ReturnType<typeof startAnalytics>;

export interface TradingData {
  symbols: SymbolOnFile[];
  strategies: StrategyRecord[];
  accounts: LabAccount[];
  fills: LabFill[];
  options: OptionPositionRecord[];
  settings: TradingSettings;
}

export interface TradingLab {
  /** Undefined until every read has answered once. */
  data: TradingData | undefined;
  error: string | undefined;
  /** The section's worker, started on first use. */
  worker(): AnalyticsHandle;
  /** The bars of these symbols, as the worker takes them (a symbol without bars comes with none). */
  barsFor(symbols: readonly string[]): Promise<LabSymbolBars[]>;
  /**
   * Runs an account's strategy over the bars that arrived since it last
   * ran and records the new fills. Returns what happened, in words; throws
   * when the strategy cannot run (its text, missing prices) or the store refuses.
   */
  updateAccount(account: LabAccount): Promise<string>;
}

export function useTradingLab(): TradingLab {
  const symbols = useLiveQuery(() => listSymbols(db));
  const records = useLiveQuery(async () => {
    const [strategies, accounts, fills, options, settings] = await Promise.all([
      db.strategies.toArray(),
      db.labAccounts.toArray(),
      db.labFills.toArray(),
      db.optionPositions.toArray(),
      store.getTradingSettings(),
    ]);
    strategies.sort((a, b) => a.name.localeCompare(b.name));
    accounts.sort((a, b) => a.createdAt - b.createdAt);
    return { strategies, accounts, fills, options, settings };
  });

  const handle = useRef<AnalyticsHandle | undefined>(undefined);
  useEffect(
    () => () => {
      handle.current?.terminate();
      handle.current = undefined;
    },
    [],
  );

  // The newest data for the callbacks below, which are made once.
  const latest = useRef<TradingData | undefined>(undefined);
  const data = useMemo<TradingData | undefined>(
    () => (symbols.value && records.value ? { symbols: symbols.value, ...records.value } : undefined),
    [symbols.value, records.value],
  );
  latest.current = data;
  const failure = symbols.error ?? records.error;

  const actions = useMemo(() => {
    const worker = () => (handle.current ??= startAnalytics());
    const barsFor = async (wanted: readonly string[]): Promise<LabSymbolBars[]> => {
      const onFile = latest.current?.symbols ?? (await listSymbols(db));
      return Promise.all(
        wanted.map(async (symbol) => ({
          symbol,
          bars: await loadBars(db, symbol),
          closeOnly: onFile.find((s) => s.symbol === symbol)?.closeOnly ?? false,
        })),
      );
    };
    // One update per account at a time; each reads the account afresh, so a second run never records the same fills again.
    const inFlight = new Map<string, Promise<string>>();
    const updateAccount = (given: LabAccount): Promise<string> => {
      const running = inFlight.get(given.id);
      if (running) return running;
      const run = forward(given.id).finally(() => inFlight.delete(given.id));
      inFlight.set(given.id, run);
      return run;
    };
    const forward = async (id: string): Promise<string> => {
      const account = await db.labAccounts.get(id);
      if (!account) return 'The account no longer exists.';
      const strategy = account.strategyId ? await db.strategies.get(account.strategyId) : undefined;
      if (!strategy) return `${account.name} follows no strategy: nothing to update.`;
      const settings = latest.current?.settings ?? (await store.getTradingSettings());
      const result = await worker().api.labForward({
        text: strategy.text,
        symbols: await barsFor(strategy.symbols),
        useAdjusted: settings.useAdjusted,
        currency: account.currency,
        capitalMinor: account.capital.minor,
        startDay: parseDay(account.startDate)!,
        processedThrough: account.processedThrough ? parseDay(account.processedThrough)! : null,
      });
      if (!result.ok) throw new Error(result.error);
      const through = result.processedThrough;
      if (through === null || (result.fills.length === 0 && through === (account.processedThrough ?? null))) {
        return account.processedThrough
          ? `${account.name}: no new prices since ${account.processedThrough}.`
          : `${account.name}: no prices after its start day (${account.startDate}) yet.`;
      }
      await store.recordLabFills(account.id, result.fills, through);
      const n = result.fills.length;
      return `${account.name}: ${n === 0 ? 'no new fills' : `${n} new fill${n === 1 ? '' : 's'} recorded`}; processed through ${through}.`;
    };
    return { worker, barsFor, updateAccount };
  }, []);

  return { ...actions, data, error: failure ? `Could not read the trading lab: ${failure.message}` : undefined };
}
