/**
 * The browser side of the options expiry reminder: a notification, when the
 * person granted the optional "notifications" permission. A shell around
 * `browser`, like utils/portfolio/drift-signals.ts.
 */
import { browser } from 'wxt/browser';
import type { ExpirySignals } from './expiry-check';

export const browserExpirySignals: ExpirySignals = {
  async notify(id, title, message) {
    const granted = await browser.permissions.contains({ permissions: ['notifications'] });
    if (!granted || browser.notifications === undefined) return false;
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    return true;
  },
};
