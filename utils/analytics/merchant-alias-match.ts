/**
 * Matching the well-known aliases (merchant-aliases.ts) at a place in an
 * upper-case description: the patterns are compiled once, sticky, and bucketed
 * by the first character each alternative can start with, so a description is
 * tried against a handful of patterns rather than all of them.
 */
import { MERCHANT_ALIASES, type MerchantAlias } from './merchant-aliases';

export interface AliasResult {
  readonly key: string;
  readonly name: string;
}

/** The alias (if any) a merchant key belongs to: its display name and kind of service. */
export function merchantAliasByKey(key: string): MerchantAlias | undefined {
  return ALIAS_BY_KEY.get(key);
}

interface CompiledAlias {
  re: RegExp;
  result: AliasResult;
}

const ALIAS_BY_KEY = new Map<string, MerchantAlias>(MERCHANT_ALIASES.map((a) => [a.key, a]));

/** Aliases bucketed by the first character (code) of each alternative; sticky so they match at an offset. */
const ALIAS_BUCKETS: (CompiledAlias[] | undefined)[] = [];
for (const alias of MERCHANT_ALIASES) {
  const result = Object.freeze({ key: alias.key, name: alias.name });
  for (const start of alias.starts) {
    const first = start.startsWith('(?:') ? firstOfGroup(start) : [start.charAt(0)];
    for (const ch of first) {
      const code = ch.charCodeAt(0);
      const bucket = (ALIAS_BUCKETS[code] ??= []);
      bucket.push({ re: new RegExp(start, 'y'), result });
    }
  }
}

/** First characters an alternative starting with an optional or alternated group can begin with. */
function firstOfGroup(source: string): string[] {
  const close = source.indexOf(')');
  const inner = source.slice(3, close).replace(/ \?|\\\*\? \?|\s/g, '');
  const chars = new Set(inner.split('|').map((part) => part.charAt(0)));
  const rest = source.slice(close + 1).replace(/^\?\s*\??/, '');
  if (source.charAt(close + 1) === '?') chars.add(rest.charAt(0));
  return [...chars];
}

/** The alias whose pattern matches `s` at `offset`. */
export function matchAlias(s: string, offset = 0): AliasResult | undefined {
  const bucket = ALIAS_BUCKETS[s.charCodeAt(offset)];
  if (bucket === undefined) return undefined;
  for (const alias of bucket) {
    alias.re.lastIndex = offset;
    if (alias.re.test(s)) return alias.result;
  }
  return undefined;
}

