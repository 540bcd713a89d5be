/** The analytics Web Worker: exposes the analytics API over Comlink, nothing else. */
import * as Comlink from 'comlink';
import { workerAnalyticsApi } from './transfer';

Comlink.expose(workerAnalyticsApi);
