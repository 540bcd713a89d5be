/** How the Plan and Income sections write figures: money in the base currency and percentages, in the person's locale. */
import type { AllocationBucket, LayerCard, LayerStage, LayerStatus } from '@/utils/analytics/plan-types';
import { formatMoney } from '@/utils/money';

export interface PlanFormat {
  /** Base-currency minor units → "$1,234.56". */
  money(minor: number): string;
  /** 0.084 → "8.4%"; null → "—". */
  percent(ratio: number | null): string;
}

export function planFormat(currency: string, locale: string): PlanFormat {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    money: (minor) => formatMoney({ minor: Math.round(minor), currency }, locale),
    percent: (ratio) => (ratio === null || !Number.isFinite(ratio) ? '—' : percent.format(ratio)),
  };
}

export const STATUS_LABELS: Record<LayerStatus, string> = {
  'not-started': 'Not started',
  building: 'Building',
  passive: 'Passive',
};

export const STAGE_LABELS: Record<LayerStage, string> = {
  'not-ready': 'Not ready yet',
  ready: 'Ready to start',
  building: 'Building',
  passive: 'Passive',
};

export const RISK_LABELS: Record<LayerCard['risk'], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  'very high': 'Very high',
};

export const BUCKET_LABELS: Record<AllocationBucket, string> = {
  emergency: 'Emergency fund',
  debt: 'Pay down debt',
  foundation: 'Foundation (investing)',
  leverage: 'Leverage (content)',
  acceleration: 'Acceleration (trading)',
};

/** The colour of an allocation bucket: the layer's, or the theme's for the fund and debt. */
export const BUCKET_COLOURS: Record<AllocationBucket, string> = {
  emergency: 'var(--ok)',
  debt: 'var(--danger)',
  foundation: 'var(--layer-foundation)',
  leverage: 'var(--layer-leverage)',
  acceleration: 'var(--layer-acceleration)',
};
