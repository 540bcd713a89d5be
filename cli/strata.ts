/**
 * Entry point: `npx tsx cli/strata.ts <command> ...` or
 * `npm run --silent strata -- <command> ...`. All logic lives in run.ts.
 */
import { runCli } from './run';

const result = runCli(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
