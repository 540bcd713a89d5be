/**
 * The capture content script. Never in the manifest: the background registers
 * it per site once the person grants that site (utils/capture/registration.ts),
 * and the popup's "Capture this page" injects it once through activeTab.
 * `registration: 'runtime'` with no `matches` keeps WXT from adding any host
 * permission to the manifest.
 */
import { CAPTURE_ON_DEMAND_FLAG } from '@/utils/capture/session';
import { startCaptureSession } from './session';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    // Top frame only: figures in third-party frames are not this page's.
    if (window.top !== window.self) return;
    const flags = globalThis as unknown as Record<string, unknown>;
    const onDemand = flags[CAPTURE_ON_DEMAND_FLAG] === true;
    delete flags[CAPTURE_ON_DEMAND_FLAG];
    startCaptureSession(ctx, { onDemand });
  },
});
