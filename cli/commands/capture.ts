/**
 * `strata capture PAGE.html --url URL [--rules rules.json]`: runs the
 * extractor the extension uses on a saved page (parsed with linkedom) and
 * prints one line of JSON:
 *
 *   {"site":"fidelity","items":[{"kind":"balance","label":"Balance","account":"ROTH IRA",
 *     "amountMinor":9876012,"currency":"USD","period":null}, …],
 *    "problems":[{"label":"Balance","account":"Chase Total Checking","reason":"no amount is shown (--)"}]}
 *
 * - `site` is the adapter the URL's host and path select, or null.
 * - Each item: kind (balance|cash|earnings|mrr|realized|count), the label as
 *   the page words it, the account's name (account-scoped figures) or null,
 *   the exact amount in minor units and its ISO 4217 currency, and the period
 *   in effect (earnings) or null. A count item has "amountMinor": null,
 *   "currency": null and "count": N (before "period").
 * - `problems`: labels found without a usable figure (masked, a dash, only a
 *   rounded "$1.2K" …), with the reason — what the overlay shows; never a zero.
 * - `--rules` takes taught rules as JSON: an array of
 *   {"label", "meaning", "fallbackPath"?, "id"?, "host"?, "pathPattern"?}
 *   (host defaults to the URL's, pathPattern to any path). Without rules,
 *   an unsupported URL gives {"site":null,"items":[],"problems":[]}.
 * Bad arguments, an unreadable file or malformed rules: {"error":"…"}, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { ALL_ADAPTERS } from '../../utils/capture/adapters';
import { extractForUrl } from '../../utils/capture/extract';
import type { ExtractionResult } from '../../utils/capture/types';
import { CAPTURE_MEANINGS, type CaptureMeaning, type CaptureRule } from '../../utils/db/schema';
import { parseArgs } from '../args';
import { EXIT_USAGE, type CliResult, type Command } from '../types';

const MAX_PAGE_BYTES = 64 * 1024 * 1024;

function errorResult(error: string): CliResult {
  return { stdout: `${JSON.stringify({ error })}\n`, stderr: '', exitCode: EXIT_USAGE };
}

function readText(path: string, what: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    const buffer = readFileSync(path);
    if (buffer.length > MAX_PAGE_BYTES) return { ok: false, error: `${what} ${path} is larger than 64 MB` };
    return { ok: true, text: buffer.toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, error: `cannot read ${what} ${path} (${code})` };
  }
}

/** Taught rules from JSON, with the defaults above; a reason when they are malformed. */
export function readRules(json: string, url: URL): { ok: true; rules: CaptureRule[] } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `rules are not JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(data)) return { ok: false, error: 'rules must be a JSON array of {"label", "meaning", "fallbackPath"?}' };
  const rules: CaptureRule[] = [];
  for (const [i, entry] of data.entries()) {
    const where = `rule ${i + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return { ok: false, error: `${where} is not an object` };
    const r = entry as Record<string, unknown>;
    if (typeof r.label !== 'string' || r.label.trim().length === 0) return { ok: false, error: `${where} needs a "label"` };
    if (typeof r.meaning !== 'string' || !(CAPTURE_MEANINGS as readonly string[]).includes(r.meaning)) {
      return { ok: false, error: `${where}: "meaning" must be one of ${CAPTURE_MEANINGS.join(', ')}` };
    }
    for (const key of ['id', 'host', 'pathPattern', 'fallbackPath'] as const) {
      if (r[key] !== undefined && typeof r[key] !== 'string') return { ok: false, error: `${where}: "${key}" must be text` };
    }
    const rule: CaptureRule = {
      id: (r.id as string | undefined) ?? `rule-${i + 1}`,
      host: ((r.host as string | undefined) ?? url.hostname).toLowerCase(),
      pathPattern: (r.pathPattern as string | undefined) ?? '',
      label: r.label,
      fallbackPath: (r.fallbackPath as string | undefined) ?? '',
      meaning: r.meaning as CaptureMeaning,
      createdAt: 0,
    };
    rules.push(rule);
  }
  return { ok: true, rules };
}

/** The printed shape: keys in a fixed order. */
export function captureJson(result: ExtractionResult): string {
  const items = result.items.map((item) => {
    const out: Record<string, unknown> = {
      kind: item.kind,
      label: item.label,
      account: item.account,
      amountMinor: item.amount?.minor ?? null,
      currency: item.amount?.currency ?? null,
    };
    if (item.count !== undefined) out.count = item.count;
    out.period = item.period;
    return out;
  });
  const problems = result.problems.map((p) => ({ label: p.label, account: p.account, reason: p.reason }));
  return JSON.stringify({ site: result.site, items, problems });
}

function run(args: readonly string[]): CliResult {
  const parsed = parseArgs(args, ['url', 'rules']);
  if (!parsed.ok) return errorResult(parsed.error);
  const { positionals, flags } = parsed;
  if (positionals.length !== 1) {
    return errorResult(positionals.length === 0 ? 'missing the page, e.g. strata capture page.html --url https://…' : `expected one page but got ${positionals.length}`);
  }
  if (flags.url === undefined) return errorResult('missing --url: the address the page was saved from');
  let url: URL;
  try {
    url = new URL(flags.url);
  } catch {
    return errorResult(`--url ${JSON.stringify(flags.url)} is not an absolute URL such as https://example.com/dashboard`);
  }
  let rules: CaptureRule[] = [];
  if (flags.rules !== undefined) {
    const file = readText(flags.rules, 'rules file');
    if (!file.ok) return errorResult(file.error);
    const read = readRules(file.text, url);
    if (!read.ok) return errorResult(read.error);
    rules = read.rules;
  }
  const page = readText(positionals[0]!, 'page');
  if (!page.ok) return errorResult(page.error);
  const { document } = parseHTML(page.text);
  const result = extractForUrl(document as unknown as Document, url.href, ALL_ADAPTERS, rules);
  return { stdout: `${captureJson(result)}\n`, stderr: '', exitCode: 0 };
}

export const captureCommand: Command = {
  summary: 'read the figures off a saved dashboard page, as the extension would',
  usage: 'capture PAGE.html --url URL [--rules rules.json]',
  run,
};
