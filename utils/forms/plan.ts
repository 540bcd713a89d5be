/**
 * Reads the plan's forms (streams, their costs and hand-entered income, debts,
 * cash needs, the budget, projection assumptions) from what the person typed
 * into records for the write API. Pure, so every rule is tested in Node.
 *
 * Rules shared by every reader:
 * - amounts are read with parseMoney in the person's locale and the form's
 *   currency ("1.234,56" in de-DE is 123456 cents); rounded displays ("$1.2K")
 *   are refused;
 * - percentages are read exactly, never through a float: into basis points
 *   ("7.5" % → 750) or into a decimal string ("4" % → "0.04"); "," or "." is
 *   the decimal point, and a separator followed by three digits that is not
 *   the locale's decimal point ("1,000" in en-US) is refused as ambiguous;
 * - dates are local calendar days ("YYYY-MM-DD"), stored at local noon
 *   (today's income: the current instant, like a balance);
 * - an issue's `field` is the record's field name, so the write API's own
 *   refusals (utils/forms/errors.ts) land next to the same field.
 */
import type { FieldIssue } from '@/utils/db/errors';
import { INCOME_KINDS, LAYERS, type IncomeEvent, type IncomeKind, type Layer, type Stream } from '@/utils/db/schema';
import { COST_CADENCES, type AssumptionOverride, type CashNeed, type CostCadence, type Debt, type PlanSettings, type StreamCost } from '@/utils/db/schema-plan';
import { isAssumptionId } from '@/utils/analytics/assumptions';
import { isCurrencyCode, parseMoney, toDecimalString } from '@/utils/money';
import type { Money } from '@/utils/money/types';
import { localNoon, parseDateInput, toDateInput } from './dates';

export type { FieldIssue } from '@/utils/db/errors';
export type FormResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** What every form with amounts and dates needs to know about the person. */
export interface FormContext {
  /** BCP 47 locale the person writes numbers in ("de-DE"). */
  locale: string;
  /** Offset east of UTC in minutes, for local calendar days. */
  tzOffsetMinutes: number;
  /** The instant the form is read (today's date, future checks). */
  now: number;
}

/** The first issue of each field, for placing messages next to fields. */
export function issuesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.field] ??= issue.message;
  return out;
}

// ---------------------------------------------------------------- numbers

