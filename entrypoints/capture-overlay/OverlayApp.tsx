/**
 * The capture overlay: an extension page framed (in a closed shadow root) in
 * the page it reads. It asks the background for its own tab's readings, lets
 * the person say where each figure goes, and sends only those choices:
 * amounts never leave the background. Page scripts cannot read this document
 * (another origin) nor press its buttons; it ignores window messages, and
 * takes the fragment change the content script makes only as a cue to ask
 * the background again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatMoney } from '@/utils/money';
import type { AppSettings } from '@/utils/db/schema';
import { sendMessage, type JumpToConfirm, type SaveReport, type TabReadingsView } from '@/utils/messaging/protocol';
import type { CaptureDecision } from '@/utils/capture/ingest-types';
import { ItemRow } from './ItemRow';
import { keyFromHash } from '@/utils/capture/overlay-commands';
import { framedByStrata, tellPage } from './bridge';
import { carryChoices, cleanLabel, defaultAlways, describeReport, figureName, ignoreAll, toDecisions, type Choice } from './model';

type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; readings: TabReadingsView };

function applyTheme(settings: AppSettings | undefined): void {
  const theme = settings?.theme ?? 'system';
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function OverlayApp() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [settings, setSettings] = useState<AppSettings | undefined>(undefined);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [always, setAlways] = useState(false);
  const [busy, setBusy] = useState(false);
  const [jumps, setJumps] = useState<{ decisions: CaptureDecision[]; list: JumpToConfirm[] } | null>(null);
  const [report, setReport] = useState<SaveReport | null>(null);
  const [errors, setErrors] = useState<Map<number, string>>(new Map());
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const current = useRef<{ readings: TabReadingsView; choices: Choice[] } | undefined>(undefined);
  const main = useRef<HTMLElement>(null);
  const locale = settings?.locale || navigator.language || 'en-US';

  async function refresh(): Promise<void> {
    if (!(await framedByStrata(keyFromHash(location.hash)))) {
      setLoad({ status: 'error', error: 'This panel was not opened by Strata on this page, so it shows nothing.' });
      return;
    }
    const answer = await sendMessage('getTabReadings', {}).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    if (!answer.ok) {
      setLoad({ status: 'error', error: answer.error });
      return;
    }
    const readings = answer.value;
    const before = current.current;
    if (before?.readings.readingsId === readings.readingsId) return;
    const next = carryChoices(before && { items: before.readings.items, choices: before.choices }, readings);
    current.current = { readings, choices: next };
    setChoices(next);
    if (!before) setAlways(defaultAlways(readings));
    setJumps(null);
    setErrors(new Map());
    setFailure(undefined);
    setReport(readings.saved);
    setLoad({ status: 'ready', readings });
  }

  useEffect(() => {
    void sendMessage('getSettings', undefined)
      .then((answer) => {
        if (answer.ok) {
          setSettings(answer.value);
          applyTheme(answer.value);
        }
      })
      .catch(() => undefined);
    void refresh();
    const onHash = () => void refresh();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void close();
    };
    window.addEventListener('hashchange', onHash);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  // The frame is as tall as the card (the content script caps it to the window).
  useEffect(() => {
    const el = main.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(el.scrollHeight + 2);
      if (height !== last) {
        last = height;
        void tellPage({ strataOverlay: 'resize', height });
      }
    });
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  });

  async function close(): Promise<void> {
    await tellPage({ strataOverlay: 'close' });
  }

  function choose(index: number, choice: Choice): void {
    const next = choices.slice();
    next[index] = choice;
    setChoices(next);
    if (current.current) current.current = { ...current.current, choices: next };
    if (errors.has(index)) {
      const rest = new Map(errors);
      rest.delete(index);
      setErrors(rest);
    }
  }

  async function confirm(decisions: CaptureDecision[], acceptJumps: boolean): Promise<void> {
    if (load.status !== 'ready') return;
    setBusy(true);
    setFailure(undefined);
    try {
      const answer = await sendMessage('confirmReadings', {
        readingsId: load.readings.readingsId,
        decisions,
        always,
        ...(acceptJumps ? { acceptJumps: true } : {}),
      });
      if (!answer.ok) {
        setFailure([answer.error, ...(answer.issues ?? []).map((i) => i.message)].join(' — '));
        return;
      }
      if (answer.value.status === 'needs-confirmation') {
        setJumps({ decisions, list: answer.value.needsConfirmation });
        return;
      }
      setJumps(null);
      setReport(answer.value.report);
      await tellPage({ strataOverlay: 'saved' });
    } catch (error) {
      setFailure(`Could not save: ${String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  function save(event: Event): void {
    event.preventDefault();
    if (load.status !== 'ready') return;
    const outcome = toDecisions(load.readings.items, choices);
    setErrors(outcome.errors);
    if (outcome.errors.size > 0) return;
    void confirm(outcome.decisions, false);
  }

  const readings = load.status === 'ready' ? load.readings : undefined;
  const items = readings?.items ?? [];
  const saved = report !== null;
  const refusedByIndex = new Map((report?.refused ?? []).map((r) => [r.index, r.reason]));
  const itemName = (index: number) => {
    const item = items[index];
    return item ? `${index + 1}. ${figureName(item)}` : `Figure ${index + 1}`;
  };

  return (
    <main ref={main} class="overlay" aria-labelledby="overlay-title" aria-busy={busy || load.status === 'loading' ? 'true' : 'false'}>
      <header>
        <div>
          <h1 id="overlay-title">Strata{readings ? ` · ${readings.siteName}` : ''}</h1>
          {readings && (
            <p class="muted" style="margin:0;font-size:0.8rem">
              {items.length === 0
                ? `Nothing to save on ${readings.host}`
                : `${items.length} figure${items.length > 1 ? 's' : ''} found on ${readings.host}`}
            </p>
          )}
        </div>
        <button type="button" class="close" aria-label="Close Strata's panel" title="Close (Esc)" onClick={() => void close()}>
          ×
        </button>
      </header>

      {load.status === 'loading' && <p class="muted">Reading…</p>}
      {load.status === 'error' && (
        <p role="alert" class="form-error">
          {load.error}
        </p>
      )}

      {readings && items.length === 0 && (
        <p class="muted" style="font-size:0.85rem">
          {readings.site === null
            ? 'Strata does not know this page yet. To read a number here, open the Strata menu and choose “Teach this page”.'
            : 'No figure could be read on this page yet.'}
        </p>
      )}

      {readings && items.length > 0 && (
        <form onSubmit={save} aria-label="Where each figure goes">
          <ol class="items">
            {items.map((item, index) => (
              <ItemRow
                key={`${item.figureKey}|${item.account ?? ''}|${index}`}
                item={item}
                index={index}
                view={readings}
                choice={choices[index] ?? { kind: 'ignore' }}
                locale={locale}
                error={errors.get(index) ?? refusedByIndex.get(index)}
                disabled={busy || saved}
                onChange={(choice) => choose(index, choice)}
              />
            ))}
          </ol>

          {jumps && (
            <div class="jumps" role="alertdialog" aria-labelledby="jumps-title" aria-describedby="jumps-list">
              <strong id="jumps-title">These balances changed a lot since last time</strong>
              <ul id="jumps-list">
                {jumps.list.map((jump) => (
                  <li key={jump.index}>
                    {itemName(jump.index)}: {formatMoney(jump.previous, locale)} → {formatMoney(jump.next, locale)}
                  </li>
                ))}
              </ul>
              <div class="actions" style="margin-top:0.3rem">
                <button type="button" class="primary" disabled={busy} onClick={() => void confirm(jumps.decisions, true)}>
                  Save anyway
                </button>
                <button type="button" disabled={busy} onClick={() => setJumps(null)}>
                  Back
                </button>
              </div>
            </div>
          )}

          {!saved && !jumps && (
            <div class="actions">
              <label>
                <input type="checkbox" checked={always} disabled={busy} onChange={(e) => setAlways(e.currentTarget.checked)} />
                Always save from this page
              </label>
              <button type="submit" class="primary" disabled={busy}>
                Save
              </button>
              <button type="button" disabled={busy} onClick={() => void confirm(ignoreAll(items), false)}>
                Ignore all
              </button>
            </div>
          )}
        </form>
      )}

      {readings && readings.problems.length > 0 && (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">Not read</h2>
          <ul class="problems">
            {readings.problems.map((problem, i) => (
              <li key={i}>
                {problem.account !== null ? `${problem.account} (${cleanLabel(problem.label) || 'figure'})` : cleanLabel(problem.label)}:{' '}
                {problem.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      {failure && (
        <p role="alert" class="form-error">
          {failure}
        </p>
      )}
      {report && (
        <p role="status" class="form-status" data-testid="overlay-result" style="margin:0.5rem 0 0">
          {describeReport(report)}
        </p>
      )}
      {saved && (
        <div class="actions">
          <button type="button" onClick={() => void close()}>
            Close
          </button>
        </div>
      )}
    </main>
  );
}
