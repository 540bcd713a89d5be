/**
 * The assessment page's static part, pre-rendered at build time and readable
 * without JavaScript: what the assessment asks and why, where the answers
 * stay, what happens without JavaScript, and the mount point the page's
 * script (site/assessment/main.tsx) renders the form into.
 *
 * Rules: no form here (a form that cannot work without the script would be a
 * dead end); the thresholds quoted come from the engine's own constants.
 */
import {
  COMPOUNDING_MIN_HOURS,
  DEFAULT_EMERGENCY_TARGET_MONTHS,
  EMERGENCY_FIRST_MONTHS,
  LEVERAGE_MIN_HOURS,
} from '@/utils/analytics/assessment';

export function AssessmentPage() {
  return (
    <article aria-labelledby="assessment-title">
      <h1 id="assessment-title">The layer assessment</h1>
      <p>
        Two minutes, eight questions: your emergency fund, high-interest debt, monthly surplus, investable capital, the hours a week you
        can give, your skills, your risk tolerance and your goals. The answers place you on each of Strata’s four layers — Foundation
        (investing), Leverage (content), Acceleration (algorithmic trading) and Compounding (small businesses) — and say which one to
        build next, why, and what to do first.
      </p>
      <p>
        Why these questions: each layer stands on the one below. An emergency fund under {EMERGENCY_FIRST_MONTHS} months of expenses or
        high-interest debt comes before anything else; trading waits for the full {DEFAULT_EMERGENCY_TARGET_MONTHS}-month fund, no
        high-interest debt, a positive surplus and a risk tolerance above low; content needs at least {LEVERAGE_MIN_HOURS} hours a week and a small business at least{' '}
        {COMPOUNDING_MIN_HOURS}. It is the same assessment the Strata extension runs, with the same rules.
      </p>
      <p data-testid="assessment-privacy">
        <strong>Your answers stay in this page.</strong> They are kept only in the page’s memory while it is open: nothing is stored (no
        IndexedDB, no local or session storage, no cookies), nothing is put in the address, and nothing is sent over the network. Reloading
        or closing the page forgets them. See the <a href="./privacy.html">privacy policy</a>.
      </p>
      <noscript>
        <p data-testid="assessment-noscript">
          The assessment needs JavaScript to place you on the layers. It works entirely in this page: your answers are never sent anywhere.
          Turn JavaScript on for this site to use it, or read about Strata on the <a href="./index.html">home page</a> and how to{' '}
          <a href="./index.html#install">install it</a>.
        </p>
      </noscript>
      <div id="assessment-app" data-testid="assessment-app"></div>
    </article>
  );
}
