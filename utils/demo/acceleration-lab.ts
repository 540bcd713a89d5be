/**
 * The demo household's trading-lab records: the price files (one import per
 * symbol, its bars), the saved RSI strategy, and the paper account that has
 * followed it for a year with the fills the lab itself recorded.
 *
 * The fills are not made up here: they are what the lab's own forward run
 * (utils/trading/lab.ts labForward, the code "Update with new prices" runs
 * in the worker) returns for the account on these bars, with the ids the
 * store gives them (utils/db/trading-writes.ts recordLabFills:
 * "<account>#000000", "<account>#000001" …), so opening the lab finds the
 * account up to date and records nothing new. Pure.
 */
import { barId, type BarRecord, type LabAccount, type LabFill, type PriceImport, type StrategyRecord } from '@/utils/db/schema-trading';
import { labForward } from '@/utils/trading/lab';
import { parseDay } from '@/utils/portfolio/dates';
import { engineBar, type DemoBar } from './acceleration-bars';
import { noonOf } from './calendar';

export const STRATEGY_ID = 'demo-strategy-rsi2';
export const PAPER_ACCOUNT_ID = 'demo-lab-paper-rsi2';
export const PAPER_CAPITAL_CENTS = 500_000;

/** A short-term mean-reversion rule on the index fund: buy a sharp two-day dip, sell on the bounce above the 5-day average. */
export const STRATEGY_TEXT = 'buy when rsi(2) < 10\nsell when close > sma(5)\nsize 100%; fee 1; capital 5,000';

export const priceImportId = (symbol: string) => `demo-prices-${symbol.toLowerCase()}`;

/** One price file per symbol, imported on `importedOn`, and its bars. */
export function priceFile(symbol: string, bars: readonly DemoBar[], importedOn: string): { priceImport: PriceImport; bars: BarRecord[] } {
  const importId = priceImportId(symbol);
  return {
    priceImport: {
      id: importId,
      symbol,
      fileName: `${symbol}.csv`,
      layout: 'ohlcv',
      importedAt: noonOf(importedOn),
      added: bars.length,
      first: bars[0]!.date,
      last: bars[bars.length - 1]!.date,
      notes: [],
    },
    bars: bars.map((bar) => ({
      id: barId(symbol, bar.date),
      symbol,
      date: bar.date,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volume: bar.volume,
      importId,
    })),
  };
}

export interface PaperLab {
  strategy: StrategyRecord;
  account: LabAccount;
  fills: LabFill[];
}

/**
 * The strategy (saved the day before the account starts) and the paper
 * account following it from `startDay` on `symbol`'s bars, processed through
 * the last bar. Throws if the lab refuses the strategy (a bug in this file).
 */
export function paperLab(symbol: string, bars: readonly DemoBar[], startDay: string, savedOn: string): PaperLab {
  const strategy: StrategyRecord = {
    id: STRATEGY_ID,
    name: 'RSI(2) dip buyer',
    text: STRATEGY_TEXT,
    symbols: [symbol],
    createdAt: noonOf(savedOn),
  };
  const forward = labForward({
    text: STRATEGY_TEXT,
    symbols: [{ symbol, bars: bars.map(engineBar), closeOnly: false }],
    useAdjusted: true,
    currency: 'USD',
    capitalMinor: PAPER_CAPITAL_CENTS,
    startDay: parseDay(startDay)!,
    processedThrough: null,
  });
  if (!forward.ok) throw new Error(`The demo strategy does not run: ${forward.error}`);
  const account: LabAccount = {
    id: PAPER_ACCOUNT_ID,
    name: 'RSI(2) on BROAD (paper)',
    mode: 'paper',
    currency: 'USD',
    capital: { minor: PAPER_CAPITAL_CENTS, currency: 'USD' },
    strategyId: STRATEGY_ID,
    startDate: startDay,
    ...(forward.processedThrough !== null ? { processedThrough: forward.processedThrough } : {}),
    createdAt: noonOf(startDay),
  };
  const fills: LabFill[] = forward.fills.map((fill, i) => ({
    id: `${PAPER_ACCOUNT_ID}#${String(i).padStart(6, '0')}`,
    labAccountId: PAPER_ACCOUNT_ID,
    ...fill,
  }));
  return { strategy, account, fills };
}
