/**
 * The bench harness: a bench case prepares its data once, checks that its
 * implementations agree, then each implementation is warmed up and timed.
 * Add a case by writing bench/cases/<name>.ts and listing it in bench/run.ts.
 */
import { performance } from 'node:perf_hooks';

export interface Implementation {
  name: string;
  /** Timed runs (after `warmup` untimed ones). */
  runs: number;
  warmup: number;
  run: () => unknown;
}

export interface BenchCase {
  title: string;
  /** Describes the data, printed above the table. */
  describe: () => string;
  implementations: Implementation[];
  /** Compares the implementations' results; throws (failing the bench) if they disagree. Returns a note to print. */
  check: () => string;
  /** The implementation held to a target, and its median budget in ms. */
  target?: { name: string; medianMs: number };
}

export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export function time(implementation: Implementation): Timing {
  for (let i = 0; i < implementation.warmup; i++) implementation.run();
  const samples: number[] = [];
  for (let i = 0; i < implementation.runs; i++) {
    const start = performance.now();
    implementation.run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  const middle = samples.length >> 1;
  const medianMs =
    samples.length % 2 === 1 ? samples[middle]! : (samples[middle - 1]! + samples[middle]!) / 2;
  return { name: implementation.name, runs: samples.length, medianMs, p95Ms: at(0.95), minMs: samples[0]! };
}

/** An aligned plain-text table: name | runs | median ms | p95 ms | min ms. */
export function formatTable(timings: Timing[]): string {
  const header = ['name', 'runs', 'median ms', 'p95 ms', 'min ms'];
  const rows = timings.map((t) => [t.name, String(t.runs), t.medianMs.toFixed(2), t.p95Ms.toFixed(2), t.minMs.toFixed(2)]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
