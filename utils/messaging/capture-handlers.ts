/**
 * The background side of capture (issue 3):
 *
 *   content script ──submitReadings──► background keeps the tab's readings
 *   overlay (same tab) ──getTabReadings──► readings + accounts + suggestions
 *   overlay ──confirmReadings (choices only)──► planSave → applyCaptureWrites
 *   teach picker ──saveTaughtRule──► capture rule for the sender's host
 *   content script ──getTaughtRules──► the rules of its own host
 *
 * Senders: readings and rules come only from this extension's content script
 * in the top frame of an http(s) tab, and the page (host, path, adapter) is
 * the sender's URL, never the payload. Readings are answered and saved only
 * for an extension page in the same tab as the readings (the overlay), or
 * for the popup naming a tab. Amounts are always the stored readings'.
 */
import { ValidationError, dropUndefined, type FieldIssue } from '@/utils/db/errors';
import type { StrataDB } from '@/utils/db/database';
import { latestSnapshotByAccount, listAccounts } from '@/utils/db/queries';
import type { CaptureRule } from '@/utils/db/schema';
import { planSave } from '@/utils/capture/ingest';
import { alwaysDecisions, suggestItems } from '@/utils/capture/ingest-mappings';
import { matchAdapter, pathMatches } from '@/utils/capture/match';
import type { CaptureDecision, CaptureReadings, SaveReport } from '@/utils/capture/ingest-types';
import { ReadingsStore } from '@/utils/capture/readings-store';
import type { ExtractedItem, ExtractionResult, SiteAdapter } from '@/utils/capture/types';
import { guard, Refusal, type Handler, type SenderCheck } from './guard';
import type { HandlerDeps } from './handlers';
import type {
  AccountSummary,
  ConfirmReadingsResult,
  StreamSummary,
  SubmitReadingsResult,
  TabReadingsView,
  TaughtRule,
} from './protocol';
import { classifyCaptureSender, classifyReadingsSender, type CapturePage } from './validate';

/** Which adapter covers a page; the background wires utils/capture/match.ts here. */
export interface SiteMatcher {
  /** The adapter for a page URL (origin + path), or null. */
  adapterFor(url: string): SiteAdapter | null;
  /** Whether `path` is one of the adapter's paper (simulated) paths. */
  isPaperPath(adapter: SiteAdapter, path: string): boolean;
}

export const NO_SITES: SiteMatcher = { adapterFor: () => null, isPaperPath: () => false };

/** The matcher for a list of adapters (utils/capture/match.ts: https pages only). */
export function siteMatcher(adapters: readonly SiteAdapter[]): SiteMatcher {
  return {
    adapterFor: (url) => matchAdapter(url, adapters),
    isPaperPath: (adapter, path) => (adapter.paperPaths ?? []).some((pattern) => pathMatches(pattern, path)),
  };
}

export interface CaptureHandlers {
  submitReadings: Handler<SubmitReadingsResult>;
  getTabReadings: Handler<TabReadingsView>;
  confirmReadings: Handler<ConfirmReadingsResult>;
  saveTaughtRule: Handler<{ id: string }>;
  getTaughtRules: Handler<TaughtRule[]>;
}

/**
 * The items as the background keeps them: each must be a figure of the
 * page's adapter or a rule taught for this host (the extractor adds taught
 * figures on adapter pages too), with the same kind. What a figure means
 * beyond its value (total, paper, metric, income kind) is taken from the
 * adapter and the URL, not from the payload.
 */
