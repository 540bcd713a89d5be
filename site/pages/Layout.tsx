/**
 * The frame of every site page: a skip link to the content, a header with the
 * Strata name and the navigation (aria-current on the page shown), the page in
 * `<main id="main">`, and a footer with the privacy policy.
 *
 * Rules: static HTML (rendered at build time, no script); links are relative
 * ("./privacy.html") so the site works from any host and sub-path; nothing is
 * loaded from another origin (the logo is inline SVG). Imports only types
 * from registry.tsx, which imports this page's siblings (no import cycle).
 */
import type { ComponentChildren } from 'preact';
import type { SitePageFile } from './registry';

/** The navigation, in order. Kept here rather than read from registry.tsx (which would import this file back). */
export const NAV_ENTRIES: readonly { file: SitePageFile; label: string }[] = [
  { file: 'index.html', label: 'Home' },
  { file: 'assessment.html', label: 'Assessment' },
  { file: 'demo.html', label: 'Demo' },
  { file: 'privacy.html', label: 'Privacy' },
];

/** Four stacked layers, one per layer colour: decoration only (the name beside it is the text). */
function Logo() {
  return (
    <svg class="site-logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect x="4" y="5" width="24" height="5" rx="1.5" class="logo-compounding" />
      <rect x="4" y="11.5" width="24" height="5" rx="1.5" class="logo-acceleration" />
      <rect x="4" y="18" width="24" height="5" rx="1.5" class="logo-leverage" />
      <rect x="4" y="24.5" width="24" height="5" rx="1.5" class="logo-foundation" />
    </svg>
  );
}

/**
 * `title` is the document's title (prerender.tsx writes it into <title>); the
 * page's own h1 is part of its children.
 */
export function Layout(props: { current: SitePageFile; title: string; children: ComponentChildren }) {
  const { current } = props;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <a class="site-name" href="./index.html">
            <Logo />
            <span>Strata</span>
          </a>
          <nav aria-label="Site">
            <ul class="site-nav">
              {NAV_ENTRIES.map((entry) => (
                <li key={entry.file}>
                  <a href={`./${entry.file}`} aria-current={entry.file === current ? 'page' : undefined}>
                    {entry.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} class={current === 'demo.html' ? 'site-main site-main-wide' : 'site-main'}>
        {props.children}
      </main>
      <footer class="site-footer">
        <div class="site-footer-inner">
          <p>
            <a href="./privacy.html">Privacy policy</a>
          </p>
          <p>No cookies, no analytics, no server: this site only serves files.</p>
        </div>
      </footer>
    </>
  );
}
