/**
 * The analytics functions the worker exposes, as one plain object. Pure: no
 * browser globals, so it runs the same in the worker, in Node tests and in the
 * bench. Every argument and result is structured-clone safe.
 */
import { incomeForMonth } from './income';
import { netWorthSeries, summarizeNetWorth } from './netWorth';
import { computePlan } from './plan';
import { project } from './projection';
import { portfolioReport } from '../portfolio/report';
import { labBacktest, labForward, labModel } from '../trading/lab';

/**
 * computePlan and project take an optional progress callback as their last
 * argument; across the worker boundary pass it wrapped in Comlink.proxy().
 */
export const analyticsApi = { netWorthSeries, summarizeNetWorth, incomeForMonth, computePlan, project, portfolioReport, labBacktest, labForward, labModel };
export type AnalyticsApi = typeof analyticsApi;
