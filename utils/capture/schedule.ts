/**
 * When to extract on a page that keeps changing (single-page apps render
 * late, tickers update every second): a MutationObserver calls `notify()`
 * on every change; the scheduler runs the extraction
 * - once the page has been quiet for `quietMs` (debounce), and
 * - at least every `maxWaitMs` during a change storm that never settles,
 * - but never twice within `minIntervalMs` (throttle),
 * and always once more after the last notification of a burst. One timer at
 * a time: a burst of 1,000 notifications re-arms nothing, it only moves the
 * deadline the pending timer checks when it fires.
 *
 * Pure: the clock and timers are injected (tests pass a fake clock).
 */

export interface SchedulerOptions {
  /** Never two runs closer than this. Default 250 ms. */
  minIntervalMs?: number;
  /** Run once no notification came for this long. Default 100 ms. */
  quietMs?: number;
  /** During an endless burst, run at least this often. Default 1,000 ms. */
  maxWaitMs?: number;
  now?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export interface ExtractionScheduler {
  /** Something on the page changed. */
  notify(): void;
  /** Stops: the pending run is cancelled and later notifications are ignored. */
  dispose(): void;
}

export function createExtractionScheduler(run: () => void, options: SchedulerOptions = {}): ExtractionScheduler {
  const minIntervalMs = options.minIntervalMs ?? 250;
  const quietMs = options.quietMs ?? 100;
  const maxWaitMs = Math.max(options.maxWaitMs ?? 1000, quietMs);
  const now = options.now ?? (() => Date.now());
  const arm = options.setTimeout ?? ((callback: () => void, ms: number) => globalThis.setTimeout(callback, ms));
  const disarm = options.clearTimeout ?? ((handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>));

  let timer: unknown = null;
  let lastRunAt = Number.NEGATIVE_INFINITY;
  let burstStartedAt: number | null = null;
  let lastNotifiedAt = 0;
  let disposed = false;

  /** When the pending run is due: quiet (or waited long enough), and far enough from the last run. */
  const dueAt = (): number =>
    Math.max(lastRunAt + minIntervalMs, Math.min(lastNotifiedAt + quietMs, (burstStartedAt ?? lastNotifiedAt) + maxWaitMs));

  const schedule = (at: number) => {
    timer = arm(fire, Math.max(0, at - now()));
  };

  function fire(): void {
    timer = null;
    if (disposed || burstStartedAt === null) return;
    const t = now();
    const due = dueAt();
    if (t < due) {
      schedule(due);
      return;
    }
    burstStartedAt = null;
    lastRunAt = t;
    run();
  }

  return {
    notify() {
      if (disposed) return;
      lastNotifiedAt = now();
      burstStartedAt ??= lastNotifiedAt;
      if (timer === null) schedule(dueAt());
    },
    dispose() {
      disposed = true;
      if (timer !== null) disarm(timer);
      timer = null;
    },
  };
}
