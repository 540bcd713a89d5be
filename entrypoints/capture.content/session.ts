/**
 * One capture session in one page: watch the DOM, extract (at most once per
 * 250 ms, and once more after a burst settles), send the readings to the
 * background when they change, then show the overlay and the outlines.
 *
 * Nothing the page does can talk to this script: it never listens to
 * window.postMessage or DOM events from the page; it reads the DOM, and it
 * listens only to runtime messages from this extension's own overlay page.
 * It never reads the database either: the background answers about this
 * page only (getTaughtRules for its host; submitReadings for its tab).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import { computedHidden, extractForUrl } from '@/utils/capture/extract';
import { createExtractionScheduler } from '@/utils/capture/schedule';
import { isOverlaySender, parseOverlayCommand } from '@/utils/capture/overlay-commands';
import { nextCaptureStep, pageKey, resultSignature, structureSignature, submitDelay } from '@/utils/capture/session';
import type { ExtractionResult } from '@/utils/capture/types';
import { sendMessage, type TaughtRule } from '@/utils/messaging/protocol';
import { createHighlightLayer, HIGHLIGHT_HOST_TAG } from './highlights';
import { createOverlayFrame, OVERLAY_HOST_TAG } from './overlay-frame';

/**
 * Where a running session leaves its handle in the extension's isolated
 * world (shared by Strata's content scripts in this page, unseen by the
 * page's own scripts): teach mode asks it to read the page again with the
 * rule just taught instead of starting a second session.
 */
export const CAPTURE_SESSION_HOOK = '__strataCaptureSession';

export interface CaptureSessionHandle {
  /** Reloads the taught rules and reads the page again, showing the overlay even when nothing is found. */
  refresh(): void;
  /** Stops the session and removes its overlay and outlines. */
  dispose(): void;
}

/** The session running in this page, if any (and not dismissed). */
export function runningCaptureSession(): CaptureSessionHandle | undefined {
  return (globalThis as unknown as Record<string, CaptureSessionHandle | undefined>)[CAPTURE_SESSION_HOOK];
}

/** How long a problems-only result must stay the same before it is shown. */
const SETTLE_MS = 1500;

