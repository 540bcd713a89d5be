import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { AppSettingsSchema, MoneySchema } from '@/utils/db/schema';

describe('schema', () => {
  it('refuses fractional minor units', () => {
    expect(v.safeParse(MoneySchema, { minor: 12.5, currency: 'USD' }).success).toBe(false);
    expect(v.safeParse(MoneySchema, { minor: 1250, currency: 'USD' }).success).toBe(true);
  });
  it('validates exchange-rate keys and values', () => {
    const ok = { key: 'app', baseCurrency: 'USD', rates: { EUR: '1.08' }, locale: 'de-DE', theme: 'dark' };
    expect(v.safeParse(AppSettingsSchema, ok).success).toBe(true);
    expect(v.safeParse(AppSettingsSchema, { ...ok, rates: { eur: '1.08' } }).success).toBe(false);
    expect(v.safeParse(AppSettingsSchema, { ...ok, rates: { EUR: '0' } }).success).toBe(false);
    expect(v.safeParse(AppSettingsSchema, { ...ok, locale: 'not a locale!' }).success).toBe(false);
  });
});
