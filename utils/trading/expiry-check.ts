/**
 * The options expiry reminder (background alarm, daily, and after every edit
 * of the options log): open positions expiring within the person's reminder
 * days, or past expiry without an outcome, become a notification once each
 * when the person turned notifications on. The options page shows the same
 * list whatever the setting. Browser APIs come in as `ExpirySignals`, so
 * this runs in Node tests with fakes.
 */
import type { StrataDB } from '../db/database';
import { optionOfRecord } from '../db/trading';
import type { Store } from '../db/write';
import { dayOfTimestamp, formatDay } from '../portfolio/dates';
import { expiryReminders } from './options';

export const EXPIRY_ALARM = 'strata-options-expiry';
export const EXPIRY_PERIOD_MINUTES = 12 * 60;

export interface ExpirySignals {
  /** Resolves false when the browser refused (permission not granted). */
  notify(id: string, title: string, message: string): Promise<boolean>;
}

export interface ExpiryCheck {
  reminders: { id: string; title: string; message: string }[];
  notified: string[];
}

/** `now`: epoch ms; "today" is the local calendar day of `offsetMinutes` (Date#getTimezoneOffset). */
export async function runExpiryCheck(db: StrataDB, store: Store, signals: ExpirySignals, now: number, offsetMinutes = 0): Promise<ExpiryCheck> {
  const settings = await store.getTradingSettings();
  const today = dayOfTimestamp(now - offsetMinutes * 60_000);
  const positions = (await db.optionPositions.toArray()).map(optionOfRecord);
  const reminders = expiryReminders(positions, today, settings.reminderDays);
  const byId = new Map(positions.map((p) => [p.id, p]));
  const key = (id: string) => `${id}@${formatDay(byId.get(id)!.expiry)}`;
  const already = new Set(settings.reminded ?? []);
  const notified: string[] = [];
  if (settings.expiryNotifications) {
    for (const reminder of reminders) {
      if (already.has(key(reminder.id))) continue;
      if (await signals.notify(`strata-expiry-${reminder.id}`, reminder.title, reminder.message)) notified.push(key(reminder.id));
    }
  }
  // Keep only keys of reminders still due, so the list stays short.
  const due = new Set(reminders.map((r) => key(r.id)));
  const kept = [...already].filter((k) => due.has(k)).concat(notified).sort();
  if (kept.join('\n') !== [...already].sort().join('\n')) await store.saveTradingSettings({ reminded: kept });
  return { reminders, notified };
}
