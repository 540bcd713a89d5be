/**
 * The analytics functions the worker exposes, as one plain object. Pure: no
 * browser globals, so it runs the same in the worker, in Node tests and in the
 * bench. Every argument and result is structured-clone safe.
 */
import { incomeForMonth } from './income';
import { netWorthSeries, summarizeNetWorth } from './netWorth';

export const analyticsApi = { netWorthSeries, summarizeNetWorth, incomeForMonth };
export type AnalyticsApi = typeof analyticsApi;
