import type { DemoContext, DemoTables } from './types';

/** PLACEHOLDER until the part is written. */
export function compoundingPart(_ctx: DemoContext): DemoTables {
  return {};
}
