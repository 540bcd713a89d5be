/**
 * The site's pages: file, title, description and the content rendered into
 * its HTML at build time (site/prerender.tsx).
 */
import type { VNode } from 'preact';
import { LandingPage } from './Landing';
import { AssessmentPage } from './Assessment';
import { DemoPage } from './Demo';
import { PrivacyPage } from './Privacy';

export const SITE_PAGE_FILES = ['index.html', 'assessment.html', 'demo.html', 'privacy.html'] as const;
export type SitePageFile = (typeof SITE_PAGE_FILES)[number];

export interface SitePage {
  /** The document title. */
  title: string;
  /** The meta description. */
  description: string;
  /** The short name in the site's navigation. */
  navLabel: string;
  render: (build: SiteBuildInfo) => VNode;
}

/** What the build knows that a page may show: the extension zips it ships beside the site. */
export interface SiteBuildInfo {
  /** Relative links to the store zips copied into the site ("./downloads/strata-0.1.0-chrome.zip"); absent when not built. */
  downloads: { chrome?: string; firefox?: string };
  /** The extension's version (package.json). */
  version: string;
}

export const SITE_PAGES: Record<SitePageFile, SitePage> = {
  'index.html': {
    title: 'Strata — every passive-income stream, kept on your own machine',
    description:
      'A browser extension that reads balances and earnings off the dashboards you already visit, keeps them in your browser, and shows a layered plan. Nothing leaves your machine.',
    navLabel: 'Home',
    render: (build) => <LandingPage build={build} />,
  },
  'assessment.html': {
    title: 'The layer assessment — Strata',
    description: 'Eight questions place you on each of the four layers and say which one to build next, and why. Your answers stay in this page.',
    navLabel: 'Assessment',
    render: () => <AssessmentPage />,
  },
  'demo.html': {
    title: 'Live demo — Strata',
    description: 'The whole Strata dashboard running in your browser on three years of a made-up household’s data.',
    navLabel: 'Demo',
    render: () => <DemoPage />,
  },
  'privacy.html': {
    title: 'Privacy policy — Strata',
    description: 'What Strata stores, where it stores it, and what it never sends.',
    navLabel: 'Privacy',
    render: () => <PrivacyPage />,
  },
};