export function startCaptureSession(ctx: ContentScriptContext, options: { onDemand: boolean }): void {
  // One session per page: one started by teach mode gives way to a capture requested later, and back.
  runningCaptureSession()?.dispose();
  const overlay = createOverlayFrame(ctx);
  const highlights = createHighlightLayer(ctx);
  let rules: TaughtRule[] = [];
  let lastSignature = '';
  let lastResult: ExtractionResult | undefined;
  let settleTimer: number | undefined;
  let submitSeq = 0;
  let lastSubmit: { structure: string; at: number } | undefined;
  let tickTimer: number | undefined;
  let dismissed = false;
  /** After a save, the page's figures are not offered again until the person navigates. */
  let savedOn: string | null = null;

  const scheduler = createExtractionScheduler(run);
  const ourHosts = new Set<Node>([overlay.host, highlights.host]);

  const observer = new MutationObserver((records) => {
    if (records.every((r) => isOurs(r))) return;
    scheduler.notify();
  });

  function isOurs(record: MutationRecord): boolean {
    if (ourHosts.has(record.target)) return true;
    if (record.type !== 'childList') return false;
    const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
    return nodes.length > 0 && nodes.every((n) => ourHosts.has(n));
  }

  function run(): void {
    if (dismissed || ctx.isInvalid) return;
    overlay.ensureAttached();
    const result = extractForUrl(document, location.href, ALL_ADAPTERS, rules, { isHidden: computedHidden });
    const signature = resultSignature(result);
    if (signature === lastSignature) {
      highlights.reposition();
      return;
    }
    lastSignature = signature;
    lastResult = result;
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    settleTimer = undefined;
    act(result, false);
  }

  function act(result: ExtractionResult, settled: boolean): void {
    const step = nextCaptureStep(result, { onDemand: options.onDemand, settled });
    if (step === 'hide') {
      overlay.remove();
      highlights.remove();
      return;
    }
    if (step === 'settle') {
      settleTimer = ctx.setTimeout(() => {
        settleTimer = undefined;
        if (lastResult === result) act(result, true);
      }, SETTLE_MS);
      return;
    }
    if (savedOn !== null && savedOn === pageKey(location.href)) {
      highlights.show(result.items);
      return;
    }
    savedOn = null;
    if (tickTimer !== undefined) clearTimeout(tickTimer);
    tickTimer = undefined;
    const wait = submitDelay(result, lastSubmit, Date.now());
    if (wait === 0) void submit(result);
    // Only the amounts changed: send the newest figures once the interval is up.
    else tickTimer = ctx.setTimeout(() => {
      tickTimer = undefined;
      if (lastResult === result) void submit(result);
    }, wait);
  }

  async function submit(result: ExtractionResult): Promise<void> {
    const mine = ++submitSeq;
    lastSubmit = { structure: structureSignature(result), at: Date.now() };
    const response = await sendMessage('submitReadings', { result, title: document.title.slice(0, 300) });
    if (mine !== submitSeq || dismissed || ctx.isInvalid) return;
    if (!response.ok) {
      console.warn(`Strata: the readings were not accepted: ${response.error}`);
      return;
    }
    if (response.value.autoSaved) savedOn = pageKey(location.href);
    highlights.show(result.items);
    overlay.show(response.value.readingsId);
  }

  const handle: CaptureSessionHandle = {
    refresh() {
      if (dismissed || ctx.isInvalid) return;
      options = { ...options, onDemand: true };
      void loadRules().then(() => {
        lastSignature = '';
        scheduler.notify();
      });
    },
    dispose: () => dismiss(),
  };
  const globals = globalThis as unknown as Record<string, CaptureSessionHandle | undefined>;
  globals[CAPTURE_SESSION_HOOK] = handle;

  function dismiss(): void {
    dismissed = true;
    if (globals[CAPTURE_SESSION_HOOK] === handle) delete globals[CAPTURE_SESSION_HOOK];
    scheduler.dispose();
    observer.disconnect();
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    if (tickTimer !== undefined) clearTimeout(tickTimer);
    overlay.remove();
    highlights.remove();
    browser.runtime.onMessage.removeListener(onOverlayMessage);
  }

  const overlayUrl = browser.runtime.getURL('/capture-overlay.html');
  function onOverlayMessage(
    message: unknown,
    sender: { id?: string; url?: string },
    sendResponse: (answer: unknown) => void,
  ): undefined {
    if (!isOverlaySender(sender, browser.runtime.id, overlayUrl)) return undefined;
    const command = parseOverlayCommand(message);
    if (!command) return undefined;
    if (command.strataOverlay === 'hello') sendResponse({ framed: overlay.mounted && command.key === overlay.key });
    else if (command.strataOverlay === 'close') dismiss();
    else if (command.strataOverlay === 'saved') savedOn = pageKey(location.href);
    else overlay.setHeight(command.height);
    return undefined;
  }

  browser.runtime.onMessage.addListener(onOverlayMessage);
  ctx.onInvalidated(dismiss);

  // A single-page app's navigation: the new page's figures, not the old one's.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    lastSignature = '';
    scheduler.notify();
  });

  async function loadRules(): Promise<void> {
    const answer = await sendMessage('getTaughtRules', undefined).catch((error: unknown) => {
      console.warn('Strata: taught rules unavailable', error);
      return undefined;
    });
    if (answer?.ok) rules = answer.value;
  }

  void (async () => {
    await loadRules();
    if (dismissed || ctx.isInvalid) return;
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    scheduler.notify();
  })();
}

export { HIGHLIGHT_HOST_TAG, OVERLAY_HOST_TAG };
