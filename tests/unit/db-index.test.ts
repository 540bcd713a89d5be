import { afterAll, describe, expect, it } from 'vitest';
import { db, DEFAULT_SETTINGS, listAccounts, MIGRATIONS, store, StrataDB, ValidationError } from '@/utils/db';

afterAll(async () => {
  await db.delete();
});

describe('@/utils/db', () => {
  it('exports the app database, named "strata", at the latest version, with a store bound to it', async () => {
    expect(db).toBeInstanceOf(StrataDB);
    expect(db.name).toBe('strata');
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    const account = await store.addAccount({
      institution: 'Vanguard',
      name: 'Roth IRA',
      kind: 'retirement',
      layer: 'foundation',
      currency: 'USD',
      taxType: 'tax-free',
    });
    expect(await listAccounts(db)).toEqual([account]);
    expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
    await expect(store.saveSettings({ baseCurrency: 'dollars' })).rejects.toBeInstanceOf(ValidationError);
  });
});
