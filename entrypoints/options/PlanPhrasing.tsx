import { useEffect, useState } from 'preact/hooks';
import { phraseActions, readyOnDeviceModel, type OnDeviceModel } from '@/components/phrasing';
import type { PhrasedReason, PhrasingItem } from '@/utils/phrasing';

/**
 * The browser's on-device model when phrasing is switched on (plan settings)
 * and a model is ready on this device; null otherwise, and while looking.
 * `scope` is where the Prompt API is looked for (globalThis; tests pass a fake).
 */
export function useOnDeviceModel(enabled: boolean, scope: object = globalThis): OnDeviceModel | null {
  const [model, setModel] = useState<OnDeviceModel | null>(null);
  useEffect(() => {
    setModel(null);
    if (!enabled) return;
    let live = true;
    void readyOnDeviceModel(scope).then((found) => {
      if (live) setModel(found);
    });
    return () => {
      live = false;
    };
  }, [enabled, scope]);
  return model;
}

/**
 * "Say it plainly": asks the on-device model to reword `items`' reasons and
 * hands back what passed the check (utils/phrasing.ts), one entry per item.
 */
export function PhrasingButton(props: {
  model: OnDeviceModel;
  items: readonly PhrasingItem[];
  onPhrased: (reasons: PhrasedReason[]) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  async function ask() {
    setBusy(true);
    setError(undefined);
    try {
      props.onPhrased(await phraseActions(props.model, props.items));
    } catch (e) {
      setError(`The on-device model could not reword the advice (${e instanceof Error ? e.message : String(e)}); the rules' words stand.`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="form-row" style="align-items:center;margin-block:0.5rem">
      <button type="button" onClick={() => void ask()} disabled={busy || props.items.length === 0} aria-busy={busy ? 'true' : 'false'}>
        {busy ? 'Rewording…' : 'Say it plainly'}
      </button>
      <span class="muted" style="font-size:0.85em">
        Reworded by your browser's on-device model; the figures stay the rules'. Nothing leaves this device.
      </span>
      {error && (
        <p role="alert" class="form-error" style="margin:0">
          {error}
        </p>
      )}
    </div>
  );
}
