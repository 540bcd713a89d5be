/**
 * Teach mode's on-page UI: an outline around the number under the pointer,
 * a bar with the instructions, and the question panel — all in one closed
 * shadow root on a fixed, pointer-transparent host, so the page's layout is
 * untouched and page scripts cannot reach the controls. Text from the page
 * is only ever set as textContent / input values.
 */
import { formatMoney } from '@/utils/money';
import type { PickedNumber } from '@/utils/capture/picker';
import type { CaptureMeaning } from '@/utils/db/schema';

export const TEACH_HOST_TAG = 'strata-teach';

const MEANINGS: { value: CaptureMeaning; label: string }[] = [
  { value: 'balance', label: 'Balance of an account' },
  { value: 'cash', label: 'Cash (buying power)' },
  { value: 'earnings', label: 'Earnings for a period' },
  { value: 'mrr', label: 'Monthly recurring revenue (MRR)' },
  { value: 'realized', label: 'Realized profit or loss' },
  { value: 'count', label: 'A count (subscribers, customers)' },
];

const STYLE = `
:host{all:initial}
*{box-sizing:border-box}
.ui{--bg:#fff;--text:#14171c;--muted:#4a5261;--border:#c4c9d2;--accent:#0b57d0;--accent-text:#fff;--danger:#b3261e;--ok:#146c2e;
  font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--text)}
@media (prefers-color-scheme: dark){.ui{--bg:#111418;--text:#e8eaed;--muted:#aab2bf;--border:#3d4552;--accent:#8ab4f8;--accent-text:#0b1a33;--danger:#f2b8b5;--ok:#7ddc93}}
.outline{position:fixed;display:none;border:3px dashed var(--accent);border-radius:4px;background:rgba(11,87,208,.10);pointer-events:none}
.card{position:fixed;pointer-events:auto;background:var(--bg);color:var(--text);border:1px solid var(--border);border-radius:12px;
  box-shadow:0 6px 28px rgba(0,0,0,.35);padding:.6rem .8rem}
.bar{top:12px;left:50%;transform:translateX(-50%);display:flex;gap:.6rem;align-items:center;max-width:calc(100vw - 24px)}
.panel{top:12px;right:12px;width:340px;max-width:calc(100vw - 24px);max-height:calc(100vh - 24px);overflow:auto}
h2{font-size:1rem;margin:0 0 .3rem}
p{margin:.25rem 0}
.value{font-size:1.3rem;font-weight:700;font-variant-numeric:tabular-nums}
.muted{color:var(--muted);font-size:.85rem}
label{display:block;font-size:.85rem;font-weight:600;color:var(--muted);margin-top:.45rem}
input,select{width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:.3rem .45rem}
button{font:inherit;color:inherit;background:transparent;border:1px solid var(--border);border-radius:6px;padding:.3rem .7rem;cursor:pointer}
button.primary{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}
.actions{display:flex;gap:.4rem;flex-wrap:wrap;margin-top:.6rem}
.error{color:var(--danger)} .ok{color:var(--ok)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
[hidden]{display:none!important}
`;

