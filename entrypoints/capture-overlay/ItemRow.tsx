import { LAYERS, type Layer } from '@/utils/db/schema';
import { LAYER_LABELS } from '@/utils/labels';
import type { ExtractedItem } from '@/utils/capture/types';
import { accountsFor, choiceFromValue, choiceValue, displayLabel, formatItemValue, kindWords, targetKind, type Choice, type ReadingsView } from './model';

/**
 * One figure found on the page: what it is (text only: scraped words are
 * rendered as text nodes, never as HTML), and where it goes.
 */
export function ItemRow(props: {
  item: ExtractedItem;
  index: number;
  view: ReadingsView;
  choice: Choice;
  locale: string;
  error?: string | undefined;
  disabled: boolean;
  onChange: (choice: Choice) => void;
}) {
  const { item, index, view, choice } = props;
  const id = `item-${index}`;
  const target = targetKind(item);
  const accounts = target === 'stream' ? [] : accountsFor(item, view.accounts);
  const streams = target === 'account' ? [] : view.streams;
  const taught = view.layer === null;
  const described = props.error ? `${id}-error` : undefined;
  const set = (patch: Partial<Extract<Choice, { kind: 'new-account' | 'new-stream' }>>) =>
    props.onChange({ ...choice, ...patch } as Choice);

  return (
    <li class="item" aria-labelledby={`${id}-what`}>
      <span class="num" aria-hidden="true">
        {index + 1}
      </span>
      <div class="what" id={`${id}-what`}>
        <span>
          <span class="visually-hidden">Figure {index + 1}: </span>
          {item.account ?? displayLabel(item)}
        </span>
        <span class="value" data-testid={`overlay-value-${index}`}>
          {formatItemValue(item, props.locale)}
        </span>
      </div>
      <div class="meta">
        {item.account !== null && displayLabel(item) !== kindWords(item.kind) ? `${displayLabel(item)} · ` : ''}
        {kindWords(item.kind)}
        {item.period !== null && <> · {item.period}</>}
        {item.total && <span class="tag">Page total</span>}
        {item.paper && <span class="tag">Paper</span>}
      </div>
      <div class="controls">
        <div class="field wide">
          <label for={`${id}-to`}>
            Save to<span class="visually-hidden"> (figure {index + 1})</span>
          </label>
          <select
            id={`${id}-to`}
            value={choiceValue(choice)}
            disabled={props.disabled}
            aria-invalid={props.error ? 'true' : 'false'}
            aria-describedby={described}
            onChange={(e) => props.onChange(choiceFromValue(e.currentTarget.value, item, index, view, choice))}
          >
            {accounts.length > 0 && (
              <optgroup label="Accounts">
                {accounts.map((a) => (
                  <option key={a.id} value={`account:${a.id}`}>
                    {a.institution} — {a.name}
                  </option>
                ))}
              </optgroup>
            )}
            {streams.length > 0 && (
              <optgroup label="Income streams">
                {streams.map((s) => (
                  <option key={s.id} value={`stream:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            )}
            {target !== 'stream' && <option value="new-account">New account…</option>}
            {target !== 'account' && <option value="new-stream">New income stream…</option>}
            <option value="ignore">Ignore</option>
          </select>
        </div>
        {choice.kind === 'new-account' && (
          <>
            <TextField id={`${id}-institution`} label="Institution" value={choice.institution} disabled={props.disabled} onInput={(v) => set({ institution: v })} />
            <TextField id={`${id}-name`} label="Account name" value={choice.name} disabled={props.disabled} onInput={(v) => set({ name: v })} />
          </>
        )}
        {choice.kind === 'new-stream' && (
          <TextField wide id={`${id}-stream`} label="Stream name" value={choice.name} disabled={props.disabled} onInput={(v) => set({ name: v })} />
        )}
        {taught && (choice.kind === 'new-account' || choice.kind === 'new-stream') && (
          <div class="field">
            <label for={`${id}-layer`}>Layer</label>
            <select
              id={`${id}-layer`}
              value={choice.layer ?? ''}
              disabled={props.disabled}
              onChange={(e) => set({ layer: e.currentTarget.value as Layer })}
            >
              {LAYERS.map((layer) => (
                <option key={layer} value={layer}>
                  {LAYER_LABELS[layer]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {props.error && (
        <span id={`${id}-error`} class="field-error" role="alert" style="grid-column:2">
          {props.error}
        </span>
      )}
    </li>
  );
}

function TextField(props: { id: string; label: string; value: string; disabled: boolean; wide?: boolean; onInput: (value: string) => void }) {
  return (
    <div class={props.wide ? 'field wide' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        value={props.value}
        maxLength={200}
        disabled={props.disabled}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
