/**
 * The extraction scheduler with a fake clock: bursts of DOM-change
 * notifications give at most one run per 250 ms, and always a run after the
 * last notification.
 */
import { describe, expect, it } from 'vitest';
import { createExtractionScheduler, type SchedulerOptions } from '@/utils/capture/schedule';

/** A clock and timers under the test's control. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout: (id: unknown) => {
      timers.delete(id as number);
    },
    /** Moves time to `t`, firing due timers in order (each at its own time). */
    advanceTo(t: number) {
      for (;;) {
        let first: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= t && (first === undefined || entry[1].at < first[1].at)) first = entry;
        if (first === undefined) break;
        timers.delete(first[0]);
        now = first[1].at;
        first[1].fn();
      }
      now = t;
    },
    pending: () => timers.size,
  };
}

function setup(options: Partial<SchedulerOptions> = {}) {
  const clock = fakeClock();
  const runs: number[] = [];
  const scheduler = createExtractionScheduler(() => runs.push(clock.now()), {
    now: clock.now,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    ...options,
  });
  return { clock, runs, scheduler };
}

const gaps = (runs: number[]) => runs.slice(1).map((t, i) => t - runs[i]!);

describe('createExtractionScheduler', () => {
  it('1,000 notifications over 2 s: at most one run per 250 ms, and a final run after the last one', () => {
    const { clock, runs, scheduler } = setup();
    let lastNotification = 0;
    for (let i = 0; i < 1000; i++) {
      clock.advanceTo(i * 2);
      scheduler.notify();
      lastNotification = clock.now();
    }
    clock.advanceTo(10_000);
    expect(lastNotification).toBe(1998);
    // During the storm a run every maxWait (1 s); the last one sees the page after the last change.
    expect(runs).toEqual([1000, 2000]);
    expect(Math.min(...gaps(runs))).toBeGreaterThanOrEqual(250);
    expect(runs.at(-1)!).toBeGreaterThan(lastNotification);
    expect(clock.pending()).toBe(0);
  });

  it('with a short maxWait still never runs twice within 250 ms', () => {
    const { clock, runs, scheduler } = setup({ maxWaitMs: 100 });
    for (let i = 0; i < 1000; i++) {
      clock.advanceTo(i * 2);
      scheduler.notify();
    }
    clock.advanceTo(10_000);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(2000 / 250) + 1);
    expect(Math.min(...gaps(runs))).toBeGreaterThanOrEqual(250);
    expect(runs.at(-1)!).toBeGreaterThan(1998);
  });

  it('a short burst runs once, when the page has been quiet for 100 ms', () => {
    const { clock, runs, scheduler } = setup();
    for (let t = 0; t <= 45; t += 5) {
      clock.advanceTo(t);
      scheduler.notify();
    }
    clock.advanceTo(1000);
    expect(runs).toEqual([145]);
  });

  it('1,000 notifications at one instant run once', () => {
    const { clock, runs, scheduler } = setup();
    clock.advanceTo(500);
    for (let i = 0; i < 1000; i++) scheduler.notify();
    clock.advanceTo(2000);
    expect(runs).toEqual([600]);
    expect(clock.pending()).toBe(0);
  });

  it('a second burst soon after a run waits for the 250 ms interval', () => {
    const { clock, runs, scheduler } = setup();
    scheduler.notify();
    clock.advanceTo(150);
    scheduler.notify();
    clock.advanceTo(160);
    scheduler.notify();
    clock.advanceTo(1000);
    expect(runs).toEqual([100, 350]);
  });

  it('a change made by the run itself is caught 250 ms later, not at once', () => {
    const clock = fakeClock();
    const runs: number[] = [];
    const scheduler = createExtractionScheduler(
      () => {
        runs.push(clock.now());
        if (runs.length === 1) scheduler.notify();
      },
      { now: clock.now, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout },
    );
    scheduler.notify();
    clock.advanceTo(2000);
    expect(runs).toEqual([100, 350]);
  });

  it('dispose cancels the pending run and ignores later notifications', () => {
    const { clock, runs, scheduler } = setup();
    scheduler.notify();
    clock.advanceTo(50);
    scheduler.dispose();
    expect(clock.pending()).toBe(0);
    scheduler.notify();
    clock.advanceTo(5000);
    expect(runs).toEqual([]);
  });

  it('works on real timers by default', async () => {
    let count = 0;
    const scheduler = createExtractionScheduler(() => count++, { quietMs: 10, minIntervalMs: 20 });
    scheduler.notify();
    scheduler.notify();
    scheduler.notify();
    await new Promise((resolve) => setTimeout(resolve, 80));
    scheduler.dispose();
    expect(count).toBe(1);
  });
});
