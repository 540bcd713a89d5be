/**
 * Which sites Strata may read and which content-script registrations follow
 * (utils/capture/permissions.ts), and the manifest wxt.config.ts declares:
 * optional hosts only, written by hand and equal to the adapters' hosts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import { SUPPORTED_ORIGINS, TAUGHT_SITES_ORIGIN } from '@/utils/capture/host-permissions';
import {
  CAPTURE_SCRIPT_FILE,
  desiredCaptureScripts,
  grantedAdapters,
  hasAccess,
  parseMatchPattern,
  patternCovers,
  planScriptSync,
  staticCaptureMatches,
  supportedOrigins,
} from '@/utils/capture/permissions';

const FIDELITY = ALL_ADAPTERS.find((a) => a.id === 'fidelity')!;
const SUBSTACK = ALL_ADAPTERS.find((a) => a.id === 'substack')!;

describe('the hand-written host list', () => {
  it('is exactly the origin patterns of every adapter, each once', () => {
    expect([...SUPPORTED_ORIGINS].sort()).toEqual(supportedOrigins(ALL_ADAPTERS).sort());
    expect(new Set(SUPPORTED_ORIGINS).size).toBe(SUPPORTED_ORIGINS.length);
  });

  it('names hosts only (https, a path of /*), never every site', () => {
    for (const origin of SUPPORTED_ORIGINS) expect(origin).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
    expect(SUPPORTED_ORIGINS).not.toContain('<all_urls>');
  });
});

describe('match patterns', () => {
  it('reads scheme and host', () => {
    expect(parseMatchPattern('https://*.substack.com/*')).toEqual({ scheme: 'https', host: '*.substack.com' });
    expect(parseMatchPattern('<all_urls>')).toEqual({ scheme: '*', host: '*' });
    expect(parseMatchPattern('not a pattern')).toBeNull();
  });

  it('knows which grants cover which sites', () => {
    expect(patternCovers('https://*/*', 'https://digital.fidelity.com/*')).toBe(true);
    expect(patternCovers('<all_urls>', 'https://app.gumroad.com/*')).toBe(true);
    expect(patternCovers('*://*/*', 'https://app.gumroad.com/*')).toBe(true);
    expect(patternCovers('http://*/*', 'https://app.gumroad.com/*')).toBe(false);
    expect(patternCovers('https://*.substack.com/*', 'https://news.substack.com/*')).toBe(true);
    expect(patternCovers('https://*.substack.com/*', 'https://*.substack.com/*')).toBe(true);
    expect(patternCovers('https://news.substack.com/*', 'https://*.substack.com/*')).toBe(false);
    expect(patternCovers('https://fidelity.com/*', 'https://digital.fidelity.com/*')).toBe(false);
    // Host permissions ignore paths.
    expect(patternCovers('https://app.gumroad.com/dashboard', 'https://app.gumroad.com/*')).toBe(true);
  });

  it('grants an adapter only when all of its hosts are covered', () => {
    expect(grantedAdapters(ALL_ADAPTERS, ['https://digital.fidelity.com/*']).map((a) => a.id)).toEqual(['fidelity']);
    expect(grantedAdapters(ALL_ADAPTERS, ['https://news.substack.com/*']).map((a) => a.id)).toEqual([]);
    expect(grantedAdapters(ALL_ADAPTERS, [TAUGHT_SITES_ORIGIN])).toHaveLength(ALL_ADAPTERS.length);
    expect(hasAccess([], ['https://*/*'])).toBe(false);
  });
});

