/**
 * Bench case (Node): extraction on the generated ~5,000-node dashboard,
 * parsed once with linkedom; ours against the straightforward baseline
 * (bench/cases/captureBaseline.ts). The time target is for Chromium (see
 * captureBrowser.ts); linkedom's DOM is slower to walk, so this one is
 * reported without a target.
 */
import { parseHTML } from 'linkedom';
import { extract } from '@/utils/capture/extract';
import { DASHBOARD_ADAPTER, generateDashboard } from '@/tests/fixtures/capture/synthetic/dashboard';
import type { BenchCase } from '../harness';
import { baselineExtract, type BaselineItem } from './captureBaseline';
import { compareWithBaseline, summarizeOurs } from './captureCheck';

export function captureNodeCase(): BenchCase {
  const dashboard = generateDashboard();
  const { document } = parseHTML(dashboard.html);
  const elements = document.querySelectorAll('*').length;
  const ours = { name: 'extract (ours, linkedom)', runs: 30, warmup: 5, run: () => extract(document, DASHBOARD_ADAPTER) };
  const baseline = {
    name: 'baseline (querySelectorAll per label)',
    runs: 3,
    warmup: 1,
    run: () => baselineExtract(document as unknown as Document, DASHBOARD_ADAPTER),
  };
  return {
    title: 'Capture extraction in Node (linkedom)',
    describe: () => `generated dashboard, ${elements.toLocaleString('en-US')} elements, adapter with ${DASHBOARD_ADAPTER.figures.length} figures`,
    implementations: [ours, baseline],
    check: () => {
      const result = extract(document, DASHBOARD_ADAPTER);
      const slow: BaselineItem[] = baselineExtract(document as unknown as Document, DASHBOARD_ADAPTER);
      return compareWithBaseline(summarizeOurs(result), slow, dashboard);
    },
  };
}
