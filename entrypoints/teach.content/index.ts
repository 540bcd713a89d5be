/**
 * Teach mode, injected once into the current tab by the popup's "Teach this
 * page" (activeTab + scripting.executeScript; never registered, never in the
 * manifest). The person points at a number (or moves between numbers with
 * the arrow keys) and clicks it (or presses Enter); Escape cancels. A small
 * panel in a closed shadow root asks what the number means; the rule (label,
 * fallback path, meaning) goes to the background, which takes the site from
 * the sender. Then the page is read again with the new rule and Strata's
 * overlay asks which account or stream the figure goes to — the account
 * list stays in extension pages, never in a content script.
 *
 * Only trusted events (the person's own input) are acted on: a page script's
 * synthetic clicks and keys are ignored.
 */
import { computedHidden } from '@/utils/capture/extract';
import { amountElementFrom, describePick, numberElements, type PickedNumber } from '@/utils/capture/picker';
import type { CaptureMeaning } from '@/utils/db/schema';
import { sendMessage } from '@/utils/messaging/protocol';
import { runningCaptureSession, startCaptureSession } from '../capture.content/session';
import { createTeachPanel, type TeachPanel } from './panel';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    if (window.top !== window.self) return;
    const panel: TeachPanel = createTeachPanel({
      onSave: save,
      onPickAgain: () => startPicking(),
      onCancel: stop,
      onMeaning: (meaning) => {
        if (picked) show(picked.element, meaning);
      },
    });
    ctx.onInvalidated(() => panel.remove());

    let mode: 'picking' | 'asking' | 'saving' | 'done' = 'picking';
    let picked: { element: Element; pick: PickedNumber; meaning: CaptureMeaning } | undefined;
    let keyboard: { list: Element[]; at: number } | undefined;

    const ours = (event: Event) => event.composedPath().includes(panel.host);
    const targetOf = (event: Event) => {
      const first = event.composedPath()[0];
      return first instanceof Element ? first : null;
    };

    function show(element: Element, meaning: CaptureMeaning): void {
      const pick = describePick(document, element, location.hostname, meaning, { isHidden: computedHidden });
      picked = { element, pick, meaning };
      mode = 'asking';
      panel.outline(element);
      panel.ask(pick, meaning);
    }

    function startPicking(): void {
      mode = 'picking';
      picked = undefined;
      keyboard = undefined;
      panel.picking();
    }

    function stop(): void {
      mode = 'done';
      panel.remove();
    }

    async function save(label: string, meaning: CaptureMeaning): Promise<void> {
      if (!picked || mode === 'saving') return;
      mode = 'saving';
      panel.status('Saving…', false);
      const answer = await sendMessage('saveTaughtRule', {
        label,
        fallbackPath: picked.pick.fallbackPath,
        meaning,
      }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
      if (!answer.ok) {
        mode = 'asking';
        panel.status(answer.error, true);
        return;
      }
      mode = 'done';
      panel.done(label, location.hostname);
      // Read the page again with the new rule: the overlay asks where the figure goes.
      const session = runningCaptureSession();
      if (session) session.refresh();
      else startCaptureSession(ctx, { onDemand: true });
    }

    const swallow = (event: Event) => {
      event.preventDefault();
      event.stopPropagation();
      event.stopImmediatePropagation();
    };

    // Pointer: outline the number under it; a click picks it and goes nowhere else.
    ctx.addEventListener(
      document,
      'mousemove',
      (event) => {
        if (mode !== 'picking' || !event.isTrusted || ours(event)) return;
        const target = targetOf(event);
        const amount = target ? amountElementFrom(target) : null;
        if (amount) panel.outline(amount);
        else panel.outline(null);
      },
      { capture: true, passive: true },
    );
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'] as const) {
      ctx.addEventListener(
        document,
        type,
        (event) => {
          if (mode === 'picking' && event.isTrusted && !ours(event)) swallow(event);
        },
        { capture: true },
      );
    }
    ctx.addEventListener(
      document,
      'click',
      (event) => {
        if (mode !== 'picking' || !event.isTrusted || ours(event)) return;
        swallow(event);
        const target = targetOf(event);
        const amount = target ? amountElementFrom(target) : null;
        if (amount) show(amount, 'balance');
        else panel.status('That is not a number Strata can read. Point at a figure such as $12,345.67.', true);
      },
      { capture: true },
    );

    // Keyboard: arrows move between the numbers, Enter picks, Escape cancels.
    ctx.addEventListener(
      document,
      'keydown',
      (event) => {
        if (!event.isTrusted) return;
        if (event.key === 'Escape') {
          swallow(event);
          stop();
          return;
        }
        if (mode !== 'picking' || ours(event)) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          swallow(event);
          keyboard ??= { list: numberElements(document), at: -1 };
          if (keyboard.list.length === 0) {
            panel.status('Strata sees no number on this page.', true);
            return;
          }
          const step = event.key === 'ArrowDown' ? 1 : -1;
          keyboard.at = (keyboard.at + step + keyboard.list.length) % keyboard.list.length;
          const element = keyboard.list[keyboard.at]!;
          element.scrollIntoView({ block: 'center' });
          panel.outline(element);
        } else if (event.key === 'Enter' && keyboard && keyboard.at >= 0) {
          swallow(event);
          show(keyboard.list[keyboard.at]!, 'balance');
        }
      },
      { capture: true },
    );

    startPicking();
  },
});