function checkedItems(
  result: ExtractionResult,
  adapter: SiteAdapter | null,
  paper: boolean,
  rules: readonly CaptureRule[],
): ExtractedItem[] {
  const issues: FieldIssue[] = [];
  const items = result.items.map((item, i) => {
    const field = `result.items.${i}.figureKey`;
    const figure = adapter?.figures.find((f) => f.key === item.figureKey);
    if (figure && figure.kind === item.kind) {
      return dropUndefined({
        ...item,
        total: figure.total ? true : undefined,
        paper: paper ? true : undefined,
        metric: figure.metric,
        incomeKind: figure.incomeKind,
      });
    }
    const rule = figure ? undefined : rules.find((r) => r.id === item.figureKey);
    if (rule && rule.meaning === item.kind) {
      return dropUndefined({ ...item, total: undefined, paper: paper ? true : undefined, metric: undefined, incomeKind: undefined });
    }
    const what = adapter ? `figure of ${adapter.name} nor a rule taught for this site` : 'rule taught for this site';
    issues.push({ field, message: `${field}: "${item.figureKey}" is not a ${item.kind} ${what}` });
    return item;
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return items;
}

/** Accounts a picker offers: unarchived, by institution then name (utils/db listAccounts), without notes or tax details. */
export async function accountSummaries(db: StrataDB): Promise<AccountSummary[]> {
  const accounts = await listAccounts(db, { includeArchived: false });
  return accounts.map(({ id, institution, name, kind, layer, currency }) => ({ id, institution, name, kind, layer, currency }));
}

const byText = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Streams a picker offers: unarchived, by name. */
export async function streamSummaries(db: StrataDB): Promise<StreamSummary[]> {
  const streams = await db.streams.toArray();
  return streams
    .filter((s) => s.archivedAt === undefined)
    .sort((a, b) => byText.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, name, layer, accountId }) => ({ id, name, layer, ...(accountId !== undefined ? { accountId } : {}) }));
}

