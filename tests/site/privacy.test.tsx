/**
 * The privacy policy and the facts it shares with the landing page's promise
 * (site/pages/landing-privacy.ts), checked against the code they describe:
 * every table of the extension's database is described exactly once, and
 * every permission the manifest in wxt.config.ts declares is explained.
 * Rendered to static HTML as the build does and read back with linkedom.
 */
import { parseHTML } from 'linkedom';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { BACKUP_TABLES } from '@/utils/backup/format';
import { SUPPORTED_ORIGINS } from '@/utils/capture/host-permissions';
import { MIGRATIONS } from '@/utils/db/migrations';
import { PERMISSION_REASONS, STORED_DATA_GROUPS } from '@/site/pages/landing-privacy';
import { POLICY_EFFECTIVE_DATE, PrivacyPage } from '@/site/pages/Privacy';
import { Layout } from '@/site/pages/Layout';

type Manifest = { permissions?: string[]; optional_permissions?: string[]; optional_host_permissions?: string[]; host_permissions?: string[] };

/** The manifest wxt.config.ts produces for a store build of `browser`. */
async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const declared = config.manifest;
  const env = { browser, manifestVersion: 3 as const, mode: 'production', command: 'build' as const };
  return (typeof declared === 'function' ? await declared(env) : await declared) as Manifest;
}

const html = renderToString(
  <Layout current="privacy.html" title="Privacy policy — Strata">
    <PrivacyPage />
  </Layout>,
);
const doc = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
const policy = doc.querySelector('[data-testid="privacy-policy"]')!;
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const policyText = text(policy);

describe('what the extension stores', () => {
  it('describes every table of the database in exactly one group', () => {
    const described = STORED_DATA_GROUPS.flatMap((g) => g.tables);
    expect(new Set(described).size).toBe(described.length);
    expect([...described].sort()).toEqual(Object.keys(BACKUP_TABLES).sort());
    // The backup's table list is itself the database's: every table any migration created (none is dropped yet).
    const created = new Set(MIGRATIONS.flatMap((m) => Object.entries(m.stores).filter(([, s]) => s !== null).map(([t]) => t)));
    expect([...created].sort()).toEqual([...described].sort());
    // Hand-counted from database.ts: 30 tables.
    expect(described).toHaveLength(30);
  });

  it('lists each group in the policy, and says where: IndexedDB in the browser profile, on this device', () => {
    const list = policy.querySelector('[data-testid="policy-stored-data"]')!;
    expect([...list.querySelectorAll('li')].map((li) => text(li.querySelector('strong')))).toEqual(STORED_DATA_GROUPS.map((g) => `${g.heading}:`));
    expect(policyText).toContain('IndexedDB database in your browser profile, on this device');
  });
});

describe('permissions', () => {
  it('explains every permission and optional permission of the Chrome and Firefox manifests', async () => {
    const explained = [...policy.querySelectorAll('[data-testid="policy-permissions"] li code')].map((c) => text(c));
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest = await manifestFor(browser);
      // Hand-read from wxt.config.ts: scripting, activeTab, alarms; optional: notifications.
      expect(manifest.permissions).toEqual(['scripting', 'activeTab', 'alarms']);
      expect(manifest.optional_permissions).toEqual(['notifications']);
      for (const permission of [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
        expect(explained, permission).toContain(permission);
      }
      expect(PERMISSION_REASONS.map((p) => p.permission).sort()).toEqual([...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].sort());
      // Host access: optional only, nothing at install; the policy says so.
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining([...SUPPORTED_ORIGINS]));
    }
    expect(policyText).toContain('Optional host access, per site');
    expect(policyText).toContain('Nothing is granted at install');
  });

  it('marks the optional permission as optional', () => {
    const items = [...policy.querySelectorAll('[data-testid="policy-permissions"] li')].map((li) => text(li));
    expect(items.find((t) => t.startsWith('notifications'))).toContain('(optional)');
    expect(items.find((t) => t.startsWith('scripting'))).toContain('(asked at install)');
  });
});

describe('the policy text', () => {
  it('carries its effective date, machine-readable too', () => {
    expect(POLICY_EFFECTIVE_DATE).toBe('2026-11-24');
    expect(policy.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-24');
    expect(policyText).toContain('Effective 24 November 2026');
  });

  it('says what it reads and what it never reads', () => {
    for (const phrase of ['Sites you granted', 'The tab you act on', 'never reads passwords', 'never reads or fills in form fields', 'query string', 'saved only when you confirm']) {
      expect(policyText).toContain(phrase);
    }
  });

  it('says it sends nothing, sells nothing, and states Limited Use', () => {
    for (const phrase of ['makes no network requests at all', 'no third-party service', 'never sold, transferred or shared', 'Chrome Web Store User Data Policy, including its Limited Use requirements']) {
      expect(policyText).toContain(phrase);
    }
  });

  it('covers the website, backups, deletion, children, changes and contact', () => {
    const headings = [...policy.querySelectorAll('h2')].map((h) => text(h));
    expect(headings).toEqual(['In short', 'What the extension reads', 'What it stores, and where', 'What it sends', 'Permissions, and why', 'This website', 'Backups', 'Deleting your data', 'Children', 'Changes to this policy', 'Contact']);
    for (const phrase of ['serves static files only', 'forgets them when you leave', 'this site’s IndexedDB', '“Reset demo”', 'site-data controls', 'not encrypted', 'Remove the extension', 'not directed at children', 'new effective date', 'open an issue on the project’s repository']) {
      expect(policyText).toContain(phrase);
    }
    // No contact address is invented.
    expect(policyText).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);
    expect(html).not.toMatch(/mailto:/i);
  });

  it('ships no script and links only within the site', () => {
    expect(html).not.toMatch(/<script/i);
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(\.\/|#)/);
  });
});
