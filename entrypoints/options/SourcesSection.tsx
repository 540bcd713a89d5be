/**
 * Sources: every site Strata can read, by layer, and the sites the person
 * taught, each with its access and a button to allow or remove it. Access is
 * asked per site with permissions.request, straight from the click (the
 * browser only shows its prompt during a user gesture); the background then
 * registers the capture script for that site (utils/capture/registration.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import { originPatterns } from '@/utils/capture/match';
import { hasAccess, taughtOrigin } from '@/utils/capture/permissions';
import type { FigureSpec, SiteAdapter } from '@/utils/capture/types';
import { db } from '@/utils/db';
import { LAYERS } from '@/utils/db/schema';
import { LAYER_LABELS, LAYER_METHODS } from '@/utils/labels';
import { useLiveQuery } from '@/components/useLiveQuery';

const FIGURE_KIND_WORDS: Record<FigureSpec['kind'], string> = {
  balance: 'balance',
  cash: 'cash',
  earnings: 'earnings',
  mrr: 'MRR',
  realized: 'realized P&L',
  count: 'count',
};

/** "Total balance; Balance (per account)" — what the adapter reads, in the page's words. */
export function figuresRead(adapter: Pick<SiteAdapter, 'figures'>): string {
  return adapter.figures
    .map((f) => `${f.labels[0] ?? f.key} (${FIGURE_KIND_WORDS[f.kind]}${f.scope === 'account' ? ', per account' : ''})`)
    .join('; ');
}

/** The origins the browser has granted, kept current as grants change. */
function useGrantedOrigins(): { origins: string[] | undefined; error: string | undefined } {
  const [state, setState] = useState<{ origins: string[] | undefined; error: string | undefined }>({ origins: undefined, error: undefined });
  useEffect(() => {
    const permissions = browser.permissions;
    if (!permissions) {
      setState({ origins: [], error: 'This browser does not let Strata ask for site access.' });
      return;
    }
    const read = () =>
      permissions.getAll().then(
        (all) => setState({ origins: all.origins ?? [], error: undefined }),
        (error: unknown) => setState({ origins: [], error: `Could not read site access: ${String(error)}` }),
      );
    void read();
    permissions.onAdded.addListener(read);
    permissions.onRemoved.addListener(read);
    return () => {
      permissions.onAdded.removeListener(read);
      permissions.onRemoved.removeListener(read);
    };
  }, []);
  return state;
}

function AccessCell(props: { id: string; name: string; origins: string[]; granted: string[] | undefined; onMessage: (m: string) => void }) {
  const allowed = props.granted ? hasAccess(props.origins, props.granted) : undefined;
  function allow() {
    // No await before request(): the prompt needs the click's user gesture.
    browser.permissions.request({ origins: props.origins }).then(
      (ok) => props.onMessage(ok ? `${props.name}: access allowed.` : `${props.name}: access was not allowed.`),
      (error: unknown) => props.onMessage(`${props.name}: ${String(error)}`),
    );
  }
  function remove() {
    browser.permissions.remove({ origins: props.origins }).then(
      async (ok) => {
        const still = hasAccess(props.origins, (await browser.permissions.getAll()).origins ?? []);
        props.onMessage(
          still
            ? `${props.name}: access comes from a wider grant (all sites); change it in the browser's settings for Strata.`
            : ok
              ? `${props.name}: access removed.`
              : `${props.name}: access could not be removed.`,
        );
      },
      (error: unknown) => props.onMessage(`${props.name}: ${String(error)}`),
    );
  }
  return (
    <>
      <td data-testid={`source-status-${props.id}`}>{allowed === undefined ? '…' : allowed ? 'Allowed' : 'Not allowed'}</td>
      <td>
        {allowed ? (
          <button type="button" style="white-space:nowrap" onClick={remove} aria-label={`Remove access to ${props.name}`}>
            Remove access
          </button>
        ) : (
          <button type="button" class="primary" style="white-space:nowrap" disabled={allowed === undefined} onClick={allow} aria-label={`Allow access to ${props.name}`}>
            Allow access
          </button>
        )}
      </td>
    </>
  );
}

export function SourcesSection() {
  const { origins: granted, error } = useGrantedOrigins();
  const [message, setMessage] = useState('');
  const { value: taught } = useLiveQuery(async () => {
    const byHost = new Map<string, string[]>();
    await db.captureRules.each((rule) => byHost.set(rule.host, [...(byHost.get(rule.host) ?? []), rule.label]));
    return [...byHost.entries()].sort(([a], [b]) => a.localeCompare(b));
  });

  return (
    <section aria-labelledby="sources-heading" class="card">
      <h2 id="sources-heading">Sources</h2>
      <p class="muted">
        Strata reads figures only on the sites you allow, and only while you look at them. Allow a site once and Strata offers its figures
        each time you visit; the popup’s “Capture this page” works on any page without it.
      </p>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <p role="status" class="form-status">
        {message}
      </p>
      {LAYERS.map((layer) => {
        const adapters = ALL_ADAPTERS.filter((a) => a.layer === layer);
        if (adapters.length === 0) return null;
        return (
          <div key={layer}>
            <h3 id={`sources-${layer}`} style={`color:var(--layer-${layer})`}>
              {LAYER_LABELS[layer]} <span class="muted" style="font-weight:400">· {LAYER_METHODS[layer]}</span>
            </h3>
            <div class="scroll-box" tabIndex={0}>
              <table aria-labelledby={`sources-${layer}`}>
                <SourcesHead reads="Figures it reads" />
                <tbody>
                  {adapters.map((adapter) => (
                    <tr key={adapter.id} data-testid={`source-${adapter.id}`}>
                      <th scope="row" style="font-weight:600">
                        {adapter.name}
                        <div class="muted" style="font-weight:400;font-size:0.85rem">
                          {adapter.hosts.join(', ')}
                        </div>
                      </th>
                      <td style="font-size:0.9rem">{figuresRead(adapter)}</td>
                      <AccessCell id={adapter.id} name={adapter.name} origins={originPatterns(adapter)} granted={granted} onMessage={setMessage} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
      <h3 id="sources-taught">Sites you taught</h3>
      {taught && taught.length === 0 && (
        <p class="muted">None yet. On any site, open the Strata menu and choose “Teach this page”, then click a number.</p>
      )}
      {taught && taught.length > 0 && (
        <div class="scroll-box" tabIndex={0}>
          <table aria-labelledby="sources-taught">
            <SourcesHead reads="Labels it reads" />
            <tbody>
              {taught.map(([host, labels]) => (
                <tr key={host} data-testid={`source-taught-${host}`}>
                  <th scope="row" style="font-weight:600">
                    {host}
                  </th>
                  <td style="font-size:0.9rem">{labels.join('; ')}</td>
                  <AccessCell id={`taught-${host}`} name={host} origins={[taughtOrigin(host)]} granted={granted} onMessage={setMessage} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The column heads of both source tables: the site, what it reads, its access and the button that changes it. */
function SourcesHead(props: { reads: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">Site</th>
        <th scope="col">{props.reads}</th>
        <th scope="col">Access</th>
        <th scope="col">
          <span class="visually-hidden">Change access</span>
        </th>
      </tr>
    </thead>
  );
}
