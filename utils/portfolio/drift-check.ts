/**
 * The daily drift check (background alarm, and after every portfolio edit in
 * the options page): replay the stored portfolio, measure drift, set the
 * toolbar badge, and notify when a class newly left its band and the person
 * allowed notifications. Browser APIs come in as `DriftSignals`, so this
 * runs in Node tests with fakes.
 */
import type { StrataDB } from '../db/database';
import { loadPortfolio } from '../db/portfolio';
import type { Store } from '../db/write';
import { driftAlert, driftFailure, type DriftAlert } from './drift-alert';
import { driftReport } from './drift';
import { buildLedger } from './ledger';

export const DRIFT_ALARM = 'strata-drift-check';
export const DRIFT_PERIOD_MINUTES = 24 * 60;

export interface DriftSignals {
  setBadge(text: string, title: string): Promise<void>;
  /** Only called when the person turned notifications on. Resolves false when the browser refused (permission not granted). */
  notify(title: string, message: string): Promise<boolean>;
}

export async function runDriftCheck(db: StrataDB, store: Store, signals: DriftSignals, now: number): Promise<DriftAlert> {
  const settings = await store.getPortfolioSettings();
  let alert: DriftAlert;
  try {
    const { portfolio } = await loadPortfolio(db);
    if (Object.keys(portfolio.targets).length === 0) {
      alert = { badgeText: '', title: 'Strata: no allocation targets set', notification: null, outside: [] };
    } else {
      const ledger = buildLedger(portfolio);
      alert = driftAlert(driftReport(portfolio, ledger.open), settings.lastDriftCheck?.outside ?? []);
    }
  } catch (error) {
    alert = driftFailure((error as Error).message);
  }
  await signals.setBadge(alert.badgeText, alert.title);
  if (alert.notification !== null && settings.driftNotifications) {
    await signals.notify(alert.notification.title, alert.notification.message);
  }
  if (alert.badgeText !== '!') await store.savePortfolioSettings({ lastDriftCheck: { at: now, outside: alert.outside } });
  return alert;
}
