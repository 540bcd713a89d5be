import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/cli/run';

const ROOT = join(import.meta.dirname, '..', '..');

describe('strata money', () => {
  it.each<[string[], string]>([
    [['money', '1.234,56 €'], '{"minor":123456,"currency":"EUR"}'],
    [['money', '$1,234.56'], '{"minor":123456,"currency":"USD"}'],
    [['money', '-$12.00'], '{"minor":-1200,"currency":"USD"}'],
    [['money', '$1.2K'], '{"minor":120000,"currency":"USD","approximate":true}'],
    [['money', '1,234', '--currency', 'USD'], '{"minor":123400,"currency":"USD","ambiguous":true}'],
    [['money', '1.234', '--currency', 'USD', '--locale', 'de-DE'], '{"minor":123400,"currency":"USD"}'],
    [['money', '--locale=sv-SE', '1 234,56 kr'], '{"minor":123456,"currency":"SEK"}'],
    [['money', '$5', '--currency=CAD'], '{"minor":500,"currency":"CAD"}'],
    [['money', '--', '--5'], '{"error":"\\"--5\\" has more than one sign"}'],
  ])('%j prints %s', (argv, json) => {
    expect(runCli(argv)).toEqual({ stdout: `${json}\n`, stderr: '', exitCode: json.startsWith('{"error"') ? 2 : 0 });
  });

  it.each<[string[], string]>([
    [['money', 'N/A'], 'no digits in \\"N/A\\"'],
    [['money', '$1.234', '--locale', 'en-US'], 'USD has 2 decimal places'],
    [['money', '1,234.56'], 'give a currency hint'],
    [['money'], 'missing the amount text'],
    [['money', '$1', '$2'], 'expected one amount text but got 2'],
    [['money', '$1', '--bogus', 'x'], 'unknown flag --bogus'],
    [['money', '$1', '--currency'], 'flag --currency needs a value'],
    [['money', '$1', '--currency='], 'flag --currency needs a value'],
    [['money', '$1', '--currency', 'USD', '--currency', 'EUR'], 'flag --currency is given twice'],
    [['money', '$1', '--currency', 'dollars'], 'currency hint \\"dollars\\" is not an ISO 4217 code'],
    [['money', '$1', '--locale', 'xx_YY!'], 'locale hint \\"xx_YY!\\" is not a valid locale'],
  ])('%j refuses with exit code 2', (argv, reasonPart) => {
    const result = runCli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout.startsWith('{"error":"')).toBe(true);
    expect(result.stdout).toContain(reasonPart);
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(['error']);
  });
});

describe('strata usage', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['help'], ''],
    [['nope'], 'unknown command "nope"'],
  ])('%j prints usage to stderr and exits 2', (argv, prefix) => {
    const result = runCli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(prefix)).toBe(true);
    expect(result.stderr).toContain('usage: strata <command>');
    expect(result.stderr).toContain('strata money "<text>" [--currency EUR] [--locale de-DE]');
  });

  it('money --help prints the command usage to stderr', () => {
    expect(runCli(['money', '--help'])).toEqual({
      stdout: '',
      stderr: 'usage: strata money "<text>" [--currency EUR] [--locale de-DE]\n  parse an amount as shown on a dashboard into exact minor units\n',
      exitCode: 2,
    });
  });
});

describe('the real process', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (args: string[]) => spawnSync(tsx, ['cli/strata.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('prints one JSON line and exits 0', () => {
    const proc = run(['money', '1.234,56 €']);
    expect(proc.stdout).toBe('{"minor":123456,"currency":"EUR"}\n');
    expect(proc.status).toBe(0);
  }, 60_000);

  it('exits 2 with an error line, and with usage on stderr for an unknown command', () => {
    const refused = run(['money', '$1,2,3']);
    expect(refused.stdout).toBe('{"error":"\\"$1,2,3\\" has malformed digit grouping"}\n');
    expect(refused.status).toBe(2);
    const unknown = run(['frobnicate']);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.status).toBe(2);
  }, 60_000);
});
