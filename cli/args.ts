/**
 * A small argument reader: `--name value`, `--name=value`, and `--` to end
 * flags (so a text like "--5" can still be passed). A single leading "-" is
 * an ordinary argument, so "-$12.00" needs no quoting tricks.
 */
export type ParsedArgs =
  | { ok: true; positionals: string[]; flags: Record<string, string> }
  | { ok: false; error: string };

export function parseArgs(args: readonly string[], flagNames: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!flagNames.includes(name)) {
      const known = flagNames.map((f) => `--${f}`).join(', ');
      return { ok: false, error: `unknown flag --${name}${known ? ` (known: ${known})` : ''}` };
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < args.length) value = args[++i];
    if (value === undefined || value === '') return { ok: false, error: `flag --${name} needs a value` };
    if (name in flags) return { ok: false, error: `flag --${name} is given twice` };
    flags[name] = value;
  }
  return { ok: true, positionals, flags };
}
