/**
 * What the capture overlay (an extension page framed in the web page) tells
 * the capture content script of its tab: close, its height, that readings
 * were saved. Sent with `tabs.sendMessage(tabId, command, { frameId: 0 })`,
 * which only extension pages can do: a web page cannot reach a content
 * script's runtime.onMessage, and the content script also checks that the
 * sender is this extension's overlay page. No figure or choice travels this
 * way; saving goes overlay → background only.
 *
 * The content script never listens to window.postMessage or DOM events.
 */

export type OverlayCommand =
  /**
   * "Did you frame me?": the overlay sends the key from its own fragment;
   * the content script answers `{ framed: true }` only for the key it put
   * there. A page that frames capture-overlay.html itself (to trick the
   * person into pressing Save) cannot know the key, and gets a dead panel.
   */
  | { strataOverlay: 'hello'; key: string }
  | { strataOverlay: 'close' }
  | { strataOverlay: 'saved' }
  | { strataOverlay: 'resize'; height: number };

/** Heights the overlay may ask for, in CSS pixels. */
export const OVERLAY_MIN_HEIGHT = 48;
export const OVERLAY_MAX_HEIGHT = 2000;

const KEY_SHAPE = /^[A-Za-z0-9-]{16,64}$/;

/** The overlay's fragment: "#r=<readingsId>&k=<key>". */
export function overlayHash(readingsId: string, key: string): string {
  return `#r=${encodeURIComponent(readingsId)}&k=${encodeURIComponent(key)}`;
}

/** The key in the overlay's fragment, or null. */
export function keyFromHash(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('k');
  return key !== null && KEY_SHAPE.test(key) ? key : null;
}

/** The command in `message`, or null for anything else (wrong shape, out-of-range height). */
export function parseOverlayCommand(message: unknown): OverlayCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  switch (m['strataOverlay']) {
    case 'hello': {
      const key = m['key'];
      return typeof key === 'string' && KEY_SHAPE.test(key) ? { strataOverlay: 'hello', key } : null;
    }
    case 'close':
      return { strataOverlay: 'close' };
    case 'saved':
      return { strataOverlay: 'saved' };
    case 'resize': {
      const height = m['height'];
      if (typeof height !== 'number' || !Number.isFinite(height)) return null;
      return {
        strataOverlay: 'resize',
        height: Math.round(Math.min(OVERLAY_MAX_HEIGHT, Math.max(OVERLAY_MIN_HEIGHT, height))),
      };
    }
    default:
      return null;
  }
}

/**
 * True when a runtime message sender is this extension's overlay page:
 * same extension id and a URL under `overlayUrl`
 * (`runtime.getURL('/capture-overlay.html')`), fragment or query aside.
 */
export function isOverlaySender(
  sender: { id?: string; url?: string },
  extensionId: string,
  overlayUrl: string,
): boolean {
  if (!extensionId || sender.id !== extensionId || typeof sender.url !== 'string') return false;
  const url = sender.url;
  if (!url.startsWith(overlayUrl)) return false;
  const rest = url.slice(overlayUrl.length);
  return rest === '' || rest.startsWith('#') || rest.startsWith('?');
}
