/**
 * The analytics API as the worker serves it: the same functions, but results
 * holding large typed arrays hand their buffers over to the page
 * (Comlink.transfer) instead of copying them. Pure apart from Comlink's
 * bookkeeping; the worker shell only exposes it.
 */
import * as Comlink from 'comlink';
import { analyticsApi, type AnalyticsApi } from './api';
import type { NetWorthSeries } from './netWorth';

/** Every distinct ArrayBuffer behind the series' arrays (a buffer may be listed only once). */
export function seriesBuffers(series: NetWorthSeries): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of [series.days, series.total, ...Object.values(series.byLayer)]) {
    buffers.add(array.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** Wraps a series-returning function so its result's buffers are transferred, not copied. */
export function transferringSeries<Args extends unknown[]>(
  produce: (...args: Args) => NetWorthSeries,
): (...args: Args) => NetWorthSeries {
  return (...args: Args) => {
    const series = produce(...args);
    return Comlink.transfer(series, seriesBuffers(series));
  };
}

export const workerAnalyticsApi: AnalyticsApi = {
  ...analyticsApi,
  netWorthSeries: transferringSeries(analyticsApi.netWorthSeries),
};
