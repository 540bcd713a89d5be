/**
 * `strata demo [--seed 20261124] [--as-of 2026-11-24]`: the site's demo
 * household (utils/demo) as a Strata backup file on stdout — the same
 * records the live demo restores into the browser for that day. Restore it
 * in the extension (Options → Backup) or feed it to `strata plan`. Without
 * --as-of, the day the site would use now (the UTC day of twelve hours ago,
 * so nothing is later than now); without --seed, the site's seed. A bad flag prints
 * {"error": "..."} with exit code 2.
 */
import { DEMO_SEED, demoAsOf, demoBackupText } from '../../utils/demo';
import { noonOf } from '../../utils/demo/calendar';
import { parseArgs } from '../args';
import { EXIT_USAGE, type CliResult, type Command } from '../types';

const fail = (error: string): CliResult => ({ stdout: `${JSON.stringify({ error })}\n`, stderr: '', exitCode: EXIT_USAGE });

function run(args: readonly string[], now: number = Date.now()): CliResult {
  const parsed = parseArgs(args, ['seed', 'as-of']);
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.positionals.length > 0) return fail(`unexpected argument "${parsed.positionals[0]}"`);
  const seedText = parsed.flags['seed'];
  if (seedText !== undefined && !/^\d{1,15}$/.test(seedText)) return fail(`--seed must be a whole number from 0, got "${seedText}"`);
  const asOfText = parsed.flags['as-of'];
  let asOf = demoAsOf(now);
  if (asOfText !== undefined) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOfText) && new Date(noonOf(asOfText)).toISOString().slice(0, 10) === asOfText;
    if (!valid) return fail(`--as-of must be a day such as 2026-11-24, got "${asOfText}"`);
    if (asOfText < '1904-01-01' || asOfText > '2195-12-31') return fail(`--as-of ${asOfText} is outside 1904–2195`);
    asOf = noonOf(asOfText);
  }
  const seed = seedText === undefined ? DEMO_SEED : Number(seedText);
  return { stdout: demoBackupText({ seed, asOf }), stderr: '', exitCode: 0 };
}

export const demoCommand: Command = {
  summary: "write the site's demo household (three years, all four layers) as a Strata backup",
  usage: 'demo [--seed 20261124] [--as-of 2026-11-24]',
  run: (args) => run(args),
};

export { run as runDemo };
