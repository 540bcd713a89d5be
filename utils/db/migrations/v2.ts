/**
 * Version 2: capture (issue 3). Never edit this file once released; add v3.ts.
 *
 * - incomeEvents: earnings captured for a period ("This month") carry a
 *   periodKey; [streamId+periodKey] finds the event to update when the same
 *   period is captured again.
 * - metricSnapshots (new): MRR and counts (paid subscribers), by owner, time
 *   and metric.
 * - captureMappings (new): which account or stream each figure of a site goes
 *   to; [siteId+figureKey+accountName] finds the one mapping of a figure.
 * - Data: settings rows saved at version 1 get captureJumpFactor "3" (the
 *   default of that time, written out so this file never changes meaning);
 *   capture rules saved at version 1 get an empty fallbackPath.
 */
import type { Migration } from '../migrate';

export const v2: Migration = {
  version: 2,
  stores: {
    incomeEvents: 'id, streamId, at, [streamId+at], [streamId+periodKey]',
    metricSnapshots: 'id, accountId, streamId, at, metric',
    captureMappings: 'id, siteId, [siteId+figureKey+accountName], host',
  },
  async upgrade(tx) {
    await tx
      .table('settings')
      .toCollection()
      .modify((settings: { captureJumpFactor?: string }) => {
        if (settings.captureJumpFactor === undefined) settings.captureJumpFactor = '3';
      });
    await tx
      .table('captureRules')
      .toCollection()
      .modify((rule: { fallbackPath?: string }) => {
        if (rule.fallbackPath === undefined) rule.fallbackPath = '';
      });
  },
};