export interface TeachPanel {
  readonly host: HTMLElement;
  picking(): void;
  outline(element: Element | null): void;
  ask(pick: PickedNumber, meaning: CaptureMeaning): void;
  status(text: string, isError: boolean): void;
  done(label: string, host: string): void;
  remove(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node: HTMLElementTagNameMap[K] = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function describeValue(pick: PickedNumber): string {
  const value = pick.value;
  if (!value.ok) return value.rawText || '—';
  if ('amount' in value) return formatMoney(value.amount, navigator.language);
  return new Intl.NumberFormat(navigator.language).format(value.count);
}

export function createTeachPanel(handlers: {
  onSave: (label: string, meaning: CaptureMeaning) => void | Promise<void>;
  onPickAgain: () => void;
  onCancel: () => void;
  onMeaning: (meaning: CaptureMeaning) => void;
}): TeachPanel {
  const host = document.createElement(TEACH_HOST_TAG);
  for (const [name, value] of Object.entries({
    all: 'initial', position: 'fixed', inset: '0', 'pointer-events': 'none', 'z-index': '2147483647', display: 'block', overflow: 'visible',
  })) host.style.setProperty(name, value, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const ui = el('div', { className: 'ui' });
  shadow.append(el('style', { textContent: STYLE }), ui);

  const box = el('div', { className: 'outline' });
  const barText = el('span', { textContent: 'Click the number Strata should read · ↑/↓ and Enter to pick with the keyboard · Esc to cancel' });
  const barStatus = el('span', { className: 'error', role: 'alert' });
  const cancelBar = el('button', { type: 'button', textContent: 'Cancel' });
  cancelBar.addEventListener('click', (e) => e.isTrusted && handlers.onCancel());
  const bar = el('div', { className: 'card bar', role: 'status' }, barText, barStatus, cancelBar);

  const title = el('h2', { id: 'teach-title', textContent: 'Teach Strata this number' });
  const value = el('p', { className: 'value' });
  const hint = el('p', { className: 'muted' });
  const labelInput = el('input', { id: 'teach-label', type: 'text', maxLength: 200, autocomplete: 'off' });
  labelInput.setAttribute('list', 'teach-alternatives');
  const alternatives = el('datalist', { id: 'teach-alternatives' });
  const meaningSelect = el('select', { id: 'teach-meaning' });
  for (const m of MEANINGS) meaningSelect.append(el('option', { value: m.value, textContent: m.label }));
  meaningSelect.addEventListener('change', (e) => e.isTrusted && handlers.onMeaning(meaningSelect.value as CaptureMeaning));
  const note = el('p', { className: 'muted', textContent: 'After saving, Strata’s panel asks which account or income stream it goes to.' });
  const saveButton = el('button', { type: 'submit', className: 'primary', textContent: 'Save rule' });
  const againButton = el('button', { type: 'button', textContent: 'Pick another' });
  const cancelButton = el('button', { type: 'button', textContent: 'Cancel' });
  const closeButton = el('button', { type: 'button', textContent: 'Close', hidden: true });
  const status = el('p', { role: 'status' });
  const fields = el(
    'div',
    {},
    el('label', { htmlFor: 'teach-label', textContent: 'The words next to it (its label)' }),
    labelInput,
    alternatives,
    el('label', { htmlFor: 'teach-meaning', textContent: 'What it is' }),
    meaningSelect,
    note,
  );
  const form = el('form', {}, title, value, hint, fields, el('div', { className: 'actions' }, saveButton, againButton, cancelButton, closeButton), status);
  const panel = el('div', { className: 'card panel', role: 'dialog', hidden: true }, form);
  panel.setAttribute('aria-labelledby', 'teach-title');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!e.isTrusted) return;
    const label = labelInput.value.trim();
    if (label.length < 2) {
      setStatus('Type the words next to the number (at least two characters).', true);
      labelInput.focus();
      return;
    }
    void handlers.onSave(label, meaningSelect.value as CaptureMeaning);
  });
  againButton.addEventListener('click', (e) => e.isTrusted && handlers.onPickAgain());
  cancelButton.addEventListener('click', (e) => e.isTrusted && handlers.onCancel());
  closeButton.addEventListener('click', (e) => e.isTrusted && handlers.onCancel());
  ui.append(box, bar, panel);

  function setStatus(text: string, isError: boolean): void {
    const target = panel.hidden ? barStatus : status;
    target.textContent = text;
    target.className = isError ? 'error' : 'ok';
  }

  document.documentElement.append(host);

  return {
    host,
    picking() {
      panel.hidden = true;
      bar.hidden = false;
      barStatus.textContent = '';
      box.style.display = 'none';
    },
    outline(element) {
      if (!element) {
        box.style.display = 'none';
        return;
      }
      const r = element.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left - 4}px`, top: `${r.top - 4}px`, width: `${r.width + 8}px`, height: `${r.height + 8}px` });
    },
    ask(pick, meaning) {
      const firstTime = panel.hidden;
      bar.hidden = true;
      panel.hidden = false;
      fields.hidden = false;
      saveButton.hidden = againButton.hidden = cancelButton.hidden = false;
      closeButton.hidden = true;
      status.textContent = '';
      value.textContent = describeValue(pick);
      hint.textContent = pick.value.ok
        ? pick.verified
          ? 'Strata finds it by the label below, even when the page changes around it.'
          : 'Strata looks for the label below and, failing that, for the number’s place on the page.'
        : `Strata cannot read this as ${meaning === 'count' ? 'a count' : 'an amount'}: ${pick.value.reason}`;
      hint.className = pick.value.ok ? 'muted' : 'error';
      saveButton.disabled = !pick.value.ok;
      if (firstTime || labelInput.value.trim() === '') labelInput.value = pick.label;
      alternatives.replaceChildren(...[pick.label, ...pick.alternatives].map((text) => el('option', { value: text })));
      meaningSelect.value = meaning;
      if (firstTime) labelInput.focus();
    },
    status: setStatus,
    done(label, site) {
      fields.hidden = true;
      saveButton.hidden = againButton.hidden = cancelButton.hidden = true;
      closeButton.hidden = false;
      hint.className = 'muted';
      hint.textContent = `To read it on later visits without the menu, allow ${site} under Sources in Strata’s options.`;
      setStatus(`Saved. Strata now reads “${label}” on ${site}.`, false);
      box.style.display = 'none';
      closeButton.focus();
    },
    remove() {
      host.remove();
    },
  };
}
