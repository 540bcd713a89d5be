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
import { readImport, type ReadImportOptions } from '../importers';
import type { ImportReading } from '../importers/types';
import { findLeaks } from './leaks';
import { categorizeAll } from './categories';

/**
 * Reads an export file's bytes (papaparse, in the worker) with progress:
 * the reading the import preview shows. `onProgress` gets 0..1.
 */
function readImportFile(bytes: Uint8Array, options: Omit<ReadImportOptions, 'onProgress'>, onProgress?: (share: number) => void): ImportReading {
  return readImport(bytes, onProgress ? { ...options, onProgress } : options);
}

/**
 * computePlan and project take an optional progress callback as their last
 * argument; across the worker boundary pass it wrapped in Comlink.proxy().
 */
export const analyticsApi = { netWorthSeries, summarizeNetWorth, incomeForMonth, computePlan, project, portfolioReport, labBacktest, labForward, labModel, readImportFile, findLeaks, categorizeAll };
export type AnalyticsApi = typeof analyticsApi;
