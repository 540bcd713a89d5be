/**
 * "Capture this page" and "Teach this page": each injects a script into the
 * current tab once, through the access `activeTab` gives while the person
 * uses the popup (no host permission needed). Capture runs the same content
 * script the background registers for granted sites; Teach runs the picker.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CAPTURE_ON_DEMAND_FLAG } from '@/utils/capture/session';

async function activeTab(): Promise<{ id: number; url: string | undefined }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('There is no open page to read.');
  return { id: tab.id, url: tab.url };
}

function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/cannot access|cannot be scripted|missing host permission|chrome:\/\/|about:|extensions gallery/i.test(message)) {
    return 'Strata cannot read this page (browser pages and the extension store are off limits).';
  }
  return message;
}

export function CaptureActions() {
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function run(kind: 'capture' | 'teach'): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      const tab = await activeTab();
      if (tab.url !== undefined && !tab.url.startsWith('https://')) {
        throw new Error('Strata reads figures from secure (https) pages only.');
      }
      if (kind === 'capture') {
        // Tell the script, in its own isolated world, that the person asked for this page.
        await browser.scripting.executeScript({
          target: { tabId: tab.id },
          func: (flag: string) => {
            (globalThis as unknown as Record<string, unknown>)[flag] = true;
          },
          args: [CAPTURE_ON_DEMAND_FLAG],
        });
      }
      await browser.scripting.executeScript({
        target: { tabId: tab.id },
        files: [kind === 'capture' ? '/content-scripts/capture.js' : '/content-scripts/teach.js'],
      });
      // The page now shows Strata's panel (or the picker); the popup is in the way.
      window.close();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="capture-heading" style="margin-top:0.75rem">
      <h2 id="capture-heading" class="muted" style="font-size:0.85rem;margin:0 0 0.3rem">
        This page
      </h2>
      <div style="display:flex;gap:0.4rem;flex-wrap:wrap">
        <button type="button" class="primary" disabled={busy} onClick={() => void run('capture')}>
          Capture this page
        </button>
        <button type="button" disabled={busy} onClick={() => void run('teach')}>
          Teach this page
        </button>
      </div>
      {error && (
        <p role="alert" class="form-error" style="margin:0.3rem 0 0">
          {error}
        </p>
      )}
    </section>
  );
}
