/**
 * `npm run bench`: times each bench case's implementations and prints a table.
 * Add a case to BENCH_CASES. Exits non-zero only if implementations disagree;
 * a missed time target is reported as MISS, not a failure.
 */
import { formatTable, time, type BenchCase } from './harness';
import { captureBrowserBench } from './cases/captureBrowser';
import { captureNodeCase } from './cases/captureDashboard';
import { harvestCase } from './cases/harvest';
import { monteCarloCase100k, monteCarloCase10k, monteCarloCaseStreams } from './cases/monteCarlo';
import { netWorthCase } from './cases/netWorth';
import { planCase } from './cases/plan';
import { tradingCase } from './cases/trading';
import { importBench } from './cases/imports';
import { leaksCase } from './cases/leaks';

const BENCH_CASES: (() => BenchCase)[] = [
  netWorthCase,
  captureNodeCase,
  monteCarloCase10k,
  monteCarloCase100k,
  monteCarloCaseStreams,
  planCase,
  harvestCase,
  tradingCase,
  leaksCase,
];
/** Asynchronous cases (in a browser, or against IndexedDB): each prints its own report; false when its check fails. */
const BROWSER_BENCH_CASES: (() => Promise<boolean>)[] = [captureBrowserBench, importBench];

let failed = false;
for (const makeCase of BENCH_CASES) {
  const benchCase = makeCase();
  console.log(`\n== ${benchCase.title}: ${benchCase.describe()}`);
  try {
    console.log(`check: ${benchCase.check()}`);
  } catch (error) {
    console.error(`check FAILED: ${(error as Error).message}`);
    failed = true;
    continue;
  }
  const timings = benchCase.implementations.map(time);
  console.log(formatTable(timings));
  const [first, ...others] = timings;
  if (first) {
    for (const other of others) {
      console.log(`speed-up of ${first.name} over ${other.name}: ${(other.medianMs / first.medianMs).toFixed(1)}×`);
    }
  }
  const target = benchCase.target;
  if (target) {
    const timing = timings.find((t) => t.name === target.name);
    if (timing) {
      const verdict = timing.medianMs <= target.medianMs ? 'PASS' : 'MISS';
      console.log(
        `${verdict}: ${target.name} median ${timing.medianMs.toFixed(2)} ms (target ≤ ${target.medianMs} ms)`,
      );
    }
  }
}
for (const runCase of BROWSER_BENCH_CASES) {
  if (!(await runCase())) failed = true;
}
process.exitCode = failed ? 1 : 0;
