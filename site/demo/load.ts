/**
 * Loading the demo household into this site's IndexedDB: generated from the
 * fixed seed up to today, restored as one backup (every record validated,
 * all or nothing — utils/db/backup-io.ts). A database that already holds
 * accounts is the visitor's demo from an earlier visit and is kept as it is.
 */
import { db, store } from '@/utils/db';
import { DEMO_SEED, demoAsOf, demoBackupText } from '@/utils/demo';

export type DemoLoadStep = 'checking' | 'generating' | 'saving' | 'ready';

export interface DemoLoadOutcome {
  /** True when the household was (re)written now; false when an earlier visit's data was kept. */
  loaded: boolean;
  /** Records written, by table (empty when kept). */
  restored: Record<string, number>;
}

/** Restores the demo household as of `now`, replacing everything in this site's database. */
export async function resetDemo(now: number, onStep: (step: DemoLoadStep) => void = () => {}): Promise<DemoLoadOutcome> {
  onStep('generating');
  // Let the page paint the step before the generator takes the main thread.
  await new Promise((done) => setTimeout(done, 0));
  const text = demoBackupText({ seed: DEMO_SEED, asOf: demoAsOf(now) });
  onStep('saving');
  const { restored } = await store.restoreBackup(text);
  onStep('ready');
  return { loaded: true, restored };
}

/** Loads the demo household unless this browser already holds one. */
export async function ensureDemo(now: number, onStep: (step: DemoLoadStep) => void = () => {}): Promise<DemoLoadOutcome> {
  onStep('checking');
  if ((await db.accounts.count()) > 0) {
    onStep('ready');
    return { loaded: false, restored: {} };
  }
  return resetDemo(now, onStep);
}
