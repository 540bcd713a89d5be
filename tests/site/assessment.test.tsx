/**
 * The site's layer assessment: the static page (readable without JavaScript,
 * no dead-end form), the pure answers → result path the page runs with the
 * site's context (checked by hand against the tables in
 * utils/analytics/assessment.ts), the interactive app driven on a linkedom
 * DOM (submit, errors and focus, start again), and the options page's thin
 * wrapper over the same form and result. Money is USD cents unless it says
 * otherwise; the engine writes its amounts the en-US way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { renderToString } from 'preact-render-to-string';
import { AssessmentPage } from '@/site/pages/Assessment';
import { AssessmentApp } from '@/site/assessment/App';
import { assessOnSite, assessSiteForm, siteAssessmentContext, siteLocale } from '@/site/assessment/assess';
import { blankAssessmentForm, type AssessmentFormState } from '@/components/AssessmentForm';
import { PlanAssessment } from '@/entrypoints/options/PlanAssessment';
import type { Plan } from '@/utils/analytics/plan-types';
import { assessLayers } from '@/utils/analytics/assessment';

/** A form state with the given typed text and choices over the blank one. */
function typed(text: Partial<AssessmentFormState['text']>, choices: Partial<Omit<AssessmentFormState, 'text'>> = {}): AssessmentFormState {
  const blank = blankAssessmentForm();
  return { ...blank, ...choices, text: { ...blank.text, ...text } };
}
const US = { currency: 'USD', locale: 'en-US' };

describe('the static page', () => {
  const html = renderToString(<AssessmentPage />);

  it('says what the assessment asks, where answers stay, and what happens without JavaScript', () => {
    expect(html).toContain('<h1 id="assessment-title">The layer assessment</h1>');
    expect(html).toContain('Two minutes, eight questions');
    expect(html).toMatch(/<noscript><p[^>]*>The assessment needs JavaScript[^<]*It works entirely in this page/);
    // The privacy line names each place answers could go and says they go to none.
    const privacy = /<p data-testid="assessment-privacy">(.*?)<\/p>/.exec(html)![1]!;
    for (const word of ['IndexedDB', 'local or session storage', 'cookies', 'address', 'network']) expect(privacy).toContain(word);
  });

  it('has the mount point once and no form, input or button that would do nothing without the script', () => {
    expect(html.split('<div id="assessment-app" data-testid="assessment-app"></div>')).toHaveLength(2);
    expect(html).not.toMatch(/<(form|input|button|select)\b/);
    // Without JavaScript the reader still has somewhere to go: the home page and the install section.
    expect(html).toContain('href="./index.html#install"');
    expect(html).toContain('href="./privacy.html"');
  });

  it('quotes the thresholds of the engine’s tables (3 months first, 6-month target, 3 and 5 hours)', () => {
    expect(html).toContain('An emergency fund under 3 months of expenses');
    expect(html).toContain('the full 6-month fund');
    expect(html).toContain('at least 3 hours a week and a small business at least 5');
  });
});