/** The locale's decimal separator: "." (en-US) or "," (de-DE). */
export function localeDecimal(locale: string): '.' | ',' {
  try {
    const part = new Intl.NumberFormat(locale, { numberingSystem: 'latn' } as Intl.NumberFormatOptions)
      .formatToParts(1.5)
      .find((p) => p.type === 'decimal');
    return part?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}

export interface PercentOptions {
  field?: string;
  /** How the field is named in messages: "APR". */
  label?: string;
  /** Decides "1,000" vs "1.000"; without it, "," and "." are both read as decimal points. */
  locale?: string;
  allowNegative?: boolean;
}

type PercentDigits = { negative: boolean; whole: string; fraction: string };

/** Splits "7,5 %" into sign, whole digits and fraction digits (trailing zeros dropped). */
function readPercentDigits(text: string, options: PercentOptions): FormResult<PercentDigits> {
  const field = options.field ?? 'percent';
  const label = options.label ?? 'Percentage';
  const fail = (message: string): FormResult<PercentDigits> => ({ ok: false, issues: [{ field, message }] });
  const clean = text.trim().replace(/\s*%$/, '').replace(/^[\u2212\u2013]/, '-').trim();
  if (clean === '') return fail(`${label} is required`);
  const match = /^([+-]?)(\d{1,9})(?:([.,])(\d{1,12}))?$/.exec(clean);
  if (!match) return fail(`${label} "${text.trim()}" is not a number such as 7.5`);
  const [, sign, whole, separator, fraction = ''] = match;
  if (
    options.locale !== undefined &&
    separator !== undefined &&
    separator !== localeDecimal(options.locale) &&
    fraction.length === 3 &&
    /^[1-9]\d{0,2}$/.test(whole!)
  ) {
    return fail(`${label} "${text.trim()}" is ambiguous: write it without a thousands separator, with ${localeDecimal(options.locale)} as the decimal point`);
  }
  const negative = sign === '-' && /[1-9]/.test(whole! + fraction);
  if (negative && !options.allowNegative) return fail(`${label} cannot be negative`);
  return { ok: true, value: { negative, whole: whole!.replace(/^0+(?=\d)/, ''), fraction: fraction.replace(/0+$/, '') } };
}

/** "7.5" % → 750 basis points, "24,99" → 2499; more than two decimals is refused (a basis point is 0.01%). */
export function percentToBasisPoints(text: string, options: PercentOptions = {}): FormResult<number> {
  const read = readPercentDigits(text, options);
  if (!read.ok) return read;
  const { negative, whole, fraction } = read.value;
  const label = options.label ?? 'Percentage';
  if (fraction.length > 2) {
    return { ok: false, issues: [{ field: options.field ?? 'percent', message: `${label} can have at most two decimals (a basis point is 0.01%)` }] };
  }
  const points = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return { ok: true, value: negative ? -points : points };
}

/** "4" % → "0.04", "7.5" → "0.075", "-20" → "-0.2", "100" → "1": the decimal point moved two places, exactly. */
export function percentToDecimalString(text: string, options: PercentOptions = {}): FormResult<string> {
  const read = readPercentDigits(text, options);
  if (!read.ok) return read;
  const { negative, whole, fraction } = read.value;
  if (fraction.length > 10) {
    return { ok: false, issues: [{ field: options.field ?? 'percent', message: `${options.label ?? 'Percentage'} has more than 10 decimals` }] };
  }
  const digits = (whole + fraction).padStart(fraction.length + 3, '0');
  const point = digits.length - fraction.length - 2;
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fracPart = digits.slice(point).replace(/0+$/, '');
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return { ok: true, value: negative && body !== '0' ? `-${body}` : body };
}

/** The other way, for filling a form: "0.075" → "7.5" (in de-DE "7,5"). Exact on the digits. */
export function decimalToPercentText(decimal: string, locale: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) return decimal;
  const [, sign, whole, fraction = ''] = match;
  const padded = fraction.padEnd(2, '0');
  const intPart = (whole! + padded.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const fracPart = padded.slice(2).replace(/0+$/, '');
  const body = fracPart ? `${intPart}${localeDecimal(locale)}${fracPart}` : intPart;
  return body === '0' ? body : sign + body;
}

/** 750 basis points → "7.5" (in de-DE "7,5"), 2499 → "24.99", 800 → "8". */
export function basisPointsToPercentText(basisPoints: number, locale: string): string {
  const sign = basisPoints < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(basisPoints));
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 100)}${fraction ? localeDecimal(locale) + fraction : ''}`;
}

/** A number (an assumption's 0.0475) as an exact-looking decimal string, "0.0475". */
export function numberToDecimalString(value: number): string {
  const plain = String(value);
  return /e/i.test(plain) ? value.toFixed(12).replace(/\.?0+$/, '') : plain;
}

/** An amount as an edit box starts with it: the locale's decimal point, no grouping ("1234,56" in de-DE). */
export function toAmountInput(money: Money, locale: string): string {
  return toDecimalString(money).replace('.', localeDecimal(locale));
}

// ---------------------------------------------------------------- pieces

type Collect = FieldIssue[];

function readName(text: string, field: string, label: string, issues: Collect): string | undefined {
  const name = text.trim();
  if (name === '') issues.push({ field, message: `${label} is required` });
  else if (name.length > 200) issues.push({ field, message: `${label} is longer than 200 characters` });
  else return name;
  return undefined;
}

type Sign = 'positive' | 'non-negative' | 'non-zero';

function readAmount(
  text: string,
  spec: { field: string; label: string; currency: string; locale: string; sign: Sign },
  issues: Collect,
): Money | undefined {
  const { field, label } = spec;
  const typed = text.trim();
  if (typed === '') {
    issues.push({ field, message: `${label} is required` });
    return undefined;
  }
  if (!isCurrencyCode(spec.currency)) return undefined; // reported once, on the currency field
  const parsed = parseMoney(typed, { currency: spec.currency, locale: spec.locale });
  if (!parsed.ok) issues.push({ field, message: `${label}: ${parsed.reason}` });
  else if (parsed.value.approximate) issues.push({ field, message: `${label} "${typed}" is rounded: enter the exact amount` });
  else if (spec.sign === 'positive' && parsed.value.minor <= 0) issues.push({ field, message: `${label} must be more than zero` });
  else if (spec.sign === 'non-negative' && parsed.value.minor < 0) issues.push({ field, message: `${label} cannot be negative` });
  else if (spec.sign === 'non-zero' && parsed.value.minor === 0) issues.push({ field, message: `${label} cannot be zero` });
  else return { minor: parsed.value.minor, currency: parsed.value.currency };
  return undefined;
}

function readOptionalAmount(text: string, spec: Parameters<typeof readAmount>[1], issues: Collect): Money | undefined {
  return text.trim() === '' ? undefined : readAmount(text, spec, issues);
}

/** A local calendar day at local noon; `notAfterToday` / `notBeforeToday` refuse the future / the past. */
function readDay(
  text: string,
  spec: { field: string; label: string; context: FormContext; notAfterToday?: boolean; notBeforeToday?: boolean },
  issues: Collect,
): number | undefined {
  const { field, label, context } = spec;
  const date = parseDateInput(text);
  if (!date.ok) {
    issues.push({ field, message: date.reason.replace(/^Date/, label) });
    return undefined;
  }
  const day = text.trim();
  const today = toDateInput(context.now, context.tzOffsetMinutes);
  if (spec.notAfterToday && day > today) issues.push({ field, message: `${label} ${day} is in the future` });
  else if (spec.notBeforeToday && day < today) issues.push({ field, message: `${label} ${day} has passed` });
  else return localNoon(date, context.tzOffsetMinutes);
  return undefined;
}

function readCurrency(text: string, issues: Collect): string {
  const code = text.trim().toUpperCase();
  if (!isCurrencyCode(code)) issues.push({ field: 'currency', message: `Currency "${text.trim()}" is not an ISO 4217 code such as USD, EUR or JPY` });
  return code;
}

function readWhole(text: string, spec: { field: string; label: string; min: number; max: number }, issues: Collect): number | undefined {
  const typed = text.trim();
  if (!/^\d{1,6}$/.test(typed)) issues.push({ field: spec.field, message: `${spec.label} must be a whole number such as ${spec.min + 1}` });
  else if (Number(typed) < spec.min) issues.push({ field: spec.field, message: `${spec.label} must be at least ${spec.min}` });
  else if (Number(typed) > spec.max) issues.push({ field: spec.field, message: `${spec.label} is more than ${spec.max}` });
  else return Number(typed);
  return undefined;
}

function take<T>(read: FormResult<T>, issues: Collect): T | undefined {
  if (read.ok) return read.value;
  issues.push(...read.issues);
  return undefined;
}

function done<T>(issues: Collect, value: () => T): FormResult<T> {
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value() };
}

// ---------------------------------------------------------------- streams

/** The stream form's boxes as typed: "" for an empty optional one (no account, the layer's profile). */
export type StreamFormInput = Record<
  'name' | 'layer' | 'accountId' | 'started' | 'hoursPerMonth' | 'selfSustainingMonthly' | 'capital' | 'assumptionId' | 'currency',
  string
>;
/** A stream as the form gives it; the optional fields are present with `undefined` when cleared. */
export type StreamDraft = Omit<Stream, 'id' | 'archivedAt' | 'notes'>;

export function readStreamForm(input: StreamFormInput, context: FormContext): FormResult<StreamDraft> {
  const issues: Collect = [];
  const name = readName(input.name, 'name', 'Stream name', issues);
  const layer = (LAYERS as readonly string[]).includes(input.layer) ? (input.layer as Layer) : undefined;
  if (!layer) issues.push({ field: 'layer', message: `Layer must be one of: ${LAYERS.join(', ')}` });
  const startedAt = readDay(input.started, { field: 'startedAt', label: 'Started', context, notAfterToday: true }, issues);
  const hoursText = input.hoursPerMonth.trim().replace(',', '.');
  let hoursPerMonth: number | undefined;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(hoursText)) issues.push({ field: 'hoursPerMonth', message: 'Hours a month must be a number such as 10 or 7.5' });
  else if (Number(hoursText) > 744) issues.push({ field: 'hoursPerMonth', message: 'Hours a month cannot be more than 744 (every hour of a month)' });
  else hoursPerMonth = Number(hoursText);
  const currency = readCurrency(input.currency, issues);
  const money = { currency, locale: context.locale };
  const selfSustainingMonthly = readOptionalAmount(input.selfSustainingMonthly, { ...money, field: 'selfSustainingMonthly', label: 'Self-sustaining at', sign: 'positive' }, issues);
  const capital = readOptionalAmount(input.capital, { ...money, field: 'capital', label: 'Capital', sign: 'non-negative' }, issues);
  if (input.assumptionId !== '' && !isAssumptionId(input.assumptionId)) issues.push({ field: 'assumptionId', message: `No projection profile "${input.assumptionId}"` });
  return done(issues, () => ({
    name: name!,
    layer: layer!,
    accountId: input.accountId === '' ? undefined : input.accountId,
    startedAt: startedAt!,
    hoursPerMonth: hoursPerMonth!,
    selfSustainingMonthly,
    capital,
    assumptionId: input.assumptionId === '' ? undefined : input.assumptionId,
  }));
}

/** "" in `ends` for no end. */
export type CostFormInput = Record<'name' | 'amount' | 'every' | 'starts' | 'ends' | 'currency', string>;
export type CostDraft = Omit<StreamCost, 'id' | 'streamId' | 'notes'>;

/** A cost: charged on its start day and every month/year after while before its end day (exclusive), or once. */
export function readCostForm(input: CostFormInput, context: FormContext): FormResult<CostDraft> {
  const issues: Collect = [];
  const name = readName(input.name, 'name', 'Cost name', issues);
  const currency = readCurrency(input.currency, issues);
  const amount = readAmount(input.amount, { field: 'amount', label: 'Amount', currency, locale: context.locale, sign: 'positive' }, issues);
  const every = (COST_CADENCES as readonly string[]).includes(input.every) ? (input.every as CostCadence) : undefined;
  if (!every) issues.push({ field: 'every', message: 'Every must be month, year or once' });
  const startsAt = readDay(input.starts, { field: 'startsAt', label: 'Starts', context }, issues);
  const endsAt = input.ends.trim() === '' ? undefined : readDay(input.ends, { field: 'endsAt', label: 'Ends', context }, issues);
  if (startsAt !== undefined && endsAt !== undefined && endsAt <= startsAt) {
    issues.push({ field: 'endsAt', message: `Ends ${input.ends.trim()} must be after it starts (${input.starts.trim()})` });
  }
  return done(issues, () => ({ name: name!, amount: amount!, every: every!, startsAt: startsAt!, endsAt }));
}

export type IncomeFormInput = Record<'amount' | 'date' | 'kind' | 'currency', string>;
export type IncomeDraft = Pick<IncomeEvent, 'at' | 'amount' | 'kind'>;

/** Income entered by hand: today's is stamped now, a past day's at local noon; never in the future, never zero. */
export function readIncomeForm(input: IncomeFormInput, context: FormContext): FormResult<IncomeDraft> {
  const issues: Collect = [];
  const currency = readCurrency(input.currency, issues);
  const amount = readAmount(input.amount, { field: 'amount', label: 'Amount', currency, locale: context.locale, sign: 'non-zero' }, issues);
  const noon = readDay(input.date, { field: 'at', label: 'Date', context, notAfterToday: true }, issues);
  const today = input.date.trim() === toDateInput(context.now, context.tzOffsetMinutes);
  const kind = (INCOME_KINDS as readonly string[]).includes(input.kind) ? (input.kind as IncomeKind) : undefined;
  if (!kind) issues.push({ field: 'kind', message: 'Kind must be one of: ' + INCOME_KINDS.join(', ') });
  return done(issues, () => ({ at: today ? context.now : noon!, amount: amount!, kind: kind! }));
}

// ---------------------------------------------------------------- debts and cash needs

/** "" in `minimumMonthly` for none. */
export type DebtFormInput = Record<'name' | 'balance' | 'apr' | 'minimumMonthly' | 'currency', string>;
export type DebtDraft = Omit<Debt, 'id' | 'notes'>;

export function readDebtForm(input: DebtFormInput, context: Pick<FormContext, 'locale'>): FormResult<DebtDraft> {
  const issues: Collect = [];
  const name = readName(input.name, 'name', 'Debt name', issues);
  const currency = readCurrency(input.currency, issues);
  const money = { currency, locale: context.locale };
  const balance = readAmount(input.balance, { ...money, field: 'balance', label: 'Balance', sign: 'non-negative' }, issues);
  let aprBasisPoints = take(percentToBasisPoints(input.apr, { field: 'aprBasisPoints', label: 'APR', locale: context.locale }), issues);
  if (aprBasisPoints !== undefined && aprBasisPoints > 100_000) {
    issues.push({ field: 'aprBasisPoints', message: 'APR is over 1000%' });
    aprBasisPoints = undefined;
  }
  const minimumMonthly = readOptionalAmount(input.minimumMonthly, { ...money, field: 'minimumMonthly', label: 'Minimum a month', sign: 'non-negative' }, issues);
  return done(issues, () => ({ name: name!, balance: balance!, aprBasisPoints: aprBasisPoints!, minimumMonthly }));
}

/** `setAside` may be empty (nothing put by yet). */
export type CashNeedFormInput = Record<'name' | 'amount' | 'due' | 'currency', string> & { setAside?: string };
export type CashNeedDraft = Omit<CashNeed, 'id' | 'notes'>;

/** Money needed on a day that has not passed. */
export function readCashNeedForm(input: CashNeedFormInput, context: FormContext): FormResult<CashNeedDraft> {
  const issues: Collect = [];
  const name = readName(input.name, 'name', 'Name', issues);
  const currency = readCurrency(input.currency, issues);
  const amount = readAmount(input.amount, { field: 'amount', label: 'Amount', currency, locale: context.locale, sign: 'positive' }, issues);
  const dueAt = readDay(input.due, { field: 'dueAt', label: 'Due date', context, notBeforeToday: true }, issues);
  const setAside = readOptionalAmount(input.setAside ?? '', { field: 'setAside', label: 'Already set aside', currency, locale: context.locale, sign: 'non-negative' }, issues);
  if (setAside && amount && setAside.minor > amount.minor) {
    issues.push({ field: 'setAside', message: 'Already set aside is more than the amount needed' });
  }
  return done(issues, () => ({ name: name!, amount: amount!, dueAt: dueAt!, ...(setAside && setAside.minor > 0 ? { setAside } : {}) }));
}

// ---------------------------------------------------------------- budget

/**
 * The Budget form as typed; `currency` is that of every amount (the base
 * currency); "" in `leveragePlayStreamId` for no Leverage play.
 */
export type BudgetFormInput = Record<
  | 'monthlyExpenses'
  | 'otherMonthlyIncome'
  | 'emergencyMonths'
  | 'highInterestApr'
  | 'foundationStarterMonthly'
  | 'stableSurplusMonths'
  | 'accelerationCap'
  | 'withdrawalRate'
  | 'expensesGrowth'
  | 'leveragePlayStreamId'
  | 'leverageCommitted'
  | 'currency',
  string
> & { emergencyAccountIds: readonly string[]; phrasing: boolean; leverageBudget?: string };

/** Everything the Budget form sets; `leveragePlay: undefined` clears a chosen play. */
export type BudgetDraft = Omit<PlanSettings, 'key' | 'assumptionOverrides' | 'assessment' | 'leveragePlay'> & {
  leveragePlay: PlanSettings['leveragePlay'];
};

export function readBudgetForm(input: BudgetFormInput, context: FormContext): FormResult<BudgetDraft> {
  const issues: Collect = [];
  const { locale } = context;
  const currency = readCurrency(input.currency, issues);
  const amount = (text: string, field: string, label: string) => readAmount(text, { field, label, currency, locale, sign: 'non-negative' }, issues);
  const monthlyExpenses = amount(input.monthlyExpenses, 'monthlyExpenses', 'Monthly expenses');
  const otherMonthlyIncome = amount(input.otherMonthlyIncome, 'otherMonthlyIncome', 'Other income a month');
  const foundationStarterMonthly = amount(input.foundationStarterMonthly, 'foundationStarterMonthly', 'Foundation starter a month');
  const emergencyMonths = readWhole(input.emergencyMonths, { field: 'emergencyMonths', label: 'Emergency fund target', min: 0, max: 24 }, issues);
  const stableSurplusMonths = readWhole(input.stableSurplusMonths, { field: 'stableSurplusMonths', label: 'Months of stable surplus', min: 1, max: 24 }, issues);
  const basisPoints = (text: string, field: string, label: string, max: number) => {
    const value = take(percentToBasisPoints(text, { field, label, locale }), issues);
    if (value !== undefined && value > max) issues.push({ field, message: `${label} is more than ${max / 100}%` });
    return value;
  };
  const highInterestAprBasisPoints = basisPoints(input.highInterestApr, 'highInterestAprBasisPoints', 'High-interest APR threshold', 100_000);
  const accelerationCapBasisPoints = basisPoints(input.accelerationCap, 'accelerationCapBasisPoints', 'Acceleration cap', 10_000);
  const withdrawalRate = take(percentToDecimalString(input.withdrawalRate, { field: 'withdrawalRate', label: 'Withdrawal rate', locale }), issues);
  if (withdrawalRate !== undefined && (Number(withdrawalRate) <= 0 || Number(withdrawalRate) > 1)) {
    issues.push({ field: 'withdrawalRate', message: 'Withdrawal rate must be more than 0% and at most 100%' });
  }
  const expensesGrowth = take(percentToDecimalString(input.expensesGrowth, { field: 'expensesGrowth', label: 'Expense growth', locale, allowNegative: true }), issues);
  if (expensesGrowth !== undefined && Math.abs(Number(expensesGrowth)) > 1) {
    issues.push({ field: 'expensesGrowth', message: 'Expense growth must be between -100% and 100% a year' });
  }
  let leveragePlay: BudgetDraft['leveragePlay'];
  if (input.leveragePlayStreamId !== '') {
    const committedAt = readDay(input.leverageCommitted, { field: 'leveragePlay', label: 'Committed on', context, notAfterToday: true }, issues);
    const monthlyBudget = readOptionalAmount(input.leverageBudget ?? '', { field: 'leverageBudget', label: 'Growth budget a month', currency, locale, sign: 'non-negative' }, issues);
    if (committedAt !== undefined) {
      leveragePlay = { streamId: input.leveragePlayStreamId, committedAt, ...(monthlyBudget && monthlyBudget.minor > 0 ? { monthlyBudget } : {}) };
    }
  }
  return done(issues, () => ({
    monthlyExpenses: monthlyExpenses!,
    otherMonthlyIncome: otherMonthlyIncome!,
    emergencyMonths: emergencyMonths!,
    emergencyAccountIds: [...new Set(input.emergencyAccountIds)],
    highInterestAprBasisPoints: highInterestAprBasisPoints!,
    foundationStarterMonthly: foundationStarterMonthly!,
    stableSurplusMonths: stableSurplusMonths!,
    accelerationCapBasisPoints: accelerationCapBasisPoints!,
    withdrawalRate: withdrawalRate!,
    expensesGrowth: expensesGrowth!,
    phrasing: input.phrasing,
    leveragePlay,
  }));
}

// ---------------------------------------------------------------- assumptions

export const ASSUMPTION_FIELDS = ['annualReturn', 'annualVolatility', 'monthlyChurn', 'monthlyCollapse'] as const;
export type AssumptionField = (typeof ASSUMPTION_FIELDS)[number];

/** Each figure's bounds as decimals, and how it is named. */
const ASSUMPTION_LIMITS: Record<AssumptionField, { label: string; min: number; max: number }> = {
  annualReturn: { label: 'Return or growth a year', min: -1, max: 10 },
  annualVolatility: { label: 'Volatility a year', min: 0, max: 5 },
  monthlyChurn: { label: 'Churn a month', min: 0, max: 1 },
  monthlyCollapse: { label: 'Chance of collapse a month', min: 0, max: 1 },
};

/**
 * One assumption's row: each figure typed as a percentage. A figure equal to
 * the default is left out of the override, so a row typed back to its
 * defaults stores nothing. Issues are named "<field>" (annualReturn…).
 */
export function readAssumptionRow(
  texts: Record<AssumptionField, string>,
  defaults: Record<AssumptionField, number>,
  context: Pick<FormContext, 'locale'>,
): FormResult<AssumptionOverride> {
  const issues: Collect = [];
  const override: AssumptionOverride = {};
  for (const field of ASSUMPTION_FIELDS) {
    const { label, min, max } = ASSUMPTION_LIMITS[field];
    const value = take(percentToDecimalString(texts[field], { field, label, locale: context.locale, allowNegative: min < 0 }), issues);
    if (value === undefined) continue;
    if (Number(value) < min || Number(value) > max) issues.push({ field, message: `${label} must be between ${min * 100}% and ${max * 100}%` });
    else if (Number(value) !== defaults[field]) override[field] = value;
  }
  return done(issues, () => override);
}
