import type { DemoContext, DemoTables } from './types';

/** PLACEHOLDER until the part is written. */
export function accelerationPart(_ctx: DemoContext): DemoTables {
  return {};
}
