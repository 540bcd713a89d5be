/**
 * The background keeps the capture script registered exactly where access is
 * granted (utils/capture/registration.ts). fakeBrowser has no permissions
 * API and no scripting registrations, so both are modelled here the way
 * Chromium behaves: getAll() lists granted origins, onAdded/onRemoved fire on
 * a change, registerContentScripts refuses an id that is already registered
 * (and then registers nothing), unregisterContentScripts refuses an unknown id.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import { SUPPORTED_ORIGINS } from '@/utils/capture/host-permissions';
import { CAPTURE_SCRIPT_FILE, type CaptureScriptSpec } from '@/utils/capture/permissions';
import { createCaptureRegistration, registerCaptureScripts, type PermissionsLike, type ScriptingLike } from '@/utils/capture/registration';
import { db } from '@/utils/db';

type Listener = (change: { origins?: string[] }) => void;

class FakeEvent {
  listeners = new Set<Listener>();
  addListener = (cb: Listener) => void this.listeners.add(cb);
  removeListener = (cb: Listener) => void this.listeners.delete(cb);
  fire(change: { origins?: string[] }) {
    for (const cb of this.listeners) cb(change);
  }
}

class FakePermissions implements PermissionsLike {
  origins: string[] = [];
  onAdded = new FakeEvent();
  onRemoved = new FakeEvent();
  async getAll() {
    return { origins: [...this.origins], permissions: ['scripting', 'activeTab'] };
  }
  grant(...origins: string[]) {
    this.origins.push(...origins.filter((o) => !this.origins.includes(o)));
    this.onAdded.fire({ origins });
  }
  revoke(...origins: string[]) {
    this.origins = this.origins.filter((o) => !origins.includes(o));
    this.onRemoved.fire({ origins });
  }
}

class FakeScripting implements ScriptingLike {
  scripts = new Map<string, CaptureScriptSpec>();
  calls = 0;
  async getRegisteredContentScripts(filter?: { ids?: string[] }) {
    const all = [...this.scripts.values()].map((s) => structuredClone(s));
    return filter?.ids ? all.filter((s) => filter.ids!.includes(s.id)) : all;
  }
  async registerContentScripts(scripts: CaptureScriptSpec[]) {
    this.calls++;
    await Promise.resolve();
    const duplicate = scripts.find((s) => this.scripts.has(s.id));
    if (duplicate) throw new Error(`Duplicate script ID '${duplicate.id}'`);
    for (const s of scripts) this.scripts.set(s.id, structuredClone(s));
  }
  async unregisterContentScripts(filter?: { ids?: string[] }) {
    this.calls++;
    await Promise.resolve();
    const ids = filter?.ids ?? [...this.scripts.keys()];
    const missing = ids.find((id) => !this.scripts.has(id));
    if (missing) throw new Error(`Nonexistent script ID '${missing}'`);
    for (const id of ids) this.scripts.delete(id);
  }
  registered(): Record<string, string[]> {
    return Object.fromEntries([...this.scripts.values()].map((s) => [s.id, s.matches]));
  }
}

let permissions: FakePermissions;
let scripting: FakeScripting;

beforeEach(() => {
  permissions = new FakePermissions();
  scripting = new FakeScripting();
});

function registration(taught: string[] = [], staticallyCovered: string[] = []) {
  return createCaptureRegistration({
    permissions,
    scripting,
    adapters: ALL_ADAPTERS,
    taughtHosts: async () => taught,
    staticallyCovered,
  });
}

describe('createCaptureRegistration', () => {
  it('registers a site when access is granted and unregisters it when access is removed', async () => {
    const reg = registration();
    const stop = reg.start();
    await reg.sync();
    expect(scripting.registered()).toEqual({});
    expect(scripting.calls).toBe(0);

    permissions.grant('https://digital.fidelity.com/*');
    await vi.waitFor(() =>
      expect(scripting.registered()).toEqual({ 'strata-capture-site-fidelity': ['https://digital.fidelity.com/*'] }),
    );
    expect(scripting.scripts.get('strata-capture-site-fidelity')).toMatchObject({
      js: [CAPTURE_SCRIPT_FILE],
      allFrames: false,
      persistAcrossSessions: true,
    });

    permissions.grant('https://app.gumroad.com/*');
    await vi.waitFor(() => expect(Object.keys(scripting.registered()).sort()).toEqual(['strata-capture-site-fidelity', 'strata-capture-site-gumroad']));

    permissions.revoke('https://digital.fidelity.com/*');
    await vi.waitFor(() => expect(scripting.registered()).toEqual({ 'strata-capture-site-gumroad': ['https://app.gumroad.com/*'] }));

    stop();
    permissions.grant('https://digital.fidelity.com/*');
    await reg.sync(); // only an explicit sync now
    expect(Object.keys(scripting.registered()).sort()).toEqual(['strata-capture-site-fidelity', 'strata-capture-site-gumroad']);
  });

  it('at start, repairs registrations that drifted from the grants (changed while the extension was off)', async () => {
    permissions.origins = ['https://*.substack.com/*'];
    scripting.scripts.set('strata-capture-site-fidelity', {
      id: 'strata-capture-site-fidelity', matches: ['https://digital.fidelity.com/*'], js: [CAPTURE_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true,
    });
    scripting.scripts.set('strata-capture-site-substack', {
      id: 'strata-capture-site-substack', matches: ['https://substack.com/*'], js: [CAPTURE_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true,
    });
    const report = await registration().sync();
    expect(report).toEqual({ registered: ['strata-capture-site-substack'], unregistered: ['strata-capture-site-fidelity', 'strata-capture-site-substack'] });
    expect(scripting.registered()).toEqual({ 'strata-capture-site-substack': ['https://*.substack.com/*'] });
    // A second sync finds nothing to do.
    const calls = scripting.calls;
    expect(await registration().sync()).toEqual({ registered: [], unregistered: [] });
    expect(scripting.calls).toBe(calls);
  });

  it('never overlaps two syncs, so a burst of grants cannot register an id twice', async () => {
    const reg = registration();
    reg.start();
    permissions.grant('https://digital.fidelity.com/*');
    permissions.grant('https://app.gumroad.com/*');
    permissions.grant('https://robinhood.com/*');
    // Five syncs are queued (three grants, two here); every one must succeed.
    await Promise.all([reg.sync(), reg.sync()]);
    expect(Object.keys(scripting.registered()).sort()).toEqual([
      'strata-capture-site-fidelity',
      'strata-capture-site-gumroad',
      'strata-capture-site-robinhood',
    ]);
  });

  it('registers taught sites that are granted, and re-syncs when the taught rules change', async () => {
    let taught = ['example.com'];
    let notify = () => {};
    const reg = createCaptureRegistration({
      permissions,
      scripting,
      adapters: ALL_ADAPTERS,
      taughtHosts: async () => taught,
      watchTaughtHosts(onChange) {
        notify = onChange;
        onChange();
        return () => undefined;
      },
    });
    reg.start();
    permissions.grant('https://*/*');
    await vi.waitFor(() => expect(Object.keys(scripting.registered())).toHaveLength(ALL_ADAPTERS.length + 1));
    expect(scripting.registered()['strata-capture-taught-example.com']).toEqual(['https://example.com/*']);

    taught = ['example.com', 'my-shop.example.org'];
    notify();
    await vi.waitFor(() => expect(scripting.registered()['strata-capture-taught-my-shop.example.org']).toEqual(['https://my-shop.example.org/*']));
  });

  it('keeps taught sites registered when the rules cannot be read', async () => {
    permissions.origins = ['https://example.com/*'];
    await registration(['example.com']).sync();
    const failing = createCaptureRegistration({
      permissions,
      scripting,
      adapters: ALL_ADAPTERS,
      taughtHosts: () => Promise.reject(new Error('database closed')),
    });
    expect(await failing.sync()).toEqual({ registered: [], unregistered: [] });
    expect(scripting.registered()).toEqual({ 'strata-capture-taught-example.com': ['https://example.com/*'] });
  });

  it('registers nothing for sites the manifest already covers (end-to-end build)', async () => {
    permissions.origins = [...SUPPORTED_ORIGINS];
    await registration([], [...SUPPORTED_ORIGINS]).sync();
    expect(scripting.registered()).toEqual({});
  });
});

