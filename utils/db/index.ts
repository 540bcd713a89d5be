/**
 * The app's database and its write API. Import from here:
 *   import { db, store } from '@/utils/db';
 * Dexie opens the database lazily, on the first read or write.
 */
import { StrataDB } from './database';
import { createStore } from './write';

export const db = new StrataDB();
export const store = createStore(db);

export { StrataDB } from './database';
export { applyMigrations, type Migration, type StoreDefinitions } from './migrate';
export { MIGRATIONS } from './migrations';
export * from './write';
export * from './queries';
export * from './schema';
export * from './schema-plan';
export * from './schema-portfolio';
export * from './schema-import';
export type { AccountChoice, ImportCommitInput, ImportOutcome, ImportPreview, ImportPreviewAccount } from './import-types';
export { exportPortfolio, importPortfolio, loadPortfolio, portfolioTables, type ImportSummary } from './portfolio';
