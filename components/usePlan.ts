import * as Comlink from 'comlink';
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { db } from '@/utils/db';
import type { PlanSettings } from '@/utils/db/schema-plan';
import { startAnalytics } from '@/utils/analytics/client';
import type { Plan, PlanInput, PlanOptions } from '@/utils/analytics/plan-types';
import { loadPlanInput } from '@/utils/db/plan-input';
import { localTzOffsetMinutes } from './useAppSettings';

export interface PlanState {
  plan: Plan | undefined;
  /** The plan settings the shown plan was computed from (the phrasing switch, the saved answers). */
  planSettings: PlanSettings | undefined;
  error: string | undefined;
  /** True while the worker recomputes after a change. */
  computing: boolean;
  /** Share of the Monte Carlo work done, 0–1 (1 when idle). */
  progress: number;
}

const INITIAL: PlanState = { plan: undefined, planSettings: undefined, error: undefined, computing: true, progress: 0 };

/**
 * One live plan per set of options, shared by every component that asks for
 * it: the options page's Plan and Income sections both call usePlan() and
 * get the same computation, so a change to the data runs the worker once, not
 * once per section. The popup asks for `{ paths: 0 }` (no Monte Carlo) and
 * gets its own. The shared plan starts with its first subscriber and stops
 * (worker terminated, live query closed) when its last one unmounts.
 *
 * Scheduling: the worker runs one plan at a time. A change that arrives while
 * it computes waits, and only the newest waiting input is computed next; an
 * answer for an input older than the newest one read is dropped (never shown),
 * so the page cannot go back to stale figures.
 */
class SharedPlan {
  state: PlanState = INITIAL;
  private readonly listeners = new Set<(state: PlanState) => void>();
  private subscription: { unsubscribe(): void } | undefined;
  private analytics: ReturnType<typeof startAnalytics> | undefined;
  /** Bumped for every input read; an answer counts only when it is for the latest. */
  private generation = 0;
  private running = false;
  private waiting: { input: PlanInput; generation: number } | undefined;

  constructor(
    private readonly options: PlanOptions,
    private readonly onEmpty: () => void,
  ) {}

  subscribe(listener: (state: PlanState) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    listener(this.state);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private set(patch: Partial<PlanState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private start(): void {
    this.analytics = startAnalytics();
    this.subscription = liveQuery(() => {
      const now = Date.now();
      return loadPlanInput(db, now, localTzOffsetMinutes(now));
    }).subscribe({
      next: (input) => this.schedule(input),
      error: (error: unknown) =>
        this.set({ error: `Could not read your data: ${error instanceof Error ? error.message : String(error)}`, computing: false }),
    });
  }

  private stop(): void {
    this.subscription?.unsubscribe();
    this.analytics?.terminate();
    this.subscription = undefined;
    this.analytics = undefined;
    this.generation++;
    this.running = false;
    this.waiting = undefined;
    this.state = INITIAL;
    this.onEmpty();
  }

  private schedule(input: PlanInput): void {
    this.waiting = { input, generation: ++this.generation };
    this.set({ computing: true, progress: 0 });
    if (!this.running) void this.runWaiting();
  }

  private async runWaiting(): Promise<void> {
    while (this.waiting && this.analytics) {
      const { input, generation } = this.waiting;
      this.waiting = undefined;
      this.running = true;
      let lastShown = 0;
      const onProgress = (done: number) => {
        // Only the newest computation reports; whole percents are enough for a progress bar.
        if (generation !== this.generation || done - lastShown < 0.01) return;
        lastShown = done;
        this.set({ progress: Math.min(1, Math.max(0, done)) });
      };
      try {
        const plan = await this.analytics.api.computePlan(input, this.options, Comlink.proxy(onProgress));
        if (generation === this.generation) {
          this.set({ plan, planSettings: input.planSettings, error: undefined, computing: false, progress: 1 });
        }
      } catch (error) {
        if (generation === this.generation) {
          this.set({ error: `The plan could not be computed: ${String(error)}`, computing: false, progress: 1 });
        }
      } finally {
        this.running = false;
      }
    }
  }
}

const shared = new Map<string, SharedPlan>();

/**
 * The plan (utils/analytics/plan.ts), live: recomputed in the analytics worker
 * whenever any record it reads changes (loadPlanInput: settings, plan
 * settings, accounts, balances, streams, income, stream costs, cash needs,
 * debts). See SharedPlan for how sections share one computation.
 */
export function usePlan(options: PlanOptions = {}): PlanState {
  const key = JSON.stringify(options);
  const [state, setState] = useState<PlanState>(() => shared.get(key)?.state ?? INITIAL);
  useEffect(() => {
    let plan = shared.get(key);
    if (!plan) {
      plan = new SharedPlan(options, () => shared.delete(key));
      shared.set(key, plan);
    }
    return plan.subscribe(setState);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