describe('registerCaptureScripts (the background wiring)', () => {
  const fake = fakeBrowser as unknown as Record<string, unknown>;
  let stop: () => void = () => undefined;

  beforeEach(async () => {
    fakeBrowser.reset();
    await db.captureRules.clear();
  });
  afterEach(() => {
    stop();
    vi.restoreAllMocks();
    delete fake['permissions'];
    delete fake['scripting'];
  });

  it('does nothing (and does not throw) where the browser has no permissions API', () => {
    delete fake['permissions'];
    stop = registerCaptureScripts();
    expect(typeof stop).toBe('function');
  });

  it('syncs from the browser grants and the taught rules in the database', async () => {
    fake['permissions'] = permissions;
    fake['scripting'] = scripting;
    // The shipped manifest: no static content scripts.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Strata', version: '0.1.0' });
    permissions.origins = ['https://app.gumroad.com/*', 'https://example.com/*'];
    await db.captureRules.add({
      id: 'rule-1',
      host: 'example.com',
      pathPattern: '',
      label: 'Balance',
      fallbackPath: '',
      meaning: 'balance',
      createdAt: Date.UTC(2026, 0, 5),
    });
    stop = registerCaptureScripts();
    await vi.waitFor(() =>
      expect(scripting.registered()).toEqual({
        'strata-capture-site-gumroad': ['https://app.gumroad.com/*'],
        'strata-capture-taught-example.com': ['https://example.com/*'],
      }),
    );
    // A rule taught later, on a granted host, is registered without a restart.
    permissions.origins.push('https://shop.example.net/*');
    await db.captureRules.add({
      id: 'rule-2',
      host: 'shop.example.net',
      pathPattern: '',
      label: 'Revenue',
      fallbackPath: '',
      meaning: 'earnings',
      createdAt: Date.UTC(2026, 0, 6),
    });
    await vi.waitFor(() => expect(scripting.registered()['strata-capture-taught-shop.example.net']).toEqual(['https://shop.example.net/*']));
  });
});
