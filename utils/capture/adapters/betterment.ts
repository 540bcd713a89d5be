/**
 * Betterment — the Summary page (app.betterment.com/summary).
 *
 * The top shows "Total balance" and "Total earned" (a return, not money
 * held). Below, the goals are listed under their account type ("Investing",
 * "Retirement", "Cash"). Each goal shows its name as a heading or in the
 * row's first cell ("Safety Net", "General Investing", "Roth IRA", "Cash
 * Reserve"), the legal account it lives in, its "Balance", what it "Earned"
 * and, for goals with a target, the "Target" amount. A goal is an account
 * here. "Total balance" only sums the goals below it.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const bettermentAdapter: SiteAdapter = {
  id: 'betterment',
  version: 1,
  name: 'Betterment',
  hosts: ['app.betterment.com'],
  paths: ['/summary'],
  layer: 'foundation',
  accountKind: 'robo',
  currency: 'USD',
  figures: [
    { key: 'total-balance', kind: 'balance', labels: ['Total balance'], scope: 'page', total: true },
    { key: 'goal-balance', kind: 'balance', labels: ['Balance'], scope: 'account' },
  ],
  accounts: { nameFrom: 'auto' },
};