describe('answers → result on the site (no data: no layer status, no expenses)', () => {
  it('emergency fund 1 month: Foundation first, with the fund as step 1 (rule 1)', () => {
    const site = assessSiteForm(typed({ emergencyMonths: '1', monthlySurplus: '$800' }), US);
    if (!site.ok) throw new Error(JSON.stringify(site.errors));
    const { result } = site;
    expect(result.next).toBe('foundation');
    // 1 < 3 (EMERGENCY_FIRST_MONTHS); target 6 by default.
    expect(result.reasons).toEqual(['Your emergency fund covers 1 month of expenses; the target is 6.']);
    expect(result.firstSteps).toEqual([
      // Surplus 80,000 cents > 0 → "send your surplus"; expenses are 0 on the site, so no "(… more)" figure.
      'Send your surplus ($800.00 a month) to a high-yield savings account until it covers 3 months of expenses, then keep going to 6.',
      // The engine's default starter: 5,000 cents = $50.00.
      'Set up an automatic $50.00 a month into a broad, low-cost index fund, so Foundation starts now.',
    ]);
    // Acceleration: 1 < 6 months fails its gate; the other gates pass or fail on their own terms.
    expect(result.placements.acceleration.stage).toBe('not-ready');
    expect(result.placements.acceleration.reasons).toEqual(['Your emergency fund covers 1 month of expenses; trading needs the full target of 6.']);
  });

  it('emergency fund 8 months, no debt, $800 surplus, 6 h a week, writing: Foundation still comes first, Leverage and Acceleration ready', () => {
    const site = assessSiteForm(typed({ emergencyMonths: '8', highInterestDebt: '0', monthlySurplus: '800', hoursPerWeek: '6' }, { skills: ['writing'] }), US);
    if (!site.ok) throw new Error(JSON.stringify(site.errors));
    const { result } = site;
    // Rule 1 does not apply (8 ≥ 3, debt 0). Rule 2: Foundation is neither building nor passive — on the site
    // nothing says it is (that comes from tracked data), so Foundation is next.
    expect(result.next).toBe('foundation');
    expect(result.reasons).toEqual(['Foundation is the base every other layer stands on, and it pays from the first dollar.']);
    // Foundation ready (surplus > 0); no capital step (capital 0); no fund step (8 ≥ 6).
    expect(result.firstSteps).toEqual(['Open a brokerage or robo-advisor account and set up an automatic $50.00 a month into a broad, low-cost index fund.']);
    expect(result.placements.foundation).toEqual({ layer: 'foundation', stage: 'ready', reasons: ['You have a surplus of $800.00 a month to invest.'] });
    // Leverage: 6 ≥ 3 hours and writing is a content skill.
    expect(result.placements.leverage).toEqual({
      layer: 'leverage',
      stage: 'ready',
      reasons: ['You have 6 hours a week; Leverage needs at least 3.', 'Your skills in writing suit content.'],
    });
    // Compounding: 6 ≥ 5 hours and funded, but writing is not among coding, design, marketing, sales.
    expect(result.placements.compounding.stage).toBe('not-ready');
    expect(result.placements.compounding.reasons[1]).toBe('None of your skills suits a small business (it needs coding, design, marketing and sales).');
    // Acceleration: 8 ≥ 6, no debt, surplus 80,000 > 0, risk medium (the form's default) → ready.
    expect(result.placements.acceleration).toEqual({
      layer: 'acceleration',
      stage: 'ready',
      reasons: ['Your emergency fund covers 8 months (target 6), you have no high-interest debt, a surplus of $800.00 a month and a medium risk tolerance.'],
    });
  });

  it('the same answers with Foundation under way (the site asks; the extension learns it from data) give Leverage with its reasons', () => {
    const usd = (minor: number) => ({ minor, currency: 'USD' });
    const answers = {
      emergencyMonths: 8,
      highInterestDebt: usd(0),
      monthlySurplus: usd(80_000),
      investableCapital: usd(0),
      hoursPerWeek: 6,
      skills: ['writing' as const],
      riskTolerance: 'medium' as const,
      goals: [],
    };
    expect(assessOnSite(answers, 'USD').next).toBe('foundation');
    const said = assessOnSite(answers, 'USD', ['foundation']);
    // The visitor said so: the reason says so, not "your tracked data".
    expect(said.placements.foundation).toEqual({
      layer: 'foundation',
      stage: 'building',
      reasons: ['You said Foundation is already under way; that wins over the other answers.'],
    });
    const withData = assessLayers({ ...answers, answeredAt: 0 }, { ...siteAssessmentContext('USD'), status: { foundation: 'building' }, statusSource: 'data' });
    expect(withData.placements.foundation.reasons).toEqual(['Your tracked data shows Foundation is being built; that wins over the answers.']);
    expect(said.next).toBe(withData.next);
    expect(said.firstSteps).toEqual(withData.firstSteps);
    // Rule 3: nothing building beyond Foundation. Rule 4: Leverage ready, Compounding not → Leverage.
    expect(withData.next).toBe('leverage');
    expect(withData.reasons).toEqual(['Leverage fits: you have 6 hours a week (it needs 3) and skills in writing.']);
    expect(withData.firstSteps).toEqual([
      'Pick one play that fits your skills (a blog or newsletter with affiliate links) and commit to it for 90 days.',
      'Block 6 hours a week for it and publish on a fixed schedule.',
      'Add it in Strata as a Leverage stream with its hours and costs, so the day-90 review has numbers.',
    ]);
  });

  it('reads amounts in the visitor’s locale and chosen currency: "1.234,56" in de-DE is €1,234.56, "4,5" hours is 4.5', () => {
    const site = assessSiteForm(typed({ emergencyMonths: '2', monthlySurplus: '1.234,56', investableCapital: '10.000', hoursPerWeek: '4,5' }), {
      currency: 'EUR',
      locale: 'de-DE',
    });
    if (!site.ok) throw new Error(JSON.stringify(site.errors));
    // "1.234,56": both separators, the later "," is the decimal point → 123,456 cents. "10.000" under de-DE groups thousands → 1,000,000 cents.
    expect(site.answers.monthlySurplus).toEqual({ minor: 123_456, currency: 'EUR' });
    expect(site.answers.investableCapital).toEqual({ minor: 1_000_000, currency: 'EUR' });
    expect(site.answers.hoursPerWeek).toBe(4.5);
    // 2 < 3 → rule 1; the step names the surplus the en-US way the engine writes.
    expect(site.result.firstSteps[0]).toBe(
      'Send your surplus (€1,234.56 a month) to a high-yield savings account until it covers 3 months of expenses, then keep going to 6.',
    );
    // 4.5 ≥ 3 hours but no skill: Leverage not ready, with the hours written to one decimal.
    expect(site.result.placements.leverage.reasons[0]).toBe('You have 4.5 hours a week; Leverage needs at least 3.');
  });

  it('refuses text it cannot read, one error per field, and no result', () => {
    const site = assessSiteForm(typed({ emergencyMonths: 'six', monthlySurplus: '€5', hoursPerWeek: '' }), US);
    expect(site.ok).toBe(false);
    if (site.ok) return;
    expect(site.errors).toEqual({
      emergencyMonths: 'Emergency fund (months of expenses): enter a number, such as 4 or 4.5',
      monthlySurplus: 'Monthly surplus: "€5": "€" is EUR, but the currency hint is USD',
      hoursPerWeek: 'Hours a week: enter a number, such as 4 or 4.5',
    });
  });

  it('takes the browser’s language when it is a locale, else en-US', () => {
    expect(siteLocale('de-de')).toBe('de-DE');
    expect(siteLocale(undefined)).toBe('en-US');
    expect(siteLocale('not a locale!')).toBe('en-US');
  });
});

