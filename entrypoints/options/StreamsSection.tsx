/**
 * Income streams: the list, the form to add one, edit in place, delete with
 * what goes with it, and per stream its costs and hand-entered income.
 */
import { useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import { listAccounts } from '@/utils/db/queries';
import type { Account, AppSettings, Stream } from '@/utils/db/schema';
import { DEFAULT_ASSUMPTIONS, DEFAULT_STREAM_ASSUMPTION, isAssumptionId } from '@/utils/analytics/assumptions';
import { formatMoney } from '@/utils/money';
import { LAYER_LABELS, accountLabel } from '@/utils/labels';
import { ConfirmButton } from '@/components/ConfirmButton';
import { useLiveQuery } from '@/components/useLiveQuery';
import { StreamsCosts } from './StreamsCosts';
import { StreamsForm, streamCurrency } from './StreamsForm';
import { dayOf } from './StreamsFormContext';
import { StreamsIncome } from './StreamsIncome';

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const COLUMNS = 7;

/** "3 income events", "1 cost". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function StreamsSection(props: { settings: AppSettings; locale: string }) {
  const { value: streams, error } = useLiveQuery(async () => (await db.streams.toArray()).sort((a, b) => byName.compare(a.name, b.name)));
  const { value: accounts } = useLiveQuery(() => listAccounts(db, { includeArchived: true }));
  const { value: counts } = useLiveQuery(async () => {
    const events = new Map<string, number>();
    const costs = new Map<string, number>();
    await db.incomeEvents.orderBy('streamId').eachKey((key) => events.set(String(key), (events.get(String(key)) ?? 0) + 1));
    await db.streamCosts.orderBy('streamId').eachKey((key) => costs.set(String(key), (costs.get(String(key)) ?? 0) + 1));
    return { events, costs };
  });
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const allAccounts = accounts ?? [];
  const base = props.settings.baseCurrency;

  return (
    <section aria-labelledby="streams-heading" class="card">
      <h2 id="streams-heading">Streams</h2>
      <p class="muted">Each way you earn: its layer, the hours it takes, its costs and the income you enter by hand.</p>
      <StreamsForm
        key={`add-${base}`}
        formLabel="Add stream"
        submitLabel="Add stream"
        accounts={allAccounts}
        baseCurrency={base}
        locale={props.locale}
        onSave={async (draft) => {
          const saved = await store.addStream(draft);
          setStatus(`Added ${saved.name}.`);
        }}
      />
      <p role="status" class="form-status">
        {status}
      </p>
      {error && (
        <p role="alert" class="form-error">
          Could not read streams: {error.message}
        </p>
      )}
      {streams && streams.length === 0 && <p class="muted">No streams yet.</p>}
      {streams && streams.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table>
            <caption class="visually-hidden">Your income streams</caption>
            <thead>
              <tr>
                <th scope="col">Stream</th>
                <th scope="col">Layer</th>
                <th scope="col">Started</th>
                <th scope="col" class="num">
                  Hours a month
                </th>
                <th scope="col" class="num">
                  Self-sustaining at
                </th>
                <th scope="col" class="num">
                  Capital
                </th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            {streams.map((stream) => (
              <tbody key={stream.id}>
                {editing === stream.id ? (
                  <tr>
                    <td colSpan={COLUMNS}>
                      <StreamsForm
                        formLabel={`Edit ${stream.name}`}
                        submitLabel="Save stream"
                        stream={stream}
                        accounts={allAccounts}
                        baseCurrency={base}
                        locale={props.locale}
                        onCancel={() => setEditing(undefined)}
                        onSave={async (draft) => {
                          await store.updateStream(stream.id, draft);
                          setEditing(undefined);
                          setStatus(`Saved ${draft.name}.`);
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <StreamRow
                    stream={stream}
                    accounts={allAccounts}
                    locale={props.locale}
                    events={counts?.events.get(stream.id) ?? 0}
                    costs={counts?.costs.get(stream.id) ?? 0}
                    onEdit={() => setEditing(stream.id)}
                    onStatus={setStatus}
                  />
                )}
                <tr>
                  <td colSpan={COLUMNS}>
                    <details>
                      <summary>Costs and income of {stream.name}</summary>
                      <StreamsCosts stream={stream} currency={streamCurrency(stream, allAccounts, base)} locale={props.locale} />
                      <StreamsIncome stream={stream} currency={streamCurrency(stream, allAccounts, base)} locale={props.locale} />
                    </details>
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

function StreamRow(props: {
  stream: Stream;
  accounts: readonly Account[];
  locale: string;
  events: number;
  costs: number;
  onEdit: () => void;
  onStatus: (s: string) => void;
}) {
  const { stream } = props;
  const account = props.accounts.find((a) => a.id === stream.accountId);
  const profile = stream.assumptionId && isAssumptionId(stream.assumptionId) ? stream.assumptionId : DEFAULT_STREAM_ASSUMPTION[stream.layer];
  const hours = new Intl.NumberFormat(props.locale, { maximumFractionDigits: 2 }).format(stream.hoursPerMonth);
  return (
    <tr>
      <th scope="row">
        {stream.name}
        {stream.archivedAt !== undefined && <span> (archived)</span>}
        <div class="muted" style="font-size:0.8rem;font-weight:normal">
          {account ? `${accountLabel(account)} · ` : ''}
          Projected as {DEFAULT_ASSUMPTIONS[profile].label}
          {stream.assumptionId ? '' : ' (by layer)'}
        </div>
      </th>
      <td>{LAYER_LABELS[stream.layer]}</td>
      <td>{dayOf(stream.startedAt)}</td>
      <td class="num">{hours}</td>
      <td class="num">{stream.selfSustainingMonthly ? formatMoney(stream.selfSustainingMonthly, props.locale) : '—'}</td>
      <td class="num">{stream.capital ? formatMoney(stream.capital, props.locale) : account ? 'Account balance' : '—'}</td>
      <td style="display:flex;gap:0.4rem;flex-wrap:wrap">
        <button type="button" aria-label={`Edit ${stream.name}`} onClick={props.onEdit}>
          Edit
        </button>
        <ConfirmButton
          label="Delete"
          question={`Delete ${stream.name} with its ${count(props.events, 'income event', 'income events')} and ${count(props.costs, 'cost', 'costs')}? This cannot be undone.`}
          confirmLabel="Delete stream"
          onConfirm={async () => {
            const deleted = await store.deleteStream(stream.id);
            props.onStatus(
              `Deleted ${stream.name}, ${count(deleted.incomeEvents, 'income event', 'income events')} and ${count(deleted.streamCosts, 'cost', 'costs')}.`,
            );
          }}
        />
      </td>
    </tr>
  );
}
