/**
 * The shapes the capture flow passes between the content script, the
 * background and the overlay (see utils/messaging/protocol.ts for the
 * messages, ingest.ts for how a save is planned).
 */
import type { AccountKind, Layer } from '@/utils/db/schema';
import type { Money } from '@/utils/money/types';
import type { ExtractedItem, ExtractionProblem } from './types';

/** The readings of one tab, as the background keeps them. */
export interface CaptureReadings {
  readingsId: string;
  tabId: number;
  /** The adapter's id, or "taught:<host>" on a page only taught rules cover. */
  siteId: string;
  /** The adapter's id; null on a taught page. */
  site: string | null;
  siteName: string;
  adapterVersion: number | null;
  /** The adapter's layer and account kind; null on a taught page. */
  layer: Layer | null;
  accountKind: AccountKind | null;
  /** From the sender's URL, never from the payload. */
  host: string;
  path: string;
  origin: string;
  title: string;
  items: ExtractedItem[];
  problems: ExtractionProblem[];
  submittedAt: number;
  /** Set once saved: the same readings are never saved twice. */
  saved?: SaveReport;
}

export interface NewAccountChoice {
  institution: string;
  name: string;
  /** Only used on a taught page (an adapter's page gives its own). */
  layer?: Layer;
  kind?: AccountKind;
}

export interface NewStreamChoice {
  name: string;
  /** Only used on a taught page. */
  layer?: Layer;
}

export type CaptureDecision =
  | { index: number; action: 'ignore' }
  | {
      index: number;
      action: 'save';
      accountId?: string;
      streamId?: string;
      newAccount?: NewAccountChoice;
      newStream?: NewStreamChoice;
    };

export interface RefusedItem {
  index: number;
  reason: string;
}

export interface JumpToConfirm {
  index: number;
  previous: Money;
  next: Money;
}

export interface SaveReport {
  /** Balances, income events and metrics written. */
  saved: number;
  /** Of those, how many replaced a capture of the same day or period. */
  replaced: number;
  /** Figures the person ignored or left without a decision. */
  ignored: number;
  created: { accounts: number; streams: number };
  /** Figures not saved, with the reason to show next to each. */
  refused: RefusedItem[];
}

