import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import { registerCaptureScripts } from '@/utils/capture/registration';
import { db, store } from '@/utils/db';
import { siteMatcher } from '@/utils/messaging/capture-handlers';
import { registerHandlers } from '@/utils/messaging/register';
import { DRIFT_ALARM, DRIFT_PERIOD_MINUTES, runDriftCheck } from '@/utils/portfolio/drift-check';
import { browserDriftSignals } from '@/utils/portfolio/drift-signals';
import { EXPIRY_ALARM, EXPIRY_PERIOD_MINUTES, runExpiryCheck } from '@/utils/trading/expiry-check';
import { browserExpirySignals } from '@/utils/trading/expiry-signals';

// A switchboard: the message protocol and its checks live in utils/messaging,
// the capture script registrations in utils/capture/registration.ts.
export default defineBackground(() => {
  registerHandlers({
    db,
    store,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    // The page's adapter is found from the sender's URL, never the payload.
    sites: siteMatcher(ALL_ADAPTERS),
    // A tab's capture readings end with the tab or its page.
    tabs: browser.tabs,
  });
  // Its own failure (an API this browser lacks) must not take messaging down with it.
  try {
    registerCaptureScripts();
  } catch (error) {
    console.error('Strata: capture scripts could not be registered', error);
  }
  // The daily allocation check (utils/portfolio/drift-check.ts): an alarm
  // survives the service worker sleeping; creating it again keeps one.
  const checkDrift = () =>
    runDriftCheck(db, store, browserDriftSignals, Date.now()).catch((error) => console.error('Strata: drift check failed', error));
  // The options expiry reminder (utils/trading/expiry-check.ts), on its own alarm.
  const checkExpiries = () =>
    runExpiryCheck(db, store, browserExpirySignals, Date.now(), new Date().getTimezoneOffset()).catch((error) =>
      console.error('Strata: options expiry check failed', error),
    );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRIFT_ALARM) void checkDrift();
    if (alarm.name === EXPIRY_ALARM) void checkExpiries();
  });
  const ensureAlarm = (name: string, periodInMinutes: number) =>
    void browser.alarms.get(name).then((existing) => {
      if (existing === undefined) void browser.alarms.create(name, { delayInMinutes: 1, periodInMinutes });
    });
  ensureAlarm(DRIFT_ALARM, DRIFT_PERIOD_MINUTES);
  ensureAlarm(EXPIRY_ALARM, EXPIRY_PERIOD_MINUTES);
});
