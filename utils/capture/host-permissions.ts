/**
 * The host access the manifest may ask for, written out by hand.
 *
 * wxt.config.ts declares these as `optional_host_permissions`: nothing is
 * granted at install, and the options page's Sources view asks for one site at
 * a time. They are not taken from the content script's `matches`: WXT turns a
 * `registration: 'runtime'` script's matches into *required* host_permissions.
 *
 * This file has no imports so that wxt.config.ts can load it as is.
 * tests/unit/capture-permissions.test.ts checks that SUPPORTED_ORIGINS is
 * exactly the origin patterns of every adapter in ALL_ADAPTERS, so a new
 * adapter cannot ship without its host here.
 */

/** One match pattern per supported site host (utils/capture/adapters). */
export const SUPPORTED_ORIGINS: readonly string[] = [
  // Foundation
  'https://digital.fidelity.com/*',
  'https://dashboard.web.vanguard.com/*',
  'https://client.schwab.com/*',
  'https://app.betterment.com/*',
  'https://www.wealthfront.com/*',
  'https://fundrise.com/*',
  // Acceleration
  'https://robinhood.com/*',
  'https://portal.interactivebrokers.com/*',
  'https://app.alpaca.markets/*',
  // Leverage
  'https://affiliate-program.amazon.com/*',
  'https://adsense.google.com/*',
  'https://studio.youtube.com/*',
  'https://*.substack.com/*',
  // Compounding
  'https://dashboard.stripe.com/*',
  'https://app.gumroad.com/*',
  'https://app.lemonsqueezy.com/*',
];

/**
 * Pages the person teaches by clicking a number can be on any https site;
 * access to one is still asked for per host (https://example.com/*), this
 * pattern only makes such a request possible.
 */
export const TAUGHT_SITES_ORIGIN = 'https://*/*';

/** The extension pages a web page may frame: the capture overlay. */
export const OVERLAY_PAGE = 'capture-overlay.html';
