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
