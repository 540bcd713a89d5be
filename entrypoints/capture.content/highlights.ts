/**
 * Outlines each figure found on the page, numbered like the overlay's list.
 *
 * The outlines live in a closed shadow root on one host element that is
 * position:fixed over the viewport with overflow hidden and pointer-events
 * none: nothing on the page is restyled, the page's layout and scroll size
 * never change, and clicks go through. Boxes are placed from the figures'
 * bounding rectangles and moved on scroll and resize (one update per frame).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { resolvePath } from '@/utils/capture/dom';
import type { ExtractedItem } from '@/utils/capture/types';

export const HIGHLIGHT_HOST_TAG = 'strata-capture-highlights';

const STYLE = `
.box{position:absolute;box-sizing:border-box;border:2px solid #0b57d0;border-radius:4px;
  box-shadow:0 0 0 2px rgba(255,255,255,.85);background:rgba(11,87,208,.08);pointer-events:none}
.badge{position:absolute;top:-10px;left:-10px;min-width:18px;height:18px;padding:0 4px;box-sizing:border-box;
  border-radius:9px;background:#0b57d0;color:#fff;font:600 11px/18px system-ui,sans-serif;text-align:center}
`;

export interface HighlightLayer {
  /** Outlines these items (replacing any before); items whose element is gone are skipped. */
  show(items: readonly Pick<ExtractedItem, 'path'>[]): void;
  /** Re-reads the figures' positions (after the page moved). */
  reposition(): void;
  remove(): void;
  readonly host: HTMLElement;
}

export function createHighlightLayer(ctx: ContentScriptContext): HighlightLayer {
  const host = document.createElement(HIGHLIGHT_HOST_TAG);
  for (const [name, value] of Object.entries({
    all: 'initial',
    position: 'fixed',
    inset: '0',
    overflow: 'hidden',
    'pointer-events': 'none',
    'z-index': '2147483646',
    display: 'block',
    contain: 'strict',
  })) {
    host.style.setProperty(name, value, 'important');
  }
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);

  let targets: { element: Element; box: HTMLElement }[] = [];
  let frame = 0;
  let listening = false;

  function place(): void {
    frame = 0;
    for (const { element, box } of targets) {
      const rect = element.getBoundingClientRect();
      const hidden = rect.width === 0 && rect.height === 0;
      box.style.display = hidden ? 'none' : 'block';
      box.style.left = `${rect.left - 3}px`;
      box.style.top = `${rect.top - 3}px`;
      box.style.width = `${rect.width + 6}px`;
      box.style.height = `${rect.height + 6}px`;
    }
  }

  function schedule(): void {
    if (frame === 0 && targets.length > 0) frame = ctx.requestAnimationFrame(place);
  }

  function listen(): void {
    if (listening) return;
    listening = true;
    // Only positions are read on these; nothing from the event is used.
    ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', schedule, { passive: true });
  }

  return {
    host,
    show(items) {
      for (const { box } of targets) box.remove();
      targets = [];
      items.forEach((item, index) => {
        const element = resolvePath(document, item.path);
        if (!element) return;
        const box = document.createElement('div');
        box.className = 'box';
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = String(index + 1);
        box.append(badge);
        shadow.append(box);
        targets.push({ element, box });
      });
      if (targets.length > 0 && !host.isConnected) document.documentElement.append(host);
      if (targets.length === 0) host.remove();
      listen();
      place();
    },
    reposition: schedule,
    remove() {
      if (frame !== 0) cancelAnimationFrame(frame);
      frame = 0;
      for (const { box } of targets) box.remove();
      targets = [];
      host.remove();
    },
  };
}
