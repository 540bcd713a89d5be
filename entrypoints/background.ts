import { db, store } from '@/utils/db';
import { registerHandlers } from '@/utils/messaging/register';

// A switchboard: the message protocol and its checks live in utils/messaging.
export default defineBackground(() => {
  registerHandlers({
    db,
    store,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
});
