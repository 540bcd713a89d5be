/**
 * The two errors the write API throws, and the bridge from valibot issues to
 * human-readable ones. A ValidationError always names the field (as a dot
 * path such as `amount.minor`, or `snapshots[3].amount.minor` in a batch) and
 * says what is wrong with it in words a person can act on.
 */
import * as v from 'valibot';

export interface FieldIssue {
  /** Dot path of the offending field: `name`, `amount.minor`, `rates.EUR`, `snapshots[3].at`. */
  field: string;
  /** A full sentence naming the field and what is wrong, e.g. `amount.minor must be a whole number …`. */
  message: string;
}

/** How many issues the error message lists before saying "and N more". */
const MESSAGE_ISSUE_LIMIT = 5;

export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(summarise(issues));
    this.issues = issues;
  }
}

/** A write named a record (by id) that is not in the database. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    /** What kind of record: "account", "balance snapshot", … */
    readonly what: string,
    readonly id: string,
  ) {
    super(`No ${what} with id "${id}"`);
  }
}

function summarise(issues: FieldIssue[]): string {
  if (issues.length === 0) return 'Invalid record';
  const shown = issues.slice(0, MESSAGE_ISSUE_LIMIT).map((i) => i.message);
  const hidden = issues.length - shown.length;
  return shown.join('; ') + (hidden > 0 ? `; and ${hidden} more problem${hidden === 1 ? '' : 's'}` : '');
}

/** Joins a prefix such as `snapshots[3]` and a dot path such as `amount.minor`. */
export function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return `${prefix}.${path}`;
}

/**
 * Turns one valibot issue into a FieldIssue. The schema's own messages come in
 * two styles: self-contained sentences ("Account name is required") are kept
 * as they are; fragments ("must be a whole number …") get the field path in
 * front. Valibot's built-in messages ("Invalid type: …") are reworded.
 */
export function toFieldIssue(issue: v.BaseIssue<unknown>, prefix = ''): FieldIssue {
  const field = joinPath(prefix, v.getDotPath(issue) ?? '');
  const label = field || 'record';
  const raw = issue.message;
  let message: string;
  if (issue.kind === 'schema' && issue.input === undefined) {
    // A required field is missing or undefined. Schema names such as
    // "Account name must be text" say which field in words; keep those words.
    const named = /^([A-Z].*) must be text$/.exec(raw);
    message = named ? `${named[1]} is required` : `${label} is required`;
  } else if (raw.startsWith('Invalid ')) {
    message = `${label} ${describeBuiltIn(issue)}`;
  } else if (/^[a-z]/.test(raw)) {
    message = `${label} ${raw}`;
  } else {
    message = prefix ? `${prefix}: ${raw}` : raw;
  }
  return { field, message };
}

/** Words for valibot's built-in checks, used where the schema gives no message. */
function describeBuiltIn(issue: v.BaseIssue<unknown>): string {
  const requirement = 'requirement' in issue ? String(issue.requirement) : '';
  switch (issue.type) {
    case 'min_length':
      return `must be at least ${requirement} characters long`;
    case 'max_length':
      return `must be at most ${requirement} characters long`;
    case 'min_value':
      return `must be at least ${requirement}`;
    case 'max_value':
      return `must be at most ${requirement}`;
    case 'safe_integer':
    case 'integer':
      return `must be a whole number, not ${issue.received}`;
    case 'finite':
      return 'must be a finite number';
    default:
      return `must be ${issue.expected ?? 'something else'}, not ${issue.received}`;
  }
}

/**
 * Validates `input` against `schema` and returns the parsed record (names
 * trimmed, unknown keys dropped, keys holding `undefined` removed), or throws
 * a ValidationError listing every problem.
 */
export function parseRecord<T>(schema: v.GenericSchema<unknown, T>, input: unknown, prefix = ''): T {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new ValidationError(result.issues.map((i) => toFieldIssue(i, prefix)));
  return dropUndefined(result.output);
}

/** Like parseRecord, but returns the issues instead of throwing (for batches). */
export function checkRecord<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
  prefix = '',
): { record: T; issues: [] } | { record: undefined; issues: FieldIssue[] } {
  const result = v.safeParse(schema, input);
  if (!result.success) return { record: undefined, issues: result.issues.map((i) => toFieldIssue(i, prefix)) };
  return { record: dropUndefined(result.output), issues: [] };
}

/**
 * Removes keys whose value is `undefined`, at every depth of plain objects, so
 * that an optional field is either present with a value or absent — never
 * stored as an explicit `undefined`.
 */
export function dropUndefined<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key] = dropUndefined(item);
  }
  return out as T;
}
