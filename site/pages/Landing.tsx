/**
 * The landing page (index.html): what Strata is, the four layers with their
 * honest typical figures, how capture works, the privacy promise, the
 * supported sites and import formats (generated, landing-supported.tsx) and
 * how to install (landing-install.tsx).
 *
 * Rules: rendered to static HTML at build time and shipped with no script, so
 * everything must read without JavaScript; facts come from the code that owns
 * them (LAYER_FACTS, LAYER_LABELS, the adapters, the formats, the stored-data
 * and permission lists of landing-privacy.ts), not retyped; colour is never
 * the only carrier of meaning (risk is written out); links are relative.
 */
import { LAYER_FACTS } from '@/utils/analytics/layers';
import { LAYERS, type Layer } from '@/utils/db/schema';
import { LAYER_LABELS, LAYER_METHODS } from '@/utils/labels';
import { Install } from './landing-install';
import { HOST_ACCESS_WHY, PERMISSION_REASONS, STORED_DATA_GROUPS } from './landing-privacy';
import { SupportedSites } from './landing-supported';
import type { SiteBuildInfo } from './registry';

function Intro() {
  return (
    <section aria-labelledby="landing-heading" class="intro">
      <h1 id="landing-heading">Strata: every passive-income stream, kept on your own machine</h1>
      <p class="lead">
        Strata is a browser extension that reads your balances and earnings off the dashboards you already visit —
        brokerages, robo-advisors, affiliate networks, creator and payment dashboards — or from their exported files, and
        keeps them in your browser. It shows the four layers of your passive income side by side and which one to build
        next, with its reasons.
      </p>
      <p class="cta">
        <a class="button-link primary" href="./assessment.html">
          Take the layer assessment
        </a>
        <a class="button-link" href="./demo.html">
          Try the live demo
        </a>
        <a class="button-link" href="#install">
          Install
        </a>
      </p>
      <p class="muted">
        The assessment is eight questions and keeps your answers in the page only; the demo runs the whole dashboard in
        your browser on a made-up household’s data.
      </p>
    </section>
  );
}

function LayerCard(props: { layer: Layer; step: number }) {
  const { layer, step } = props;
  const facts = LAYER_FACTS[layer];
  const headingId = `layer-${layer}-heading`;
  return (
    <li class={`layer-card layer-card-${layer}`} data-testid={`layer-${layer}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span class="layer-step">Layer {step}</span> {LAYER_LABELS[layer]}
        <span class="layer-method">{LAYER_METHODS[layer]}</span>
      </h3>
      <dl class="layer-facts">
        <div>
          <dt>Time to passive</dt>
          <dd>{facts.timeToPassive}</dd>
        </div>
        <div>
          <dt>Startup capital</dt>
          <dd>{facts.startupCapital}</dd>
        </div>
        <div>
          <dt>Risk</dt>
          <dd class={`risk risk-${facts.risk.replace(' ', '-')}`}>{facts.risk}</dd>
        </div>
      </dl>
      <p>{facts.summary}</p>
    </li>
  );
}

function Layers() {
  return (
    <section aria-labelledby="layers-heading">
      <h2 id="layers-heading">The four layers</h2>
      <p>
        Strata sorts every stream into one of four layers, from the safest to build first to the riskiest. It gates them
        the way a careful person would: an emergency fund before trading, and trading only from the surplus of the other
        three.
      </p>
      <ol class="layer-grid">
        {LAYERS.map((layer, index) => (
          <LayerCard key={layer} layer={layer} step={index + 1} />
        ))}
      </ol>
      <p class="honest" data-testid="layers-honest">
        <strong>Be honest with yourself about the odds.</strong> Most content sites never earn meaningful income, most
        small software products never find enough paying customers, and most retail traders lose money. The figures
        above are typical ranges, not promises; Strata tracks what your streams actually do.
      </p>
    </section>
  );
}

function HowCaptureWorks() {
  return (
    <section aria-labelledby="capture-heading">
      <h2 id="capture-heading">How capture works</h2>
      <ol class="steps">
        <li>
          <strong>You grant a supported site</strong>, one site at a time, in Strata’s Options → Sources. Until you do,
          Strata has no access to it.
        </li>
        <li>
          <strong>On that site’s dashboard</strong>, a content script reads the figures next to the labels a person sees
          (“Total balance”, “Estimated revenue”), not the page’s generated code, so a redesign that keeps the words keeps
          working.
        </li>
        <li>
          <strong>An overlay shows what it found</strong> — each figure, its label and the account it belongs to — and
          saves only when you confirm. You can tell it to save a figure without asking next time.
        </li>
      </ol>
      <p>Or, without granting any site:</p>
      <ul>
        <li>
          <strong>Import the site’s CSV export</strong> (or an OFX/QFX statement) in Options → Import, with a preview
          before anything is saved.
        </li>
        <li>
          <strong>Teach Strata a figure on any page</strong>: choose “Teach this page” in its toolbar menu and click the
          number.
        </li>
      </ul>
      <p>
        Everything goes into IndexedDB in your browser. The analytics — net worth, income per month, allocation drift,
        projections, the coach — run in a Web Worker on your own machine.
      </p>
    </section>
  );
}

function PrivacyPromise() {
  return (
    <section aria-labelledby="promise-heading" data-testid="privacy-promise" class="promise">
      <h2 id="promise-heading">The privacy promise</h2>
      <dl class="promise-list">
        <div>
          <dt>What is stored</dt>
          <dd>
            <ul>
              {STORED_DATA_GROUPS.map((group) => (
                <li key={group.heading}>
                  <strong>{group.heading}:</strong> {group.words}.
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            In the extension’s IndexedDB, in your browser profile, on this device. Backups are files you download
            yourself.
          </dd>
        </div>
        <div>
          <dt>What is never sent</dt>
          <dd>
            <ul>
              <li>Nothing, to anyone: Strata makes no request to any server — it has none.</li>
              <li>No analytics, no telemetry, no crash reports, no accounts, no cookies.</li>
              <li>No bank credentials: Strata never asks for a password and never logs in for you.</li>
              <li>No remote code: everything it runs ships inside the extension.</li>
            </ul>
          </dd>
        </div>
        <div>
          <dt>Which permissions, and why</dt>
          <dd>
            <ul>
              {PERMISSION_REASONS.map((p) => (
                <li key={p.permission}>
                  <code>{p.permission}</code>: {p.why}
                </li>
              ))}
              <li>
                <strong>Site access</strong>: {HOST_ACCESS_WHY}
              </li>
            </ul>
          </dd>
        </div>
      </dl>
      <p>
        The full terms are in the <a href="./privacy.html">privacy policy</a>.
      </p>
    </section>
  );
}

export function LandingPage(props: { build: SiteBuildInfo }) {
  return (
    <div class="landing" data-testid="landing">
      <Intro />
      <Layers />
      <HowCaptureWorks />
      <PrivacyPromise />
      <SupportedSites />
      <Install build={props.build} />
    </div>
  );
}
