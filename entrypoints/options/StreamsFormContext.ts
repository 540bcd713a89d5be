/**
 * What the Streams and Budget forms share: the person's context for reading a
 * form (locale, clock, time zone), today's date for date inputs, and the
 * merge of a form's own issues with the write API's refusals.
 */
import { localTzOffsetMinutes } from '@/components/useAppSettings';
import { toDateInput } from '@/utils/forms/dates';
import { toFieldErrors } from '@/utils/forms/errors';
import type { FormContext } from '@/utils/forms/plan';

export function formContext(locale: string): FormContext {
  const now = Date.now();
  return { locale, now, tzOffsetMinutes: localTzOffsetMinutes(now) };
}

/** Today as a date input holds it ("2026-11-24"), in the browser's time zone. */
export function today(): string {
  return toDateInput(Date.now(), localTzOffsetMinutes());
}

/** The local calendar day of a stored instant. */
export function dayOf(epochMs: number): string {
  return toDateInput(epochMs, localTzOffsetMinutes(epochMs));
}

/** An id fragment from a label: "Add cost for Niche site" → "add-cost-for-niche-site". */
export function idFrom(label: string): string {
  return label.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
}

/** A refused write as messages next to `fields`, plus whatever belongs to none of them. */
export function refusal(error: unknown, fields: readonly string[]): { errors: Record<string, string>; general: string | undefined } {
  const mapped = toFieldErrors(error, fields);
  return { errors: mapped.fields, general: mapped.general };
}
