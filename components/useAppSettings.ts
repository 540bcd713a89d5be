import { useEffect } from 'preact/hooks';
import { db } from '@/utils/db';
import { DEFAULT_SETTINGS, type AppSettings } from '@/utils/db/schema';
import { useLiveQuery } from './useLiveQuery';

/** The app settings, live; DEFAULT_SETTINGS until any are saved. */
export function useAppSettings(): AppSettings | undefined {
  const { value } = useLiveQuery(async () => (await db.settings.get('app')) ?? DEFAULT_SETTINGS);
  return value as AppSettings | undefined;
}

/** The locale amounts are formatted in: the person's choice, else the browser's. */
export function resolveLocale(settings: AppSettings | undefined): string {
  return settings?.locale || navigator.language || 'en-US';
}

/** Applies the chosen theme to the document ("system" follows the OS). */
export function useApplyTheme(settings: AppSettings | undefined): void {
  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    window.dispatchEvent(new Event('strata-theme'));
  }, [theme]);
}

/** The local offset east of UTC, in minutes, for day boundaries. */
export function localTzOffsetMinutes(at = Date.now()): number {
  return -new Date(at).getTimezoneOffset();
}
