/**
 * The privacy policy (privacy.html), written to be linked from a browser
 * store listing of an extension that reads financial pages: what it reads,
 * what it stores and where, what it sends (nothing), each permission and why,
 * the website itself, backups, deletion, children, changes and contact.
 *
 * Rules: static HTML, no script; the stored tables and the permissions come
 * from landing-privacy.ts (tests/site/privacy.test.tsx checks them against
 * the database and wxt.config.ts's manifest), so the policy cannot silently
 * fall behind the code; no contact address is invented.
 */
import type { ComponentChildren } from 'preact';
import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import { HOST_ACCESS_WHY, PERMISSION_REASONS, STORED_DATA_GROUPS } from './landing-privacy';

export const POLICY_EFFECTIVE_DATE = '2026-11-24';

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function PrivacyPage() {
  return (
    <article class="policy" data-testid="privacy-policy">
      <h1>Privacy policy</h1>
      <p class="muted">
        Effective <time dateTime={POLICY_EFFECTIVE_DATE}>24 November 2026</time>. This policy covers the Strata browser
        extension and this website.
      </p>

      <Section id="policy-summary" title="In short">
        <p>
          Strata keeps your financial figures in your own browser and sends nothing anywhere. It has no server, no account,
          no analytics and no cookies. Nobody — including the people who make Strata — can see your data.
        </p>
      </Section>

      <Section id="policy-reads" title="What the extension reads">
        <p>Strata reads pages only in two cases:</p>
        <ul>
          <li>
            <strong>Sites you granted.</strong> On the {ALL_ADAPTERS.length} supported sites (listed on the{' '}
            <a href="./index.html#supported-heading">home page</a>), and on pages you taught, only after you allowed that
            site in Options → Sources.
          </li>
          <li>
            <strong>The tab you act on.</strong> When you choose “Capture this page” or “Teach this page” in Strata’s
            toolbar menu, it reads that one tab, once.
          </li>
        </ul>
        <p>
          On those pages it reads only the figures it was built to find — balances, cash, earnings, recurring revenue,
          realized profit or loss and counts — with the label beside each and the account name they belong to. It never
          reads passwords, never reads or fills in form fields, and never keeps the query string of a page’s address (the
          part after “?”); it records only the site and the path of the page a figure came from.
        </p>
        <p>
          What it reads is held in memory and shown to you first. It is saved only when you confirm, or when you told it to
          save that figure without asking.
        </p>
      </Section>

      <Section id="policy-stores" title="What it stores, and where">
        <p>
          Everything Strata keeps is in the extension’s IndexedDB database in your browser profile, on this device. It is
          not synchronised between devices. The database holds:
        </p>
        <ul data-testid="policy-stored-data">
          {STORED_DATA_GROUPS.map((group) => (
            <li key={group.heading}>
              <strong>{group.heading}:</strong> {group.words}.
            </li>
          ))}
        </ul>
        <p>Every stored figure notes where it came from (entered by hand, imported from a file, or read from a page).</p>
      </Section>

      <Section id="policy-sends" title="What it sends">
        <p>
          <strong>Nothing.</strong> The extension makes no network requests at all: no server of ours (there is none), no
          third-party service, no analytics, no telemetry, no crash reports, no advertising. It loads no remote code.
        </p>
        <p>
          Your data is never sold, transferred or shared with anyone, for any purpose. It is not used for advertising,
          credit decisions or anything other than showing it to you.
        </p>
        <p>
          Strata’s use of the information it handles complies with the Chrome Web Store User Data Policy, including its
          Limited Use requirements.
        </p>
      </Section>

      <Section id="policy-permissions" title="Permissions, and why">
        <ul data-testid="policy-permissions">
          {PERMISSION_REASONS.map((p) => (
            <li key={p.permission}>
              <code>{p.permission}</code> ({p.when === 'install' ? 'asked at install' : 'optional'}): {p.why}
            </li>
          ))}
          <li>
            <strong>Optional host access, per site</strong>: {HOST_ACCESS_WHY} The list of sites it may ask for is the
            supported sites, plus any https site you teach (each asked for by its own name).
          </li>
        </ul>
        <p>In Firefox, the extension also declares that it collects no data.</p>
      </Section>

      <Section id="policy-website" title="This website">
        <ul>
          <li>The website serves static files only. It has no server-side code, sets no cookies and runs no analytics.</li>
          <li>
            The <a href="./assessment.html">assessment</a> keeps your answers in the page’s memory only and forgets them
            when you leave the page.
          </li>
          <li>
            The <a href="./demo.html">demo</a> writes its sample household into this site’s IndexedDB in your browser.
            “Reset demo” puts the sample back; your browser’s site-data controls delete it.
          </li>
          <li>Nothing is loaded from any other site: no fonts, images or scripts from elsewhere.</li>
        </ul>
      </Section>

      <Section id="policy-backups" title="Backups">
        <p>
          A backup or CSV export is a file you download yourself, to wherever you choose. It is not encrypted: it holds your
          figures in plain text, so keep it somewhere safe. Restoring a backup replaces what the extension holds.
        </p>
      </Section>

      <Section id="policy-delete" title="Deleting your data">
        <ul>
          <li>Delete accounts, balances, streams and other records one by one in Strata’s Options.</li>
          <li>Remove the extension from your browser: the browser deletes its database with it.</li>
          <li>Remove a site’s access at any time in Options → Sources or in your browser’s extension settings.</li>
        </ul>
      </Section>

      <Section id="policy-children" title="Children">
        <p>
          Strata is a tool for managing your own money and is not directed at children. It collects nothing from anyone,
          children included.
        </p>
      </Section>

      <Section id="policy-changes" title="Changes to this policy">
        <p>
          If this policy changes, the new version is published on this page, with a new effective date, before the
          version of the extension it applies to is released.
        </p>
      </Section>

      <Section id="policy-contact" title="Contact">
        <p>
          Questions or concerns: open an issue on the project’s repository. There is no email address or support
          service, and none is needed for anything above: your data never reaches us.
        </p>
      </Section>
    </article>
  );
}
