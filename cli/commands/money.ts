/**
 * `strata money "<text>" [--currency EUR] [--locale de-DE]`: parses an
 * amount as a dashboard shows it and prints one line of JSON,
 * {"minor":123456,"currency":"EUR"} (plus "approximate"/"ambiguous" when
 * set), or {"error":"<reason>"} with exit code 2.
 */
import { parseMoney, type ParseHints } from '../../utils/money/parse';
import { parseArgs } from '../args';
import { EXIT_USAGE, type CliResult, type Command } from '../types';

function errorResult(error: string): CliResult {
  return { stdout: `${JSON.stringify({ error })}\n`, stderr: '', exitCode: EXIT_USAGE };
}

function run(args: readonly string[]): CliResult {
  const parsed = parseArgs(args, ['currency', 'locale']);
  if (!parsed.ok) return errorResult(parsed.error);
  const { positionals, flags } = parsed;
  if (positionals.length === 0) return errorResult('missing the amount text, e.g. strata money "1.234,56 €"');
  if (positionals.length > 1) {
    return errorResult(`expected one amount text but got ${positionals.length}: quote the text as one argument`);
  }
  const hints: ParseHints = {};
  if (flags.currency !== undefined) hints.currency = flags.currency;
  if (flags.locale !== undefined) hints.locale = flags.locale;
  const result = parseMoney(positionals[0]!, hints);
  if (!result.ok) return errorResult(result.reason);
  const { minor, currency, approximate, ambiguous } = result.value;
  // Keys in a fixed order: minor, currency, then the flags that are set.
  const out: Record<string, unknown> = { minor, currency };
  if (approximate) out.approximate = true;
  if (ambiguous) out.ambiguous = true;
  return { stdout: `${JSON.stringify(out)}\n`, stderr: '', exitCode: 0 };
}

export const moneyCommand: Command = {
  summary: 'parse an amount as shown on a dashboard into exact minor units',
  usage: 'money "<text>" [--currency EUR] [--locale de-DE]',
  run,
};
