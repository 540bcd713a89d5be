/**
 * Which adapter covers a URL. Hosts: an exact host, or "*.example.com"
 * meaning exactly one more label in front ("name.substack.com", not
 * "substack.com" nor "a.b.substack.com"); compared case-insensitively.
 * Paths (case-sensitive): "*" is one path segment (no "/", not empty), "**"
 * any rest (including nothing); a trailing "/" never matters ("/summary"
 * and "/summary/" are the same page). Only https pages are ever matched.
 */
import type { SiteAdapter } from './types';

export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const suffix = p.slice(1); // ".substack.com"
  if (!h.endsWith(suffix)) return false;
  const label = h.slice(0, h.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}

const patternCache = new Map<string, RegExp>();

function pathRegex(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (regex !== undefined) return regex;
  const trimmed = pattern.length > 1 ? pattern.replace(/\/+$/, '') : pattern;
  let source = '';
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i]!;
    if (ch === '*' && trimmed[i + 1] === '*') {
      // "/**" also matches the bare parent ("/paper/**" matches "/paper")
      if (source.endsWith('/')) source = `${source.slice(0, -1)}(?:/.*)?`;
      else source += '.*';
      i++;
    } else if (ch === '*') source += '[^/]+';
    else source += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  regex = new RegExp(trimmed === '/' ? '^/?$' : `^${source}/?$`);
  patternCache.set(pattern, regex);
  return regex;
}

export function pathMatches(pattern: string, path: string): boolean {
  if (pattern.length === 0) return false;
  return pathRegex(pattern).test(path.length === 0 ? '/' : path);
}

function httpsUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The adapter for an https URL (host and path both match), or null. The first match wins. */
export function matchAdapter(url: string, adapters: readonly SiteAdapter[]): SiteAdapter | null {
  const parsed = httpsUrl(url);
  if (parsed === null) return null;
  for (const adapter of adapters) {
    if (!adapter.hosts.some((h) => hostMatches(h, parsed.hostname))) continue;
    if (adapter.paths.some((p) => pathMatches(p, parsed.pathname))) return adapter;
  }
  return null;
}

/** Is the URL's path one of the adapter's paper (simulated) account pages? */
export function isPaperUrl(url: string, adapter: SiteAdapter): boolean {
  if (adapter.paperPaths === undefined || adapter.paperPaths.length === 0) return false;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  return adapter.paperPaths.some((p) => pathMatches(p, path));
}

/** Match patterns for permissions and content-script registration: "https://digital.fidelity.com/*". */
export function originPatterns(adapter: SiteAdapter): string[] {
  return [...new Set(adapter.hosts.map((host) => `https://${host.toLowerCase()}/*`))];
}