export function createCaptureHandlers(deps: HandlerDeps): CaptureHandlers {
  const { db, store } = deps;
  const readings = deps.readings ?? new ReadingsStore();
  const sites = deps.sites ?? NO_SITES;
  const now = deps.now ?? (() => Date.now());
  const tzOf = deps.tzOffsetMinutes ?? ((at: number) => -new Date(at).getTimezoneOffset());

  // Saves run one at a time, so two confirmations of one tab cannot both pass the "not saved yet" check.
  let queue: Promise<unknown> = Promise.resolve();
  function serially<R>(work: () => Promise<R>): Promise<R> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  const fromContentScript: SenderCheck<CapturePage> = (sender) => {
    const from = classifyCaptureSender(sender, deps.extensionId, deps.extensionOrigin);
    return from.ok ? { ok: true, context: from.page } : from;
  };
  const fromExtensionPage: SenderCheck<number | undefined> = (sender) => {
    const from = classifyReadingsSender(sender, deps.extensionId, deps.extensionOrigin);
    return from.ok ? { ok: true, context: from.tabId } : from;
  };

  /** The tab whose readings a page may use: its own; only a page with no tab (the popup) may name one. */
  function tabFor(senderTab: number | undefined, named: number | undefined): number {
    if (senderTab !== undefined) {
      if (named !== undefined && named !== senderTab) throw new Refusal('a page in a tab can only use its own tab\'s readings');
      return senderTab;
    }
    if (named === undefined) throw new Refusal('which tab? A page outside a tab must name tabId');
    return named;
  }

  async function save(
    stored: CaptureReadings,
    decisions: readonly CaptureDecision[],
    always: boolean,
    acceptJumps: boolean,
  ): Promise<ConfirmReadingsResult> {
    const [accounts, streams, latest, settings] = await Promise.all([
      db.accounts.toArray(),
      db.streams.toArray(),
      latestSnapshotByAccount(db),
      store.getSettings(),
    ]);
    const at = now();
    const tzOffsetMinutes = tzOf(at);
    const plan = planSave({
      readings: stored,
      decisions,
      accounts,
      streams,
      lastBalances: new Map([...latest].map(([id, snapshot]) => [id, snapshot.amount])),
      settings,
      now: at,
      tzOffsetMinutes,
      acceptJumps,
      always,
      ...(deps.newId ? { newId: deps.newId } : {}),
    });
    if (plan.status === 'refused') throw new ValidationError(plan.issues);
    if (plan.status === 'needs-confirmation') return plan;
    const written = await store.applyCaptureWrites(plan.writes, tzOffsetMinutes);
    const report: SaveReport = {
      saved: written.saved,
      replaced: written.replaced,
      ignored: plan.ignored,
      created: written.created,
      refused: plan.refused,
    };
    readings.markSaved(stored.tabId, stored.readingsId, report);
    return { status: 'saved', report };
  }

  return {
    submitReadings: guard('submitReadings', fromContentScript, async (input, page) => {
      const adapter = sites.adapterFor(page.origin + page.path);
      const { result } = input;
      if (result.site !== (adapter?.id ?? null)) {
        const field = 'result.site';
        const actual = adapter ? `"${adapter.id}"` : 'not a supported site';
        throw new ValidationError([
          { field, message: `${field}: the readings name ${JSON.stringify(result.site)} but this page is ${actual}` },
        ]);
      }
      const rules = await db.captureRules.where('host').equals(page.host).toArray();
      const items = checkedItems(result, adapter, adapter ? sites.isPaperPath(adapter, page.path) : false, rules);
      const stored = readings.put({
        tabId: page.tabId,
        siteId: adapter ? adapter.id : `taught:${page.host}`,
        site: adapter?.id ?? null,
        siteName: adapter?.name ?? page.host,
        adapterVersion: adapter?.version ?? null,
        layer: adapter?.layer ?? null,
        accountKind: adapter?.accountKind ?? null,
        host: page.host,
        path: page.path,
        origin: page.origin,
        title: input.title,
        items,
        problems: result.problems,
        submittedAt: now(),
      });

      // "Always save from this page": save at once when every figure is mapped so.
      const [mappings, accounts, streams] = await Promise.all([
        db.captureMappings.where('siteId').equals(stored.siteId).toArray(),
        db.accounts.toArray(),
        db.streams.toArray(),
      ]);
      const decisions = alwaysDecisions(items, mappings, { accounts, streams });
      if (decisions) {
        const outcome = await serially(async () => {
          const current = readings.get(stored.tabId);
          if (current?.readingsId !== stored.readingsId) return undefined; // replaced meanwhile
          return save(stored, decisions, true, false);
        }).catch(() => undefined); // the overlay shows the figures; saving by hand reports any problem
        if (outcome?.status === 'saved') return { readingsId: stored.readingsId, autoSaved: outcome.report };
      }
      return { readingsId: stored.readingsId };
    }),

    getTabReadings: guard('getTabReadings', fromExtensionPage, async (input, senderTab) => {
      const tabId = tabFor(senderTab, input?.tabId);
      const stored = readings.get(tabId);
      if (!stored) throw new Refusal('there are no readings for this tab');
      const [accounts, streams, mappings, rules] = await Promise.all([
        accountSummaries(db),
        streamSummaries(db),
        db.captureMappings.where('siteId').equals(stored.siteId).toArray(),
        db.captureRules.where('host').equals(stored.host).toArray(),
      ]);
      return {
        readingsId: stored.readingsId,
        site: stored.site,
        siteName: stored.siteName,
        layer: stored.layer,
        host: stored.host,
        path: stored.path,
        title: stored.title,
        items: stored.items.map((item, index) => ({ ...item, index })),
        problems: stored.problems,
        accounts,
        streams,
        // Only unarchived accounts and streams are offered, so only they are suggested.
        suggestions: suggestItems(stored.items, { mappings, rules, accounts, streams }),
        saved: stored.saved ?? null,
      };
    }),

    confirmReadings: guard('confirmReadings', fromExtensionPage, async (input, senderTab) => {
      const tabId = tabFor(senderTab, input.tabId);
      return serially(async () => {
        const stored = readings.get(tabId);
        if (!stored || stored.readingsId !== input.readingsId) {
          throw new Refusal('these are not the current readings of this tab (the page changed or closed); review them again');
        }
        if (stored.saved) throw new Refusal('these readings were already saved');
        return save(stored, input.decisions, input.always, input.acceptJumps ?? false);
      });
    }),

    saveTaughtRule: guard('saveTaughtRule', fromContentScript, async (input, page) => {
      const sameLabel = (await db.captureRules.where('host').equals(page.host).toArray()).find(
        (r) => r.pathPattern === page.path && r.label.toLowerCase() === input.label.toLowerCase(),
      );
      const fields = {
        label: input.label,
        fallbackPath: input.fallbackPath,
        meaning: input.meaning,
        accountId: input.accountId,
        streamId: input.streamId,
      };
      const rule = sameLabel
        ? await store.updateCaptureRule(sameLabel.id, fields)
        : await store.addCaptureRule({ ...fields, host: page.host, pathPattern: page.path });
      return { id: rule.id };
    }),

    getTaughtRules: guard('getTaughtRules', fromContentScript, async (_input, page) => {
      const rules = await db.captureRules.where('host').equals(page.host).sortBy('createdAt');
      return rules.map(({ accountId: _account, streamId: _stream, ...rule }): TaughtRule => rule);
    }),
  };
}
