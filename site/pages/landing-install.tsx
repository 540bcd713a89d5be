/**
 * The landing page's "Install" section: download links to the store zips the
 * build copied beside the site (relative links, files of this site), or how
 * to build them when this copy of the site has none; then how to load the
 * unpacked extension in Chrome-family browsers and in Firefox. The store
 * listings do not exist yet and the page says so (no invented store links).
 *
 * Browser addresses (chrome://, about:) are shown as text to copy, never as
 * links: a web page cannot open them.
 */
import type { SiteBuildInfo } from './registry';

/** "strata-0.1.0-chrome.zip" from "./downloads/strata-0.1.0-chrome.zip". */
export function fileNameOf(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}

function Downloads(props: { build: SiteBuildInfo }) {
  const { chrome, firefox } = props.build.downloads;
  if (!chrome && !firefox) {
    return (
      <div data-testid="install-build">
        <p>
          This copy of the site was built without the extension’s packages. Build them from the source: in the project’s
          folder, run
        </p>
        <pre class="command">
          <code>npm start</code>
        </pre>
        <p>
          It installs what is needed, builds Strata for Chrome and for Firefox, and writes the unpacked builds to{' '}
          <code>.output/chrome-mv3</code> and <code>.output/firefox-mv3</code> (and their zips to <code>.output/</code>).
        </p>
      </div>
    );
  }
  return (
    <div data-testid="install-downloads">
      <p>Strata {props.build.version}, packaged for loading by hand:</p>
      <ul>
        {chrome && (
          <li>
            <a href={chrome} download>
              {fileNameOf(chrome)}
            </a>{' '}
            for Chrome, Edge, Brave
          </li>
        )}
        {firefox && (
          <li>
            <a href={firefox} download>
              {fileNameOf(firefox)}
            </a>{' '}
            for Firefox 128+
          </li>
        )}
      </ul>
      {(!chrome || !firefox) && (
        <p class="muted">
          The other package was not built; <code>npm start</code> in the project’s folder builds both.
        </p>
      )}
    </div>
  );
}

export function Install(props: { build: SiteBuildInfo }) {
  return (
    <section id="install" aria-labelledby="install-heading" data-testid="install">
      <h2 id="install-heading">Install</h2>
      <p>
        <strong>Strata is not in the Chrome Web Store or on Firefox Add-ons yet.</strong> There is no store listing to
        link to; until there is, you load it yourself, as below.
      </p>
      <Downloads build={props.build} />
      <div class="install-steps">
        <div>
          <h3>Chrome, Edge, Brave</h3>
          <ol>
            <li>
              Unzip the Chrome package into a folder of its own (or use <code>.output/chrome-mv3</code> if you built it).
            </li>
            <li>
              Open <code>chrome://extensions</code> (type it into the address bar).
            </li>
            <li>Turn on Developer mode.</li>
            <li>
              Choose Load unpacked and pick that folder: the unzipped package or <code>.output/chrome-mv3</code>.
            </li>
          </ol>
        </div>
        <div>
          <h3>Firefox 128 or later</h3>
          <ol>
            <li>
              Open <code>about:debugging#/runtime/this-firefox</code> (type it into the address bar).
            </li>
            <li>Choose Load Temporary Add-on…</li>
            <li>
              Pick <code>manifest.json</code> in <code>.output/firefox-mv3</code> (or in the unzipped Firefox package).
            </li>
          </ol>
          <p class="muted">
            Firefox removes a temporary add-on when it closes: load it again the next time, and keep a backup (Options →
            Backup) so your data does not depend on it.
          </p>
        </div>
      </div>
      <p>
        Then open Strata’s options from its toolbar button, and in Sources allow the first site you want read.
      </p>
    </section>
  );
}
