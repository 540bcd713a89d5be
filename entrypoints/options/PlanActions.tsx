import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CoachAction } from '@/utils/analytics/plan-types';
import { store } from '@/utils/db';
import { actionsInOrder, phrasingItems, type PhrasedReason } from '@/utils/phrasing';
import { PhrasingButton, useOnDeviceModel } from './PlanPhrasing';
import type { PlanFormat } from './PlanFormat';

const STATUS_MARKS: Record<CoachAction['status'], { mark: string; label: string; colour: string }> = {
  do: { mark: '→', label: 'To do', colour: 'var(--accent)' },
  wait: { mark: '…', label: 'Waiting', colour: 'var(--muted)' },
  ok: { mark: '✓', label: 'Done', colour: 'var(--ok)' },
};

/**
 * The coach's next actions: "do" first, then "wait", each with its title,
 * its reason and its figures; the satisfied ("ok") ones folded away. With
 * phrasing on and an on-device model ready, "Say it plainly" rewords the top
 * reasons (only wordings whose numbers all come from the rules are shown).
 */
export function PlanActions(props: {
  actions: readonly CoachAction[];
  format: PlanFormat;
  /** planSettings.phrasing */
  phrasing: boolean;
  /** Where to look for the Prompt API (globalThis; tests pass a fake). */
  modelScope?: object;
}) {
  const { format } = props;
  const ordered = useMemo(() => actionsInOrder(props.actions), [props.actions]);
  const open = ordered.filter((a) => a.status !== 'ok');
  const done = ordered.filter((a) => a.status === 'ok');
  const model = useOnDeviceModel(props.phrasing, props.modelScope);
  const items = useMemo(() => phrasingItems(props.actions, format.money), [props.actions, format]);
  const [phrased, setPhrased] = useState<PhrasedReason[] | undefined>(undefined);
  // New advice: an old rewording no longer belongs to it.
  const itemsKey = JSON.stringify(items);
  useEffect(() => setPhrased(undefined), [itemsKey]);

  return (
    <div>
      <h3 id="next-actions-heading" style="margin-bottom:0.25rem">
        Next actions
      </h3>
      {model && <PhrasingButton model={model} items={items} onPhrased={setPhrased} />}
      {open.length === 0 ? (
        <p class="muted">Nothing to do right now: every rule is satisfied.</p>
      ) : (
        <ol aria-labelledby="next-actions-heading" data-testid="next-actions" style="padding-left:1.25rem;margin:0.25rem 0">
          {open.map((action, i) => (
            <ActionItem key={action.rule} action={action} format={format} phrased={phrased?.[i]} />
          ))}
        </ol>
      )}
      {done.length > 0 && (
        <details>
          <summary>Already in order ({done.length})</summary>
          <ul style="padding-left:1.25rem;margin:0.25rem 0">
            {done.map((action) => (
              <ActionItem key={action.rule} action={action} format={format} phrased={undefined} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ActionItem(props: { action: CoachAction; format: PlanFormat; phrased: PhrasedReason | undefined }) {
  const { action, format, phrased } = props;
  const status = STATUS_MARKS[action.status];
  return (
    <li data-testid="next-action" data-status={action.status} data-rule={action.rule} style="margin-block:0.5rem">
      <strong>
        <span aria-hidden="true" style={`color:${status.colour}`}>
          {status.mark}{' '}
        </span>
        <span class="visually-hidden">{status.label}: </span>
        {action.title}
      </strong>
      {phrased?.ok ? (
        <>
          <p style="margin:0.15rem 0" data-testid="phrased-reason">
            {phrased.text}
          </p>
          <p class="muted" style="margin:0;font-size:0.8em">
            The rules' words: {action.reason}
          </p>
        </>
      ) : (
        <>
          <p style="margin:0.15rem 0">{action.reason}</p>
          {phrased && !phrased.ok && (
            <p role="note" class="muted" style="margin:0;font-size:0.8em">
              {phrased.note}
            </p>
          )}
        </>
      )}
      {action.rule === 'leverage-review' && action.status === 'do' && <ReviewedButton />}
      {action.figures.length > 0 && (
        <ul style="margin:0.15rem 0;padding-left:1rem;font-size:0.9em">
          {action.figures.map((f) => (
            <li>
              <span class="muted">{f.label}:</span>{' '}
              <span style="font-variant-numeric:tabular-nums">{f.minor !== undefined ? format.money(f.minor) : f.text}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * After the day-90 review the person keeps the play: a new 90-day commitment
 * starts today (choosing another play is done under Budget).
 */
function ReviewedButton() {
  const [error, setError] = useState<string | undefined>(undefined);
  const recommit = async () => {
    try {
      const plan = await store.getPlanSettings();
      if (!plan.leveragePlay) return;
      await store.savePlanSettings({ leveragePlay: { ...plan.leveragePlay, committedAt: Date.now() } });
      setError(undefined);
    } catch (e) {
      setError(`Could not save: ${(e as Error).message}`);
    }
  };
  return (
    <p style="margin:0.25rem 0">
      <button type="button" onClick={() => void recommit()}>
        Reviewed: keep it for another 90 days
      </button>
      {error && (
        <span role="alert" class="form-error">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
