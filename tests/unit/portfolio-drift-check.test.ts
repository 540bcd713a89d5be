/**
 * The daily drift check: what the badge, its tooltip and the notification
 * say, from the stored portfolio (the household fixture: US total market
 * −9.23 points and international +9.22 points, both outside their ±5-point
 * bands), and that a drift is notified once, only when the person allowed it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrataDB } from '@/utils/db/database';
import { importPortfolio } from '@/utils/db/portfolio';
import { createStore, type Store } from '@/utils/db/write';
import { driftAlert } from '@/utils/portfolio/drift-alert';
import { runDriftCheck, type DriftSignals } from '@/utils/portfolio/drift-check';
import type { DriftReport } from '@/utils/portfolio/types';
import { freshDb } from '../fixtures/db/records';

const HOUSEHOLD = readFileSync(fileURLToPath(new URL('../fixtures/portfolio/household.json', import.meta.url)), 'utf8');
const NOW = Date.UTC(2026, 10, 24, 9);

const report = (classes: [string, number, number, boolean][]): DriftReport => ({
  totalMinor: 100_000,
  classes: classes.map(([assetClass, driftBasisPoints, bandBasisPoints, outside]) => ({
    assetClass,
    valueMinor: 0,
    shareBasisPoints: 0,
    targetBasisPoints: 0,
    driftBasisPoints,
    bandBasisPoints,
    outside,
  })),
  outside: classes.filter((c) => c[3]).map((c) => c[0]),
  unpriced: [],
});

describe('driftAlert', () => {
  it('puts the number of classes outside on the badge and names them in the tooltip', () => {
    const alert = driftAlert(report([['us-bonds', 620, 500, true], ['reits', -130, 125, true], ['us-total-market', 100, 500, false]]), []);
    expect(alert.badgeText).toBe('±2');
    expect(alert.title).toBe('Strata: 2 asset classes are outside their band: US bonds +6.20 points (band ±5.00); REITs −1.30 points (band ±1.25)');
    expect(alert.notification).toEqual({
      title: 'Time to rebalance',
      message: "US bonds is +6.20 points from its target; REITs is −1.30 points from its target. Strata's Portfolio page has the trades that bring it back.",
    });
    expect(alert.outside).toEqual(['us-bonds', 'reits']);
  });

  it('notifies only the classes that newly left their band', () => {
    const alert = driftAlert(report([['us-bonds', 620, 500, true], ['reits', -130, 125, true]]), ['us-bonds']);
    expect(alert.notification?.message).toMatch(/^REITs is −1\.30 points/);
    expect(driftAlert(report([['us-bonds', 620, 500, true]]), ['us-bonds']).notification).toBeNull();
  });

  it('clears the badge when every class is inside', () => {
    expect(driftAlert(report([['us-bonds', 500, 500, false]]), ['us-bonds'])).toEqual({
      badgeText: '',
      title: 'Strata: every asset class is inside its band',
      notification: null,
      outside: [],
    });
  });
});

describe('runDriftCheck', () => {
  let db: StrataDB;
  let store: Store;
  let badges: [string, string][];
  let notes: [string, string][];
  const signals: DriftSignals = {
    setBadge: async (text, title) => void badges.push([text, title]),
    notify: async (title, message) => {
      notes.push([title, message]);
      return true;
    },
  };

  beforeEach(async () => {
    db = freshDb();
    store = createStore(db);
    badges = [];
    notes = [];
  });
  afterEach(async () => {
    await db.delete();
  });

  it('says nothing is set up when there are no targets', async () => {
    await runDriftCheck(db, store, signals, NOW);
    expect(badges).toEqual([['', 'Strata: no allocation targets set']]);
  });

  it('shows the household drift on the badge, and notifies once when allowed', async () => {
    await importPortfolio(db, HOUSEHOLD, NOW);
    await runDriftCheck(db, store, signals, NOW);
    expect(badges[0]![0]).toBe('±2');
    expect(badges[0]![1]).toContain('US total market −9.23 points (band ±5.00); International developed +9.22 points (band ±5.00)');
    expect(notes).toEqual([]); // notifications are off by default
    expect((await store.getPortfolioSettings()).lastDriftCheck).toEqual({ at: NOW, outside: ['us-total-market', 'intl-developed'] });

    await store.savePortfolioSettings({ driftNotifications: true, lastDriftCheck: { at: NOW, outside: [] } });
    await runDriftCheck(db, store, signals, NOW + 1);
    expect(notes.length).toBe(1);
    expect(notes[0]![1]).toContain('US total market is −9.23 points from its target');
    await runDriftCheck(db, store, signals, NOW + 2); // the next day: still outside, not notified again
    expect(notes.length).toBe(1);
  });

  it('shows "!" with the reason when the stored trades cannot be replayed', async () => {
    await importPortfolio(db, HOUSEHOLD, NOW);
    const [sell] = await db.trades.where('symbol').equals('SCHB').toArray();
    await db.trades.update(sell!.id, { quantity: '1000' }); // sells 1,000 SCHB; 100 are held
    await runDriftCheck(db, store, signals, NOW);
    expect(badges[0]![0]).toBe('!');
    expect(badges[0]![1]).toMatch(/^Strata: the drift check failed: .*SCHB/);
  });
});