describe('desiredCaptureScripts', () => {
  it('registers the capture script per granted adapter, on its hosts, top frame only', () => {
    const scripts = desiredCaptureScripts(ALL_ADAPTERS, [], ['https://digital.fidelity.com/*', 'https://*.substack.com/*']);
    expect(scripts).toEqual([
      {
        id: 'strata-capture-site-fidelity',
        matches: ['https://digital.fidelity.com/*'],
        js: [CAPTURE_SCRIPT_FILE],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
      expect.objectContaining({ id: 'strata-capture-site-substack', matches: ['https://*.substack.com/*'] }),
    ]);
  });

  it('registers a taught site only when it is granted and no adapter covers it', () => {
    const granted = ['https://example.com/*', 'https://digital.fidelity.com/*'];
    const scripts = desiredCaptureScripts(ALL_ADAPTERS, ['example.com', 'digital.fidelity.com', 'other.org', 'example.com'], granted);
    expect(scripts.map((s) => [s.id, s.matches])).toEqual([
      ['strata-capture-site-fidelity', ['https://digital.fidelity.com/*']],
      ['strata-capture-taught-example.com', ['https://example.com/*']],
    ]);
  });

  it('leaves out sites the manifest already injects into (an end-to-end build)', () => {
    const scripts = desiredCaptureScripts(ALL_ADAPTERS, ['example.com'], ['https://*/*'], [...SUPPORTED_ORIGINS]);
    expect(scripts.map((s) => s.id)).toEqual(['strata-capture-taught-example.com']);
  });
});

describe('planScriptSync', () => {
  const fidelity = desiredCaptureScripts([FIDELITY], [], ['https://*/*']);
  const substack = desiredCaptureScripts([SUBSTACK], [], ['https://*/*']);

  it('registers what is missing and unregisters what is no longer granted, leaving others alone', () => {
    const plan = planScriptSync(fidelity, [
      { id: 'strata-capture-site-substack', matches: ['https://*.substack.com/*'], js: [CAPTURE_SCRIPT_FILE] },
      { id: 'someone-else', matches: ['https://a.com/*'] },
    ]);
    expect(plan.register.map((s) => s.id)).toEqual(['strata-capture-site-fidelity']);
    expect(plan.unregister).toEqual(['strata-capture-site-substack']);
  });

  it('changes nothing when the registrations already match (a leading "/" on a file is the same file)', () => {
    const registered = [...fidelity, ...substack].map((s) => ({ id: s.id, matches: [...s.matches], js: ['/' + CAPTURE_SCRIPT_FILE] }));
    expect(planScriptSync([...fidelity, ...substack], registered)).toEqual({ register: [], unregister: [] });
  });

  it('replaces a registration whose matches changed', () => {
    const plan = planScriptSync(fidelity, [{ id: 'strata-capture-site-fidelity', matches: ['https://old.fidelity.com/*'], js: [CAPTURE_SCRIPT_FILE] }]);
    expect(plan.unregister).toEqual(['strata-capture-site-fidelity']);
    expect(plan.register.map((s) => s.matches)).toEqual([['https://digital.fidelity.com/*']]);
  });
});

describe('staticCaptureMatches', () => {
  it('reads the sites a manifest injects the capture script into', () => {
    expect(
      staticCaptureMatches([
        { js: ['content-scripts/other.js'], matches: ['https://x.com/*'] },
        { js: ['/content-scripts/capture.js'], matches: ['https://app.gumroad.com/*'] },
      ]),
    ).toEqual(['https://app.gumroad.com/*']);
    expect(staticCaptureMatches(undefined)).toEqual([]);
  });
});

describe('the manifest (wxt.config.ts)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, unknown>;
  async function manifest(browser: 'chrome' | 'firefox'): Promise<{ manifest: Record<string, unknown>; config: Record<string, unknown> }> {
    const config = (await import('@/wxt.config')).default as unknown as Record<string, unknown>;
    const fn = config['manifest'] as ManifestFn;
    return { manifest: fn({ browser, manifestVersion: 3, mode: 'production', command: 'build' }), config };
  }

  it('asks for no host at install: optional hosts, scripting, activeTab and alarms only; notifications optional', async () => {
    vi.stubEnv('STRATA_E2E_GRANT_HOSTS', '');
    for (const browser of ['chrome', 'firefox'] as const) {
      const { manifest: m, config } = await manifest(browser);
      expect(m['permissions']).toEqual(['scripting', 'activeTab', 'alarms']);
      expect(m['optional_permissions']).toEqual(['notifications']);
      expect(m['host_permissions']).toBeUndefined();
      expect(m['optional_host_permissions']).toEqual([...SUPPORTED_ORIGINS, 'https://*/*']);
      expect(m['web_accessible_resources']).toEqual([{ resources: ['capture-overlay.html'], matches: ['https://*/*'] }]);
      expect(JSON.stringify(m)).not.toContain('<all_urls>');
      expect(config['outDirTemplate']).toBeUndefined();
    }
  });

  it('grants the test hosts at install only under STRATA_E2E_GRANT_HOSTS, into a separate output folder', async () => {
    vi.stubEnv('STRATA_E2E_GRANT_HOSTS', 'digital.fidelity.com, app.gumroad.com');
    const { manifest: m, config } = await manifest('chrome');
    expect(m['host_permissions']).toEqual(['https://digital.fidelity.com/*', 'https://app.gumroad.com/*']);
    expect(config['outDirTemplate']).toBe('e2e-{{browser}}-mv{{manifestVersion}}{{modeSuffix}}');
    const hook = (config['hooks'] as Record<string, (wxt: unknown, manifest: Record<string, unknown>) => void>)['build:manifestGenerated']!;
    const generated: Record<string, unknown> = {};
    hook({}, generated);
    expect(generated['content_scripts']).toEqual([
      { matches: ['https://digital.fidelity.com/*', 'https://app.gumroad.com/*'], js: ['content-scripts/capture.js'], run_at: 'document_idle' },
    ]);
  });
});
