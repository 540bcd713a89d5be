/**
 * Which sites Strata may read, and which content-script registrations follow
 * from that: pure functions over match patterns, adapters and the origins the
 * browser reports as granted (`permissions.getAll().origins`). The browser
 * side (registration.ts, the options page's Sources view) only feeds them.
 *
 * Host access is per host: Chromium and Firefox ignore the path of a host
 * permission, so coverage here compares schemes and hosts only.
 */
import { originPatterns } from './match';
import type { SiteAdapter } from './types';

/** The capture content script as WXT builds it (entrypoints/capture.content). */
export const CAPTURE_SCRIPT_FILE = 'content-scripts/capture.js';

/** Every registration Strata makes starts with this; others are left alone. */
export const SCRIPT_ID_PREFIX = 'strata-capture-';

export function adapterScriptId(adapter: Pick<SiteAdapter, 'id'>): string {
  return `${SCRIPT_ID_PREFIX}site-${adapter.id}`;
}

export function taughtScriptId(host: string): string {
  return `${SCRIPT_ID_PREFIX}taught-${host}`;
}

/** The origin pattern a taught site's access is asked for with. */
export function taughtOrigin(host: string): string {
  return `https://${host}/*`;
}

/** The origin patterns of all the adapters, each once, in adapter order. */
export function supportedOrigins(adapters: readonly SiteAdapter[]): string[] {
  return [...new Set(adapters.flatMap((adapter) => originPatterns(adapter)))];
}

export interface MatchPattern {
  /** "https", "http" or "*" (either). */
  scheme: string;
  /** "example.com", "*.example.com" or "*" (any host). */
  host: string;
}

/**
 * Reads a match pattern's scheme and host ("https://*.substack.com/*"), or
 * null for anything that is not one. "<all_urls>" is any scheme and host.
 */
export function parseMatchPattern(pattern: string): MatchPattern | null {
  if (pattern === '<all_urls>') return { scheme: '*', host: '*' };
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[a-z0-9.-]+)(?::\d+|:\*)?\/.*$/i.exec(pattern);
  if (!m) return null;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase() };
}

function schemeCovers(granted: string, wanted: string): boolean {
  return granted === wanted || (granted === '*' && (wanted === 'http' || wanted === 'https'));
}

function hostCovers(granted: string, wanted: string): boolean {
  if (granted === '*') return true;
  if (wanted === '*') return false;
  if (granted.startsWith('*.')) {
    const base = granted.slice(2);
    const plain = wanted.startsWith('*.') ? wanted.slice(2) : wanted;
    return plain === base || plain.endsWith('.' + base);
  }
  return granted === wanted;
}

/** True when access granted for `granted` includes every page `wanted` matches. */
export function patternCovers(granted: string, wanted: string): boolean {
  const g = parseMatchPattern(granted);
  const w = parseMatchPattern(wanted);
  if (!g || !w) return false;
  return schemeCovers(g.scheme, w.scheme) && hostCovers(g.host, w.host);
}

/** True when every one of `wanted` is covered by some granted origin. */
export function hasAccess(wanted: readonly string[], granted: readonly string[]): boolean {
  return wanted.length > 0 && wanted.every((w) => granted.some((g) => patternCovers(g, w)));
}

/** The adapters whose every host the granted origins cover. */
export function grantedAdapters(adapters: readonly SiteAdapter[], granted: readonly string[]): SiteAdapter[] {
  return adapters.filter((adapter) => hasAccess(originPatterns(adapter), granted));
}

/** A content-script registration as `scripting.registerContentScripts` takes it. */
export interface CaptureScriptSpec {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

function spec(id: string, matches: string[]): CaptureScriptSpec {
  return { id, matches, js: [CAPTURE_SCRIPT_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true };
}

/**
 * The registrations there should be: one per adapter whose hosts are granted,
 * one per taught host that is granted and not already an adapter's. Sites the
 * manifest already injects the script into (`staticallyCovered`: an
 * end-to-end build's static content_scripts) get none, so no page runs it twice.
 */
export function desiredCaptureScripts(
  adapters: readonly SiteAdapter[],
  taughtHosts: readonly string[],
  granted: readonly string[],
  staticallyCovered: readonly string[] = [],
): CaptureScriptSpec[] {
  const scripts: CaptureScriptSpec[] = [];
  const adapterPatterns: string[] = [];
  for (const adapter of grantedAdapters(adapters, granted)) {
    const patterns = originPatterns(adapter);
    adapterPatterns.push(...patterns);
    if (hasAccess(patterns, staticallyCovered)) continue;
    scripts.push(spec(adapterScriptId(adapter), patterns));
  }
  const allAdapterPatterns = adapters.flatMap((adapter) => originPatterns(adapter));
  for (const host of [...new Set(taughtHosts)].sort()) {
    const origin = taughtOrigin(host);
    if (!parseMatchPattern(origin)) continue;
    // An adapter's site runs the script already (when granted) and applies the rules there too.
    if (allAdapterPatterns.some((p) => patternCovers(p, origin))) continue;
    if (!hasAccess([origin], granted) || hasAccess([origin], staticallyCovered)) continue;
    scripts.push(spec(taughtScriptId(host), [origin]));
  }
  return scripts;
}

/** What `scripting.getRegisteredContentScripts` reports of a registration. */
export interface RegisteredScriptLike {
  id: string;
  matches?: string[];
  js?: string[];
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  // Script files are named with or without a leading "/" alike.
  const left = (a ?? []).map((x) => x.replace(/^\//, '')).sort();
  const right = b.map((x) => x.replace(/^\//, '')).sort();
  return left.length === right.length && left.every((x, i) => x === right[i]);
}

/**
 * The changes that turn the registered scripts into the desired ones: Strata's
 * registrations that are no longer wanted or whose matches changed are
 * unregistered; missing or changed ones are registered. Registrations that are
 * not Strata's (another id prefix) are never touched.
 */
export function planScriptSync(
  desired: readonly CaptureScriptSpec[],
  registered: readonly RegisteredScriptLike[],
): { register: CaptureScriptSpec[]; unregister: string[] } {
  const ours = new Map(registered.filter((r) => r.id.startsWith(SCRIPT_ID_PREFIX)).map((r) => [r.id, r]));
  const wanted = new Map(desired.map((d) => [d.id, d]));
  const unregister: string[] = [];
  const register: CaptureScriptSpec[] = [];
  for (const [id, current] of ours) {
    const want = wanted.get(id);
    if (!want || !sameList(current.matches, want.matches) || !sameList(current.js, want.js)) unregister.push(id);
  }
  for (const want of desired) {
    if (!ours.has(want.id) || unregister.includes(want.id)) register.push(want);
  }
  return { register, unregister: unregister.sort() };
}

/** The origins a manifest's static content_scripts inject the capture script into. */
export function staticCaptureMatches(
  contentScripts: readonly { js?: string[]; matches?: string[] }[] | undefined,
): string[] {
  return (contentScripts ?? [])
    .filter((cs) => (cs.js ?? []).some((file) => file.replace(/^\//, '') === CAPTURE_SCRIPT_FILE))
    .flatMap((cs) => cs.matches ?? []);
}
