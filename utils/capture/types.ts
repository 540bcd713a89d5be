/**
 * Site adapters are data. A supported site is a `SiteAdapter`: where it
 * applies (hosts, paths), what layer and account kind it feeds, and for each
 * figure the words a person sees next to it. One label-anchored extractor
 * (extract.ts) serves every adapter; a rule the person teaches by clicking a
 * number is stored in the same `FigureSpec` form.
 *
 * Anchors are what a person sees — label text, ARIA names, headings — never
 * generated class names, so a redesign that keeps the words keeps working.
 */
import { CAPTURE_MEANINGS, type AccountKind, type IncomeKind, type Layer } from '@/utils/db/schema';
import type { Money } from '@/utils/money/types';

/** What a figure means. Money except `count`. */
export const ITEM_KINDS = CAPTURE_MEANINGS;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface FigureSpec {
  /** Stable within the adapter: "total-balance", "account-balance", "buying-power". */
  key: string;
  kind: ItemKind;
  /**
   * The visible label(s) next to the figure, as a person reads them:
   * matched case-insensitively after collapsing white space, ignoring a
   * trailing colon. Text content, aria-label / aria-labelledby and headings
   * all count as the label.
   */
  labels: string[];
  /**
   * "page": one figure for the whole page (a total, a dashboard's balance).
   * "account": one per account on a page that lists several; the account's
   * name is read from the account's container (see AccountsSpec).
   */
  scope: 'page' | 'account';
  /**
   * A page total that only sums the accounts listed beside it. It is
   * reported (so the person can check it against the accounts) but never
   * saved on top of them unless the person maps it to an account.
   */
  total?: boolean;
  /**
   * Earnings: the period words this site shows for the figure ("This month",
   * "Last 30 days", "Today so far"). The extractor reports which one is in
   * effect: the selected tab/option, or the period word in the same card.
   */
  periods?: string[];
  /** Earnings whose label is itself the period (Gumroad's "Last 7 days"). */
  fixedPeriod?: string;
  /** mrr / count: what is measured ("mrr", "paid-subscriptions", "gross-annualized-revenue"). */
  metric?: string;
  /** earnings / realized: the kind of income it is stored as (AdSense: "ad-revenue"). */
  incomeKind?: IncomeKind;
  /**
   * A taught rule's stored CSS path to the amount (tags and :nth-of-type),
   * read when the label is not found, with a lower confidence.
   */
  fallbackPath?: string;
}

export interface AccountsSpec {
  /**
   * Where one account's name is, relative to the container (row, card,
   * list item, section) that holds its per-account figure:
   * "heading" — the container's heading (h1–h6 or role=heading),
   * "first-cell" — the row's first cell (th/td or role=rowheader/cell),
   * "link" — the container's first link text,
   * "auto" — the first of those that exists.
   */
  nameFrom: 'heading' | 'first-cell' | 'link' | 'auto';
}

export interface SiteAdapter {
  /** "fidelity", "google-adsense": stable, used in provenance and the CLI. */
  id: string;
  /** Bumped when the adapter's figures change; recorded with each capture. */
  version: number;
  /** "Fidelity": shown to people. */
  name: string;
  /** Exact hosts or one leading wildcard label: "digital.fidelity.com", "*.substack.com". */
  hosts: string[];
  /**
   * Path patterns: "*" matches one path segment (no "/"), "**" any rest;
   * a pattern ending in "/" also matches without it. "/" is the home page.
   */
  paths: string[];
  layer: Layer;
  accountKind: AccountKind;
  /** The currency the site shows when its text has only "$"; a parse hint. */
  currency: string;
  figures: FigureSpec[];
  /** For sites listing several accounts. */
  accounts?: AccountsSpec;
  /**
   * Path patterns that mean a paper (simulated) account; items found there
   * are flagged `paper: true` and never mixed with live money.
   */
  paperPaths?: string[];
}

/** One figure found on a page. */
export interface ExtractedItem {
  /** The adapter's figure key (or a taught rule's id). */
  figureKey: string;
  kind: ItemKind;
  /** The label as it appears on the page (text, never HTML). */
  label: string;
  /** The account's name as the page shows it, for account-scoped figures; else null. */
  account: string | null;
  /** Earnings: the period in effect as the page words it ("This Month"); else null. */
  period: string | null;
  /** Money figures: the exact amount. Absent for `count`. */
  amount?: Money;
  /** `count` figures: the number. */
  count?: number;
  /** The amount's text exactly as shown ("$12,345.67"). */
  rawText: string;
  /** 0..1: how sure the extractor is that this amount belongs to this label. */
  confidence: number;
  total?: boolean;
  paper?: boolean;
  metric?: string;
  incomeKind?: IncomeKind;
  /** A CSS path to the amount's element, to highlight it and as a taught rule's fallback. */
  path: string;
}

/** A label that was found but gave no figure, with the reason (shown in the overlay; never a zero). */
export interface ExtractionProblem {
  figureKey: string;
  label: string;
  account: string | null;
  reason: string;
}

export interface ExtractionResult {
  /** The adapter's id, or null on a page no adapter covers. */
  site: string | null;
  adapterVersion: number | null;
  items: ExtractedItem[];
  problems: ExtractionProblem[];
}
