/**
 * The site's assessment, as pure functions: the engine's context for a
 * visitor (who has no data, only their answers in one currency they chose)
 * and the form's text → the engine's result.
 *
 * Rules: the same engine (utils/analytics/assessment.ts) and the same form
 * reading (components/AssessmentForm) as the extension; nothing here keeps,
 * stores or sends anything. The visitor has no tracked data: the layers they
 * say are already under way (a site-only question) stand in for the status
 * the extension reads from data — otherwise the engine's rule 2 would send
 * every visitor to Foundation. There are no monthly expenses: the engine's context
 * takes 0 for "not set" and only leaves the "(… more)" figure out of the
 * emergency-fund step. Nothing is derived from the answers to stand in for it.
 */
import { assessLayers, type AssessmentContext } from '@/utils/analytics/assessment';
import type { AssessmentResult } from '@/utils/analytics/plan-types';
import type { Layer } from '@/utils/db/schema';
import { readAssessmentForm, type AssessmentAnswersInput, type AssessmentFormErrors, type AssessmentFormState } from '@/components/AssessmentForm';

/** The currency a visitor starts with. */
export const DEFAULT_SITE_CURRENCY = 'USD';

/** Currencies offered on the site (every amount is read in the one chosen; nothing is converted). */
export const SITE_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'JPY', 'INR', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL', 'MXN', 'SGD', 'ZAR'] as const;

/**
 * The engine's context for a visitor: every amount is in `currency` (the form
 * reads them with it as the hint, so no other currency gets through); one in
 * any other currency has no rate and counts as unknown, as in the extension.
 */
export function siteAssessmentContext(currency: string, underway: readonly Layer[] = []): AssessmentContext {
  return {
    monthlyExpenses: 0,
    toBase: (m) => (m.currency === currency ? m.minor : null),
    baseCurrency: currency,
    status: Object.fromEntries(underway.map((layer) => [layer, 'building' as const])),
    statusSource: 'answers',
  };
}

/** The site-only question: which layers the visitor already works on. */
export const UNDERWAY_LABELS: Record<Layer, string> = {
  foundation: 'Foundation — I already invest every month',
  leverage: 'Leverage — I publish content that earns, or is on its way',
  acceleration: 'Acceleration — I trade with rules I have tested',
  compounding: 'Compounding — I run a small software or service business',
};

/** Answers → result on the site (statuses only from what the visitor said; no expenses). */
export function assessOnSite(answers: AssessmentAnswersInput, currency: string, underway: readonly Layer[] = []): AssessmentResult {
  // answeredAt is part of the stored answers' shape; the engine does not read it and the site keeps nothing.
  return assessLayers({ ...answers, answeredAt: 0 }, siteAssessmentContext(currency, underway));
}

export type SiteAssessment = { ok: true; answers: AssessmentAnswersInput; result: AssessmentResult } | { ok: false; errors: AssessmentFormErrors };

/** What submitting the site's form does: read the text in the visitor's locale and currency, then assess. */
export function assessSiteForm(
  state: AssessmentFormState,
  hints: { currency: string; locale: string },
  underway: readonly Layer[] = [],
): SiteAssessment {
  const reading = readAssessmentForm(state, hints);
  if (!reading.ok) return reading;
  return { ok: true, answers: reading.answers, result: assessOnSite(reading.answers, hints.currency, underway) };
}

/** The visitor's locale if the browser gives a valid one, else en-US. */
export function siteLocale(language: string | undefined): string {
  if (!language) return 'en-US';
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** "EUR — Euro" in the visitor's language, or the code alone where Intl has no name. */
export function currencyOptionLabel(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}
