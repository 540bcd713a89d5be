/**
 * What the landing page says Strata can read, generated from the code that
 * does the reading: the site adapters (utils/capture/adapters ALL_ADAPTERS)
 * grouped by layer, and the CSV/OFX import formats (utils/importers/formats
 * FORMATS) grouped by kind. Nothing here is typed out by hand, so a site or
 * format added to those registries appears on the page at the next build.
 *
 * Pure data for the page (site/pages/landing-supported.tsx renders it); words
 * only, never HTML.
 */
import { ALL_ADAPTERS } from '@/utils/capture/adapters';
import type { FigureSpec, ItemKind, SiteAdapter } from '@/utils/capture/types';
import { LAYERS, type Layer } from '@/utils/db/schema';
import { FORMATS } from '@/utils/importers/formats';
import type { FormatGroup, ImportFormat } from '@/utils/importers/types';
import { LAYER_LABELS, LAYER_METHODS } from '@/utils/labels';

/** What a figure of each kind is, in words, for a person choosing whether to grant a site. */
export const FIGURE_KIND_WORDS: Readonly<Record<ItemKind, string>> = {
  balance: 'balance',
  cash: 'cash available',
  earnings: 'earnings',
  mrr: 'recurring revenue (MRR)',
  realized: 'realized profit or loss',
  count: 'count',
};

/** One kind of figure a site shows, with the labels Strata looks for next to it. */
export interface FigureGroup {
  kind: ItemKind;
  /** FIGURE_KIND_WORDS[kind]. */
  words: string;
  /** "Total balance (total of the accounts listed)", "Balance (each account)": the page's own words plus what they cover. */
  labels: string[];
}

export interface SupportedSite {
  id: string;
  name: string;
  hosts: string[];
  /** Path patterns, as the adapter matches them ("/" is the home page). */
  paths: string[];
  figures: FigureGroup[];
  /** Path patterns of paper (simulated) accounts, kept apart from real money. */
  paperPaths: string[];
}

export interface SupportedLayer {
  layer: Layer;
  /** "Foundation — investing". */
  heading: string;
  sites: SupportedSite[];
}

function labelWithScope(figure: FigureSpec): string[] {
  const note = figure.scope === 'account' ? ' (each account)' : figure.total ? ' (total of the accounts listed)' : '';
  return figure.labels.map((label) => `${label}${note}`);
}

/** The adapter's figures grouped by kind, kinds in the order they first appear. */
export function figureGroups(adapter: Pick<SiteAdapter, 'figures'>): FigureGroup[] {
  const byKind = new Map<ItemKind, string[]>();
  for (const figure of adapter.figures) {
    const labels = byKind.get(figure.kind) ?? [];
    for (const label of labelWithScope(figure)) if (!labels.includes(label)) labels.push(label);
    byKind.set(figure.kind, labels);
  }
  return [...byKind].map(([kind, labels]) => ({ kind, words: FIGURE_KIND_WORDS[kind], labels }));
}

/** "balance, cash available and earnings": the kinds a site reads, in words. */
export function figureKindsText(groups: readonly FigureGroup[]): string {
  const words = groups.map((g) => g.words);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function supportedSite(adapter: SiteAdapter): SupportedSite {
  return {
    id: adapter.id,
    name: adapter.name,
    hosts: [...adapter.hosts],
    paths: [...adapter.paths],
    figures: figureGroups(adapter),
    paperPaths: [...(adapter.paperPaths ?? [])],
  };
}

/** Every adapter, grouped by layer in the layers' order, sites by name; layers without a site are left out. */
export function supportedSitesByLayer(adapters: readonly SiteAdapter[] = ALL_ADAPTERS): SupportedLayer[] {
  return LAYERS.map((layer) => ({
    layer,
    heading: `${LAYER_LABELS[layer]} — ${LAYER_METHODS[layer]}`,
    sites: adapters
      .filter((a) => a.layer === layer)
      .map(supportedSite)
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
  })).filter((group) => group.sites.length > 0);
}

export const FORMAT_GROUP_HEADINGS: Readonly<Record<FormatGroup, string>> = {
  brokerage: 'Brokerages and investment accounts',
  income: 'Ad, affiliate, creator and sales income',
  bank: 'Banks and cards (for spending and recurring charges)',
};

export interface FormatGroupList {
  group: FormatGroup;
  heading: string;
  /** The formats' human names ("Charles Schwab — transactions"), in the registry's order. */
  names: string[];
}

/** The import formats by group, in FORMAT_GROUP_HEADINGS' order; empty groups left out. */
export function importFormatGroups(formats: readonly Pick<ImportFormat, 'label' | 'group'>[] = FORMATS): FormatGroupList[] {
  return (Object.keys(FORMAT_GROUP_HEADINGS) as FormatGroup[])
    .map((group) => ({
      group,
      heading: FORMAT_GROUP_HEADINGS[group],
      names: formats.filter((f) => f.group === group).map((f) => f.label),
    }))
    .filter((g) => g.names.length > 0);
}
