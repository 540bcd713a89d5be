/// <reference types="vite/client" />
/**
 * Starts the analytics worker for a page (popup, options, site demo) and
 * returns its Comlink proxy: `await api.netWorthSeries(input)`.
 * Call `terminate()` when the page goes away.
 */
import * as Comlink from 'comlink';
import type { AnalyticsApi } from './api';
import AnalyticsWorker from './worker?worker';

export function startAnalytics(): { api: Comlink.Remote<AnalyticsApi>; terminate(): void } {
  const worker = new AnalyticsWorker();
  const api = Comlink.wrap<AnalyticsApi>(worker);
  return {
    api,
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
