/**
 * The strata CLI as a pure function of its arguments, so tests can run it
 * without a process. Add a command by adding an entry to COMMANDS.
 */
import { captureCommand } from './commands/capture';
import { moneyCommand } from './commands/money';
import { projectCommand } from './commands/project';
import { planCommand } from './commands/plan';
import { harvestCommand, rebalanceCommand } from './commands/portfolio';
import { backtestCommand, indicatorCommand } from './commands/trading';
import { importCommand, leaksCommand } from './commands/imports';
import { demoCommand } from './commands/demo';
import { EXIT_USAGE, type CliResult, type Command } from './types';

export type { CliResult } from './types';

export const COMMANDS: Readonly<Record<string, Command>> = {
  money: moneyCommand,
  capture: captureCommand,
  plan: planCommand,
  project: projectCommand,
  harvest: harvestCommand,
  rebalance: rebalanceCommand,
  indicator: indicatorCommand,
  backtest: backtestCommand,
  import: importCommand,
  leaks: leaksCommand,
  demo: demoCommand,
};

export function usageText(): string {
  const lines = ['usage: strata <command> [arguments]', '', 'commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) {
    lines.push(`  strata ${command.usage}`, `      ${command.summary}`);
  }
  lines.push('  strata help', '      show this help');
  return `${lines.join('\n')}\n`;
}

/** `argv` is what follows the script name (process.argv.slice(2)). */
export function runCli(argv: readonly string[]): CliResult {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    const unknown = name === undefined || name === 'help' || name === '--help' || name === '-h' ? '' : `unknown command "${name}"\n\n`;
    return { stdout: '', stderr: unknown + usageText(), exitCode: EXIT_USAGE };
  }
  if (rest.includes('--help') && !rest.slice(0, rest.indexOf('--help')).includes('--')) {
    return { stdout: '', stderr: `usage: strata ${command.usage}\n  ${command.summary}\n`, exitCode: EXIT_USAGE };
  }
  return command.run(rest);
}
