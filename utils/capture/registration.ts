/**
 * Keeps the capture content script registered exactly where the person has
 * granted access: per supported site (adapter) and per taught site. Runs in
 * the background: a grant (permissions.onAdded) registers the site's script
 * with `scripting.registerContentScripts`, a removal (permissions.onRemoved)
 * unregisters it, and every start re-syncs from `permissions.getAll()`, so
 * the registrations never drift from the grants (a grant changed while the
 * extension was off, a browser that does not persist registrations).
 *
 * What to register is decided by the pure functions in ./permissions.ts; this
 * file only talks to the browser.
 */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { db } from '@/utils/db';
import { ALL_ADAPTERS } from './adapters';
import {
  desiredCaptureScripts,
  taughtScriptId,
  planScriptSync,
  staticCaptureMatches,
  type CaptureScriptSpec,
  type RegisteredScriptLike,
} from './permissions';
import type { SiteAdapter } from './types';

const TAUGHT_PREFIX = taughtScriptId('');

interface BrowserEvent<T extends unknown[]> {
  addListener(cb: (...args: T) => void): void;
  removeListener(cb: (...args: T) => void): void;
}

/** The parts of `browser.permissions` the sync uses. */
export interface PermissionsLike {
  getAll(): Promise<{ origins?: string[] }>;
  onAdded: BrowserEvent<[{ origins?: string[] }]>;
  onRemoved: BrowserEvent<[{ origins?: string[] }]>;
}

/** The parts of `browser.scripting` the sync uses. */
export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScriptLike[]>;
  registerContentScripts(scripts: CaptureScriptSpec[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
}

export interface CaptureRegistrationDeps {
  permissions: PermissionsLike;
  scripting: ScriptingLike;
  adapters: readonly SiteAdapter[];
  /** Hosts that have taught rules. */
  taughtHosts(): Promise<string[]>;
  /** Calls `onChange` whenever the taught rules change; returns a stop function. */
  watchTaughtHosts?(onChange: () => void): () => void;
  /** Origins the manifest's static content_scripts already cover (an end-to-end build). */
  staticallyCovered?: readonly string[];
  log?(message: string): void;
}

export interface SyncReport {
  registered: string[];
  unregistered: string[];
}

export interface CaptureRegistration {
  /** Brings the registrations in line with the grants; syncs never overlap. */
  sync(): Promise<SyncReport>;
  /** Listens for grants, removals and taught-rule changes; returns a stop function. */
  start(): () => void;
}

export function createCaptureRegistration(deps: CaptureRegistrationDeps): CaptureRegistration {
  let chain: Promise<unknown> = Promise.resolve();

  async function syncOnce(): Promise<SyncReport> {
    const [{ origins = [] }, registered] = await Promise.all([
      deps.permissions.getAll(),
      deps.scripting.getRegisteredContentScripts(),
    ]);
    let hosts: string[];
    try {
      hosts = await deps.taughtHosts();
    } catch (error) {
      // The rules cannot be read just now: keep the taught sites registered as they are.
      deps.log?.(`taught rules could not be read: ${String(error)}`);
      hosts = registered.filter((r) => r.id.startsWith(TAUGHT_PREFIX)).map((r) => r.id.slice(TAUGHT_PREFIX.length));
    }
    const desired = desiredCaptureScripts(deps.adapters, hosts, origins, deps.staticallyCovered ?? []);
    const plan = planScriptSync(desired, registered);
    if (plan.unregister.length > 0) await deps.scripting.unregisterContentScripts({ ids: plan.unregister });
    if (plan.register.length > 0) {
      try {
        await deps.scripting.registerContentScripts(plan.register);
      } catch (error) {
        // A browser that does not know persistAcrossSessions: register for
        // this session; the sync at every start registers them again.
        if (!/persistAcrossSessions/i.test(String(error))) throw error;
        await deps.scripting.registerContentScripts(
          plan.register.map(({ persistAcrossSessions: _drop, ...rest }) => rest as CaptureScriptSpec),
        );
      }
    }
    return { registered: plan.register.map((s) => s.id), unregistered: plan.unregister };
  }

  function sync(): Promise<SyncReport> {
    const next = chain.then(syncOnce, syncOnce);
    chain = next.catch((error: unknown) => deps.log?.(`capture registration sync failed: ${String(error)}`));
    return next;
  }

  function start(): () => void {
    const resync = () => {
      void sync().catch(() => undefined);
    };
    deps.permissions.onAdded.addListener(resync);
    deps.permissions.onRemoved.addListener(resync);
    const stopWatching = deps.watchTaughtHosts?.(resync);
    // The watcher reports the current rules at once; without one, sync now.
    if (!stopWatching) resync();
    return () => {
      deps.permissions.onAdded.removeListener(resync);
      deps.permissions.onRemoved.removeListener(resync);
      stopWatching?.();
    };
  }

  return { sync, start };
}

/** Hosts with taught rules, each once. */
async function taughtHostsFromDb(): Promise<string[]> {
  const rules = await db.captureRules.toArray();
  return [...new Set(rules.map((rule) => rule.host))];
}

/**
 * Starts the sync in the background (entrypoints/background.ts). Does nothing
 * where the browser lacks the permissions or scripting API (unit tests'
 * fakeBrowser), so the background's other work is unaffected.
 */
export function registerCaptureScripts(): () => void {
  const permissions = (browser as unknown as { permissions?: PermissionsLike }).permissions;
  const scripting = (browser as unknown as { scripting?: ScriptingLike }).scripting;
  if (!permissions?.onAdded || !scripting?.registerContentScripts) return () => undefined;
  let manifest: { content_scripts?: { js?: string[]; matches?: string[] }[] } = {};
  try {
    manifest = browser.runtime.getManifest() as typeof manifest;
  } catch {
    // No manifest to read (a test double): no static content scripts either.
  }
  const registration = createCaptureRegistration({
    permissions,
    scripting,
    adapters: ALL_ADAPTERS,
    taughtHosts: taughtHostsFromDb,
    watchTaughtHosts(onChange) {
      let last: string | undefined;
      const subscription = liveQuery(taughtHostsFromDb).subscribe({
        next(hosts) {
          const key = [...hosts].sort().join(',');
          if (key === last) return;
          last = key;
          onChange();
        },
        error: (error: unknown) => console.warn('Strata: taught rules could not be read', error),
      });
      return () => subscription.unsubscribe();
    },
    staticallyCovered: staticCaptureMatches(manifest.content_scripts),
    log: (message) => console.warn(`Strata: ${message}`),
  });
  return registration.start();
}
