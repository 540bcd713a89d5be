/**
 * The facts the landing page's privacy promise and the privacy policy both
 * state, kept in one place so the two cannot disagree: what the extension
 * stores (every IndexedDB table, grouped and put in words) and each
 * permission of the manifest (wxt.config.ts) with why it is asked for.
 *
 * Checked by tests/site/privacy.test.tsx: every table of the database is in
 * exactly one group, and every permission the manifest declares is here.
 * Words only, never HTML.
 */
import type { BackupTableName } from '@/utils/backup/format';

export interface StoredDataGroup {
  /** "Accounts and balances". */
  heading: string;
  /** What a person would recognise, in a sentence. */
  words: string;
  /** The IndexedDB tables this covers. */
  tables: BackupTableName[];
}

/** Every table of the extension's database, in words. */
export const STORED_DATA_GROUPS: readonly StoredDataGroup[] = [
  {
    heading: 'Accounts and balances',
    words:
      'the accounts you add (the institution and the name you give them), balance snapshots over time, and ' +
      'recurring-revenue and subscriber-count readings',
    tables: ['accounts', 'balanceSnapshots', 'metricSnapshots'],
  },
  {
    heading: 'Investments',
    words: 'holdings, tax lots, trades, prices you enter or import, your allocation targets and portfolio settings',
    tables: ['holdings', 'taxLots', 'trades', 'prices', 'allocationTargets', 'portfolioSettings'],
  },
  {
    heading: 'Income',
    words: 'your income streams (with the hours a month you estimate each takes), each income payment, and each stream’s costs',
    tables: ['streams', 'incomeEvents', 'streamCosts'],
  },
  {
    heading: 'Imported transactions',
    words:
      'transactions from the files you import, a log of each import (file name, time and counts, not the file), ' +
      'the column mappings you made, your category rules and the recurring charges you marked',
    tables: ['transactions', 'imports', 'importMappings', 'categoryRules', 'leakMarks'],
  },
  {
    heading: 'Your plan and settings',
    words: 'plan settings and your assessment answers, cash needs, debts, and the app settings (base currency, exchange rates you set, number format, theme)',
    tables: ['planSettings', 'cashNeeds', 'debts', 'settings'],
  },
  {
    heading: 'Capture choices',
    words:
      'the pages you taught (site, label and where the number sits) and, per site, which account or stream each ' +
      'figure goes to and whether to save it without asking',
    tables: ['captureRules', 'captureMappings'],
  },
  {
    heading: 'Trading lab',
    words: 'price files and daily price bars you import, strategies, paper-trading accounts and fills, options positions, and the lab settings',
    tables: ['tradingSettings', 'priceImports', 'bars', 'strategies', 'labAccounts', 'labFills', 'optionPositions'],
  },
];

export interface PermissionReason {
  /** The manifest's name for it: "scripting", "activeTab". */
  permission: string;
  /** Asked for at install, or only when you use the feature that needs it. */
  when: 'install' | 'on request';
  why: string;
}

/** Each permission of the manifest (wxt.config.ts), with why. Host access is described separately (HOST_ACCESS_WHY). */
export const PERMISSION_REASONS: readonly PermissionReason[] = [
  {
    permission: 'scripting',
    when: 'install',
    why:
      'to run the capture script on the sites you granted, and to start capture or teach mode in the current tab ' +
      'when you ask from Strata’s toolbar menu. It gives no access to any site by itself.',
  },
  {
    permission: 'activeTab',
    when: 'install',
    why:
      'to read the one tab you are looking at when you choose “Capture this page” or “Teach this page”, once, ' +
      'without permanent access to that site.',
  },
  {
    permission: 'alarms',
    when: 'install',
    why: 'to run the daily allocation-drift check and the options-expiry reminder, on your own device.',
  },
  {
    permission: 'notifications',
    when: 'on request',
    why: 'optional: asked for only if you turn on drift or expiry notifications; otherwise the toolbar badge is used.',
  },
];

/** Why host access is optional and per site. */
export const HOST_ACCESS_WHY =
  'Access to a site is optional and asked for one site at a time, when you press “Allow access” for it in Options → Sources ' +
  '(sites you taught are listed there too). Nothing is granted at install. You can remove a site’s access in Sources or in the ' +
  'browser’s extension settings at any time.';
