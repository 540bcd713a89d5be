/** What a command returns: the text for each stream and the process exit code. */
export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Command {
  /** One line for `strata help`. */
  summary: string;
  /** The command's synopsis, e.g. `money "<text>" [--currency EUR] [--locale de-DE]`. */
  usage: string;
  run(args: readonly string[]): CliResult;
}

/** Exit code for usage errors and refusals. */
export const EXIT_USAGE = 2;

/** One JSON line on stdout. */
export const printJson = (value: unknown, exitCode = 0): CliResult => ({ stdout: `${JSON.stringify(value)}\n`, stderr: '', exitCode });

/** A usage error on stderr with the command's synopsis; exit status EXIT_USAGE. */
export const usageError = (command: string, usage: string, error: string): CliResult => ({
  stdout: '',
  stderr: `strata ${command}: ${error}\nusage: strata ${usage}\n`,
  exitCode: EXIT_USAGE,
});
