/**
 * Walk-forward check (issue 6, trading lab): does a strategy's edge over
 * buy-and-hold survive data it was not looked at on?
 *
 * The bars from the end of the warm-up to the last bar are cut into
 * folds + 1 near-equal blocks (boundaries at floor(k·N/(folds+1))). Fold i
 * (0-based) is in-sample = blocks 0..i (expanding, anchored at the start)
 * and out-of-sample = block i+1. Each segment is a separate backtest with
 * from/to: it starts flat, its indicators use all earlier history for
 * warm-up and never later data. edge = strategy Sharpe − buy-and-hold
 * Sharpe over the segment (a missing Sharpe counts as 0).
 */
import { prepareBacktest, type PreparedBacktest } from './backtest';
import type { PriceSeries, Strategy, WalkForwardFold, WalkForwardReport } from './types';

/** A block shorter than this says nothing about a Sharpe ratio. */
export const MIN_BLOCK_BARS = 20;

/** "+0.42", "−0.10" (a real minus sign, for people). */
function signed(x: number): string {
  const text = Math.abs(x).toFixed(2);
  if (text === '0.00') return '0.00';
  return x > 0 ? `+${text}` : `−${text}`;
}

function edgeOf(prepared: PreparedBacktest, from: number, to: number): number {
  const result = prepared.run({ from, to }, false);
  return (result.metrics.sharpe ?? 0) - (result.benchmark.sharpe ?? 0);
}

export function walkForward(strategy: Strategy, seriesList: PriceSeries[], folds = 4): WalkForwardReport {
  return walkForwardOf(prepareBacktest(strategy, seriesList), folds);
}

/**
 * The walk-forward check of a prepared backtest: its signals (and model) were
 * evaluated once on the whole history (they are causal); each segment is its
 * own run. Lets a caller that also shows the full backtest prepare it once.
 */
export function walkForwardOf(prepared: PreparedBacktest, folds = 4): WalkForwardReport {
  const blocks = Math.max(1, Math.floor(folds)) + 1;
  const full = prepared.run({}, false);
  const dates = full.dates; // bars firstSignalIndex..end
  const bars = dates.length;
  if (Math.floor(bars / blocks) < MIN_BLOCK_BARS) {
    const needed = blocks * MIN_BLOCK_BARS;
    const warmup = full.firstSignalIndex > 0 ? ` after the ${full.firstSignalIndex}-bar warm-up` : '';
    return {
      folds: [],
      inSampleEdge: 0,
      outOfSampleEdge: 0,
      overfit: false,
      verdict: `Too few bars for a walk-forward check: ${blocks - 1} folds need at least ${needed} bars${warmup} (${blocks} blocks of ${MIN_BLOCK_BARS}); there are ${bars}.`,
    };
  }
  const boundary = (b: number) => Math.floor((b * bars) / blocks); // first bar of block b
  const result: WalkForwardFold[] = [];
  let inSum = 0;
  let outSum = 0;
  for (let i = 0; i < blocks - 1; i++) {
    const inFrom = dates[0]!;
    const inTo = dates[boundary(i + 1) - 1]!;
    const outFrom = dates[boundary(i + 1)]!;
    const outTo = dates[boundary(i + 2) - 1]!;
    const inEdge = edgeOf(prepared, inFrom, inTo);
    const outEdge = edgeOf(prepared, outFrom, outTo);
    inSum += inEdge;
    outSum += outEdge;
    result.push({ inSample: { from: inFrom, to: inTo, edge: inEdge }, outOfSample: { from: outFrom, to: outTo, edge: outEdge } });
  }
  const inSampleEdge = inSum / result.length;
  const outOfSampleEdge = outSum / result.length;
  const overfit = inSampleEdge > 0 && outOfSampleEdge <= 0;
  let verdict: string;
  if (overfit) {
    verdict = `In sample it beat buy-and-hold (Sharpe ${signed(inSampleEdge)}), out of sample it did not (${signed(outOfSampleEdge)}): the edge does not survive new data; treat it as overfit.`;
  } else if (inSampleEdge > 0) {
    verdict = `It beat buy-and-hold in sample (Sharpe ${signed(inSampleEdge)}) and out of sample (${signed(outOfSampleEdge)}) over ${result.length} folds: the edge held up on bars each fold had not seen. That is evidence, not a promise.`;
  } else {
    verdict = `It did not beat buy-and-hold even in sample (Sharpe ${signed(inSampleEdge)}; out of sample ${signed(outOfSampleEdge)}): there is no edge to carry forward.`;
  }
  return { folds: result, inSampleEdge, outOfSampleEdge, overfit, verdict };
}
