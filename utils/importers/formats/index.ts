/**
 * Every layout Strata reads, most specific first (a tie in detection goes
 * to the earlier one; the generic bank layouts come last).
 */
import type { FormatId, ImportFormat } from '../types';
import { schwabLots, schwabPositions, schwabTransactions } from './schwab';
import { fidelityActivity, fidelityPositions } from './fidelity';
import { vanguardCsv } from './vanguard';
import { robinhoodActivity } from './robinhood';
import { tdameritradeTransactions } from './tdameritrade';
import { bettermentLots, bettermentTransactions } from './betterment';
import { ibkrActivityStatement, ibkrFlexCash, ibkrFlexTrades } from './ibkr';
import { ofx } from './ofx';
import { amazonAssociatesEarnings } from './amazon';
import { adsense } from './adsense';
import { youtubeRevenue } from './youtube';
import { stripeBalance, stripePayouts } from './stripe';
import { gumroadSales } from './gumroad';
import { lemonsqueezyOrders } from './lemonsqueezy';
import { bankDebitCredit, bankSignedAmount } from './bank';

export const FORMATS: readonly ImportFormat[] = [
  schwabTransactions,
  schwabPositions,
  schwabLots,
  fidelityActivity,
  fidelityPositions,
  vanguardCsv,
  robinhoodActivity,
  tdameritradeTransactions,
  bettermentTransactions,
  bettermentLots,
  ibkrFlexTrades,
  ibkrFlexCash,
  ibkrActivityStatement,
  ofx,
  amazonAssociatesEarnings,
  adsense,
  youtubeRevenue,
  stripeBalance,
  stripePayouts,
  gumroadSales,
  lemonsqueezyOrders,
  bankDebitCredit,
  bankSignedAmount,
];

export function formatById(id: string): ImportFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

export type { FormatId };
