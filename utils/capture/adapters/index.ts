/**
 * Every supported site, one data file each. To add a site: write
 * `<id>.ts` exporting a SiteAdapter, two fixture pages under
 * tests/fixtures/capture/<id>/, a test, and list it here.
 */
import type { SiteAdapter } from '../types';
import { alpacaAdapter } from './alpaca';
import { amazonAssociatesAdapter } from './amazon-associates';
import { bettermentAdapter } from './betterment';
import { fidelityAdapter } from './fidelity';
import { fundriseAdapter } from './fundrise';
import { googleAdsenseAdapter } from './google-adsense';
import { gumroadAdapter } from './gumroad';
import { interactiveBrokersAdapter } from './interactive-brokers';
import { lemonSqueezyAdapter } from './lemon-squeezy';
import { robinhoodAdapter } from './robinhood';
import { schwabAdapter } from './schwab';
import { stripeAdapter } from './stripe';
import { substackAdapter } from './substack';
import { vanguardAdapter } from './vanguard';
import { wealthfrontAdapter } from './wealthfront';
import { youtubeStudioAdapter } from './youtube-studio';

/** In the order of the layers, then by name. */
export const ALL_ADAPTERS: readonly SiteAdapter[] = [
  // Foundation
  fidelityAdapter,
  vanguardAdapter,
  schwabAdapter,
  bettermentAdapter,
  wealthfrontAdapter,
  fundriseAdapter,
  // Acceleration
  robinhoodAdapter,
  interactiveBrokersAdapter,
  alpacaAdapter,
  // Leverage
  amazonAssociatesAdapter,
  googleAdsenseAdapter,
  youtubeStudioAdapter,
  substackAdapter,
  // Compounding
  stripeAdapter,
  gumroadAdapter,
  lemonSqueezyAdapter,
];

export function adapterById(id: string): SiteAdapter | undefined {
  return ALL_ADAPTERS.find((a) => a.id === id);
}
