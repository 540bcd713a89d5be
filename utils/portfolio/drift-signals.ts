/**
 * The browser side of the drift check: the toolbar badge and, when the
 * person granted the optional "notifications" permission, a notification.
 * A shell around `browser`, like utils/db around IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { DriftSignals } from './drift-check';

export const browserDriftSignals: DriftSignals = {
  async setBadge(text, title) {
    await browser.action.setBadgeText({ text });
    if (text !== '') await browser.action.setBadgeBackgroundColor({ color: text === '!' ? '#b3261e' : '#8a5a00' });
    await browser.action.setTitle({ title });
  },
  async notify(title, message) {
    const granted = await browser.permissions.contains({ permissions: ['notifications'] });
    if (!granted || browser.notifications === undefined) return false;
    await browser.notifications.create('strata-drift', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
    return true;
  },
};
