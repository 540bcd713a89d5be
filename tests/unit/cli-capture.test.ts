/**
 * `strata capture PAGE.html --url URL [--rules rules.json]`: the extractor
 * on a saved page, as one line of JSON with its keys in a fixed order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureJson } from '@/cli/commands/capture';
import { runCli } from '@/cli/run';

const ROOT = join(import.meta.dirname, '..', '..');
const SYNTHETIC = join(ROOT, 'tests', 'fixtures', 'capture', 'synthetic');
const FIDELITY_PAGE = join(SYNTHETIC, 'cli-fidelity.html');
const FIDELITY_URL = 'https://digital.fidelity.com/ftgw/digital/portfolio/summary';
const TAUGHT_PAGE = join(SYNTHETIC, 'taught.html');

const FIDELITY_JSON =
  '{"site":"fidelity","items":[' +
  '{"kind":"balance","label":"Total balance","account":null,"amountMinor":1025075,"currency":"USD","period":null},' +
  '{"kind":"balance","label":"Balance","account":"Individual - TOD","amountMinor":700025,"currency":"USD","period":null},' +
  '{"kind":"balance","label":"Balance","account":"ROTH IRA","amountMinor":325050,"currency":"USD","period":null}],' +
  '"problems":[{"label":"Balance","account":"Chase Total Checking","reason":"the amount is masked (••••)"}]}';

function rulesFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-cli-capture-'));
  const file = join(dir, 'rules.json');
  writeFileSync(file, content);
  return file;
}

describe('strata capture', () => {
  it('prints the site and its items, keys in order, and the problems', () => {
    expect(runCli(['capture', FIDELITY_PAGE, '--url', FIDELITY_URL])).toEqual({ stdout: `${FIDELITY_JSON}\n`, stderr: '', exitCode: 0 });
  });

  it('keeps item keys in the documented order', () => {
    const out = JSON.parse(runCli(['capture', FIDELITY_PAGE, `--url=${FIDELITY_URL}`]).stdout) as { items: object[] };
    expect(Object.keys(out)).toEqual(['site', 'items', 'problems']);
    for (const item of out.items) expect(Object.keys(item)).toEqual(['kind', 'label', 'account', 'amountMinor', 'currency', 'period']);
  });

  it('an unsupported URL without rules: site null, nothing found', () => {
    expect(runCli(['capture', FIDELITY_PAGE, '--url', 'https://example.com/'])).toEqual({
      stdout: '{"site":null,"items":[],"problems":[]}\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('an unsupported URL with --rules: what the taught rules find (label, else stored path), counts as counts', () => {
    const file = rulesFile(
      JSON.stringify([
        { label: 'Lifetime tips', meaning: 'earnings' },
        {
          label: 'Active supporters',
          meaning: 'count',
          fallbackPath: 'html > body:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(2) > div:nth-of-type(2)',
        },
      ]),
    );
    const result = runCli(['capture', TAUGHT_PAGE, '--url', 'https://tips.example.org/hub', '--rules', file]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      site: null,
      items: [{ kind: 'earnings', label: 'Lifetime tips', account: null, amountMinor: 271_828, currency: 'USD', period: null }],
      // "$1,414.21" is money, not a whole number: a count rule on it is refused with the reason.
      problems: [{ label: 'Active supporters', account: null, reason: '"$1,414.21" is not a whole number' }],
    });
  });

  it('prints a count as "amountMinor": null, "currency": null, "count": N before "period"', () => {
    const json = captureJson({
      site: 'substack',
      adapterVersion: 1,
      items: [
        { figureKey: 'paid', kind: 'count', label: 'Paid subscriptions', account: null, period: null, count: 1234, rawText: '1,234', confidence: 0.8, path: 'html' },
      ],
      problems: [],
    });
    expect(json).toBe(
      '{"site":"substack","items":[{"kind":"count","label":"Paid subscriptions","account":null,"amountMinor":null,"currency":null,"count":1234,"period":null}],"problems":[]}',
    );
  });

  it.each<[string[], string]>([
    [['capture'], 'missing the page'],
    [['capture', FIDELITY_PAGE], 'missing --url'],
    [['capture', FIDELITY_PAGE, '--url', 'digital.fidelity.com/summary'], 'is not an absolute URL'],
    [['capture', FIDELITY_PAGE, FIDELITY_PAGE, '--url', FIDELITY_URL], 'expected one page but got 2'],
    [['capture', join(SYNTHETIC, 'no-such-page.html'), '--url', FIDELITY_URL], 'cannot read page'],
    [['capture', SYNTHETIC, '--url', FIDELITY_URL], 'cannot read page'],
    [['capture', FIDELITY_PAGE, '--url', FIDELITY_URL, '--bogus', 'x'], 'unknown flag --bogus'],
    [['capture', FIDELITY_PAGE, '--url', FIDELITY_URL, '--rules', join(SYNTHETIC, 'none.json')], 'cannot read rules file'],
  ])('%j refuses with exit code 2', (argv, reasonPart) => {
    const result = runCli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('');
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(['error']);
    expect(result.stdout).toContain(reasonPart);
  });

  it.each<[string, string]>([
    ['{not json', 'rules are not JSON'],
    ['{"label":"x"}', 'rules must be a JSON array'],
    ['[{"meaning":"balance"}]', 'rule 1 needs a "label"'],
    ['[{"label":"Tips","meaning":"income"}]', 'rule 1: "meaning" must be one of balance, cash, earnings, mrr, realized, count'],
    ['[{"label":"Tips","meaning":"balance","fallbackPath":3}]', 'rule 1: "fallbackPath" must be text'],
  ])('malformed rules %s are refused', (content, reasonPart) => {
    const result = runCli(['capture', TAUGHT_PAGE, '--url', 'https://tips.example.org/hub', '--rules', rulesFile(content)]);
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ error: expect.stringContaining(reasonPart) });
  });

  it('is listed in the usage', () => {
    expect(runCli(['help']).stderr).toContain('strata capture PAGE.html --url URL [--rules rules.json]');
  });
});

describe('strata capture, the real process', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (args: string[]) => spawnSync(tsx, ['cli/strata.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('prints one JSON line and exits 0; exits 2 with an error line', () => {
    const ok = run(['capture', FIDELITY_PAGE, '--url', FIDELITY_URL]);
    expect(ok.stdout).toBe(`${FIDELITY_JSON}\n`);
    expect(ok.status).toBe(0);
    const bad = run(['capture', FIDELITY_PAGE]);
    expect(bad.stdout).toBe('{"error":"missing --url: the address the page was saved from"}\n');
    expect(bad.status).toBe(2);
  }, 60_000);
});