/** linkedom keeps no focus: a stand-in records what was focused, so the tests can say where keyboard users land. */
function trackFocus(window: { HTMLElement: { prototype: { focus: () => void } } }, document: object) {
  let active: unknown = null;
  window.HTMLElement.prototype.focus = function focus(this: unknown) {
    active = this;
  };
  Object.defineProperty(document, 'activeElement', { configurable: true, get: () => active });
}

describe('the site app on a DOM', () => {
  let root: HTMLElement;
  let win: typeof globalThis;
  beforeEach(() => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="assessment-app"></div></body></html>');
    trackFocus(window as never, document);
    (globalThis as { document?: unknown }).document = document;
    win = window as unknown as typeof globalThis;
    root = document.getElementById('assessment-app') as unknown as HTMLElement;
  });
  afterEach(() => {
    render(null, root);
    delete (globalThis as { document?: unknown }).document;
  });

  const input = (label: string) => {
    const forLabel = [...root.querySelectorAll('label')].find((l) => l.textContent === label)!;
    return root.querySelector<HTMLInputElement>(`#${forLabel.getAttribute('for')}`)!;
  };
  const checkbox = (name: string) => [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === name)!.querySelector('input')!;
  async function type(label: string, value: string) {
    await act(() => {
      const box = input(label);
      box.value = value;
      box.dispatchEvent(new win.Event('input', { bubbles: true }));
    });
  }
  async function tick(name: string) {
    await act(() => {
      const box = checkbox(name);
      box.checked = true;
      box.dispatchEvent(new win.Event('change', { bubbles: true }));
    });
  }
  async function submit() {
    await act(() => {
      root.querySelector('form')!.dispatchEvent(new win.Event('submit', { bubbles: true, cancelable: true }));
    });
  }

  it('fills by the shared labels, submits, shows the engine’s result with the next steps and links, and focuses its heading', async () => {
    await act(() => render(h(AssessmentApp, { locale: 'en-US' }), root));
    expect(root.querySelector('form')!.getAttribute('aria-label')).toBe('Layer assessment');
    const currency = root.querySelector<HTMLSelectElement>('#assess-currency')!;
    // USD by default, each currency named in the visitor's language.
    expect(currency.querySelector('option[selected]')!.getAttribute('value')).toBe('USD');
    expect(currency.querySelector('option[value="EUR"]')!.textContent).toBe('EUR — Euro');
    // The answers of the lead's end-to-end test: 8 months, no debt, $800 surplus, $5,000 capital, 6 hours, writing + coding, side income.
    await type('Emergency fund (months of expenses)', '8');
    await type('High-interest debt', '0');
    await type('Monthly surplus', '800');
    await type('Investable capital', '5,000');
    await type('Hours a week', '6');
    await tick('Writing');
    await tick('Coding');
    await tick('Side income');
    await submit();

    const result = root.querySelector('[data-testid="assessment-result"]')!;
    // 8 ≥ 3 and no debt; no status from data → rule 2: Foundation.
    expect(root.querySelector('[data-testid="assessment-next"]')!.textContent).toBe('Foundation');
    const stages = Object.fromEntries(
      ['foundation', 'leverage', 'acceleration', 'compounding'].map((layer) => [
        layer,
        root.querySelector(`[data-testid="assessment-stage-${layer}"] td`)!.getAttribute('data-stage'),
      ]),
    );
    // Compounding: 6 ≥ 5 hours, coding, capital 500,000 > 0 → ready. Acceleration: 8 ≥ 6, no debt, surplus > 0, medium → ready.
    expect(stages).toEqual({ foundation: 'ready', leverage: 'ready', acceleration: 'ready', compounding: 'ready' });
    expect([...result.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual([
      'Open a brokerage or robo-advisor account and set up an automatic $50.00 a month into a broad, low-cost index fund.',
      // Capital 500,000 cents = $5,000.00.
      'Invest your $5,000.00 of capital in the same fund, at once or over a few months.',
    ]);
    expect(result.textContent).toContain('What to do first');
    expect(result.querySelector('a[href="./demo.html"]')).not.toBeNull();
    expect(result.querySelector('a[href="./index.html#install"]')).not.toBeNull();
    expect((document.activeElement as HTMLElement | null)?.id).toBe('assessment-result-heading');
    expect((document.activeElement as HTMLElement).tagName).toBe('H2');
  });

  it('reads the amounts in the currency the visitor chooses', async () => {
    await act(() => render(h(AssessmentApp, { locale: 'en-US' }), root));
    await act(() => {
      const currency = root.querySelector<HTMLSelectElement>('#assess-currency')!;
      // As a browser does when an option is picked (linkedom's select.value only reads the selected option).
      currency.querySelector('option[selected]')!.removeAttribute('selected');
      currency.querySelector('option[value="EUR"]')!.setAttribute('selected', '');
      currency.dispatchEvent(new win.Event('change', { bubbles: true }));
    });
    expect(root.querySelector('#assess-currency option[selected]')!.getAttribute('value')).toBe('EUR');
    await type('Monthly surplus', '€800');
    await submit();
    // Emergency fund 0 < 3 → rule 1; the surplus is 80,000 euro cents.
    expect(root.querySelector('[data-testid="assessment-result"] ol li')!.textContent).toBe(
      'Send your surplus (€800.00 a month) to a high-yield savings account until it covers 3 months of expenses, then keep going to 6.',
    );
  });

  it('shows field errors and focuses the first invalid field; Start again clears answers and result', async () => {
    await act(() => render(h(AssessmentApp, { locale: 'en-US' }), root));
    await type('Emergency fund (months of expenses)', '1');
    await submit();
    expect(root.querySelector('[data-testid="assessment-next"]')!.textContent).toBe('Foundation');

    // Surplus and hours wrong: the result from the earlier answers goes, the first invalid field in question order gets focus.
    await type('Monthly surplus', 'lots');
    await type('Hours a week', 'x');
    await submit();
    expect(root.querySelector('[data-testid="assessment-result"]')).toBeNull();
    expect((document.activeElement as HTMLElement | null)?.id).toBe('assess-monthlySurplus');
    expect(input('Monthly surplus').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#assess-monthlySurplus-error')!.textContent).toBe('Monthly surplus: no digits in "lots"');
    expect(root.querySelector('#assess-hoursPerWeek-error')!.textContent).toBe('Hours a week: enter a number, such as 4 or 4.5');

    const startAgain = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Start again')!;
    expect(startAgain.getAttribute('type')).toBe('button');
    await act(() => {
      startAgain.dispatchEvent(new win.Event('click', { bubbles: true }));
    });
    expect(input('Emergency fund (months of expenses)').value).toBe('0');
    expect(input('Monthly surplus').value).toBe('0');
    expect(root.querySelector('.field-error')).toBeNull();
    expect(root.querySelector('[data-testid="assessment-result"]')).toBeNull();
    expect((document.activeElement as HTMLElement | null)?.id).toBe('assess-emergencyMonths');
  });
});

describe('the options page wrapper over the same form and result', () => {
  let root: HTMLElement;
  beforeEach(() => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    trackFocus(window as never, document);
    (globalThis as { document?: unknown }).document = document;
    root = document.getElementById('root') as unknown as HTMLElement;
  });
  afterEach(() => {
    render(null, root);
    delete (globalThis as { document?: unknown }).document;
  });

  it('prefills from data saying where from, and shows a computed result with the same test ids', async () => {
    const result = assessOnSite(
      {
        emergencyMonths: 2,
        highInterestDebt: { minor: 200_000, currency: 'USD' },
        monthlySurplus: { minor: 150_000, currency: 'USD' },
        investableCapital: { minor: 0, currency: 'USD' },
        hoursPerWeek: 0,
        skills: [],
        riskTolerance: 'medium',
        goals: [],
      },
      'USD',
    );
    // Only the fields the component reads; the rest of a Plan plays no part here.
    const plan = {
      baseCurrency: 'USD',
      assessment: {
        answers: null,
        prefilled: [{ field: 'emergencyMonths', value: 2, source: 'From your HYSA and cash balances ÷ monthly expenses ($6,000.00 ÷ $3,000.00)' }],
        result,
      },
    } as unknown as Plan;
    await act(() => render(h(PlanAssessment, { plan, locale: 'en-US', computing: false }), root));
    expect(root.querySelector('form')!.getAttribute('aria-label')).toBe('Layer assessment');
    expect(root.querySelector<HTMLInputElement>('#assess-emergencyMonths')!.value).toBe('2');
    expect(root.querySelector('#assess-emergencyMonths-hint')!.textContent).toBe(
      'from your data: your HYSA and cash balances ÷ monthly expenses ($6,000.00 ÷ $3,000.00)',
    );
    // No data behind the money fields: $0.00 in the base currency.
    expect(root.querySelector<HTMLInputElement>('#assess-monthlySurplus')!.value).toBe('$0.00');
    const shown = root.querySelector('[data-testid="assessment-result"]')!;
    expect(shown.getAttribute('aria-live')).toBe('polite');
    expect(shown.querySelector('h4 [data-testid="assessment-next"]')!.textContent).toBe('Foundation');
    // 2 < 3 months and $2,000.00 of debt: rule 1, fund step then debt step then the starter.
    expect(shown.querySelectorAll('ol li')).toHaveLength(3);
    expect(shown.querySelector('[data-testid="assessment-stage-acceleration"] td')!.getAttribute('data-stage')).toBe('not-ready');
    // The options page does not move focus when the worker delivers a result.
    expect(document.activeElement).toBeNull();
  });
});
