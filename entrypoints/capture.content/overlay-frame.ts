/**
 * The overlay's frame in the page: WXT's createIframeUi, mounted inside a
 * CLOSED shadow root on a host element of our own, so page scripts cannot
 * reach the iframe element through the DOM, and the iframe's document is an
 * extension page they cannot read (cross-origin).
 *
 * The host is position:fixed in the bottom-right corner, so the page's layout
 * never moves; its styles are inline and !important so page style sheets
 * cannot move or hide it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
import { overlayHash } from '@/utils/capture/overlay-commands';

export const OVERLAY_HOST_TAG = 'strata-capture-overlay';
const OVERLAY_WIDTH = 380;
const MARGIN = 16;

export interface OverlayFrame {
  /** Mounts the overlay (first call) or tells it, through its fragment, that new readings are there. */
  show(readingsId: string): void;
  /** The height the overlay asked for; capped to the window. */
  setHeight(height: number): void;
  remove(): void;
  /** Puts the host back if the page removed it (a framework re-rendering <html>). */
  ensureAttached(): void;
  readonly host: HTMLElement;
  readonly mounted: boolean;
  /** The key in the overlay's fragment, never shown to the page: the overlay checks it was framed by us. */
  readonly key: string;
}

function important(el: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) el.style.setProperty(name, value, 'important');
}

export function createOverlayFrame(ctx: ContentScriptContext): OverlayFrame {
  const host = document.createElement(OVERLAY_HOST_TAG);
  important(host, {
    all: 'initial',
    position: 'fixed',
    right: `${MARGIN}px`,
    bottom: `${MARGIN}px`,
    width: `${OVERLAY_WIDTH}px`,
    'max-width': `calc(100vw - ${2 * MARGIN}px)`,
    height: '160px',
    'max-height': `calc(100vh - ${2 * MARGIN}px)`,
    'z-index': '2147483647',
    display: 'block',
    margin: '0',
    padding: '0',
    border: '0',
    overflow: 'visible',
    contain: 'layout size style',
  });
  const shadow = host.attachShadow({ mode: 'closed' });

  let ui: IframeContentScriptUi<void> | undefined;
  let baseUrl = '';
  const key = crypto.randomUUID();

  function mount(readingsId: string): void {
    ui = createIframeUi(ctx, {
      page: '/capture-overlay.html',
      position: 'inline',
      anchor: host,
      // Into the closed shadow root, not next to the anchor in the page.
      append: (_anchor, wrapper) => shadow.append(wrapper),
      onBeforeMount(wrapper, iframe) {
        wrapper.style.cssText = 'all:initial;display:block;width:100%;height:100%';
        iframe.title = 'Strata: figures found on this page';
        iframe.style.cssText =
          'all:initial;display:block;width:100%;height:100%;border:0;border-radius:12px;' +
          'box-shadow:0 6px 28px rgba(0,0,0,.35);background:transparent;color-scheme:normal';
        baseUrl = iframe.src.split('#')[0]!;
        iframe.src = baseUrl + overlayHash(readingsId, key);
      },
      onRemove() {
        host.remove();
      },
    });
    ensureAttached();
    ui.mount();
  }

  function ensureAttached(): void {
    if (!host.isConnected) document.documentElement.append(host);
  }

  return {
    host,
    key,
    get mounted() {
      return ui !== undefined;
    },
    show(readingsId) {
      if (!ui) return mount(readingsId);
      ensureAttached();
      // A fragment change does not reload the page: the overlay hears
      // "hashchange" and asks the background for the tab's readings again.
      ui.iframe.src = baseUrl + overlayHash(readingsId, key);
    },
    setHeight(height) {
      important(host, { height: `${Math.round(height)}px` });
    },
    remove() {
      ui?.remove();
      ui = undefined;
      host.remove();
    },
    ensureAttached() {
      if (ui) ensureAttached();
    },
  };
}
