/**
 * Turns what the write API refused into messages placed next to form fields.
 * A ValidationError carries `{ field, message }` issues (field is a dot path
 * such as "amount.minor"); the first segment names the form field.
 */
export interface FieldErrors {
  fields: Record<string, string>;
  /** Anything that belongs to no field on the form. */
  general?: string;
}

export function toFieldErrors(error: unknown, formFields: readonly string[]): FieldErrors {
  const issues = (error as { issues?: { field: string; message: string }[] } | null)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) {
    return { fields: {}, general: error instanceof Error ? error.message : String(error) };
  }
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const head = issue.field.split('.')[0] ?? '';
    if (formFields.includes(head)) fields[head] ??= issue.message;
    else rest.push(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
  }
  return rest.length ? { fields, general: rest.join('; ') } : { fields };
}
