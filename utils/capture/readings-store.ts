/**
 * The background's memory of what each tab's content script read: one set of
 * readings per tab, replaced on each submit, forgotten when the tab closes or
 * goes to another page (register.ts wires tabs.onRemoved / onUpdated).
 * In memory only: figures read off a page are never stored until the person
 * saves them, and a restarted service worker simply asks the page again.
 */
import type { CaptureReadings, SaveReport } from './ingest-types';

export class ReadingsStore {
  readonly #byTab = new Map<number, CaptureReadings>();
  readonly #newId: () => string;

  constructor(newId: () => string = () => crypto.randomUUID()) {
    this.#newId = newId;
  }

  /** Keeps `readings` as the tab's current readings (replacing any) under a new readingsId. */
  put(readings: Omit<CaptureReadings, 'readingsId' | 'saved'>): CaptureReadings {
    const stored: CaptureReadings = { ...readings, readingsId: this.#newId() };
    this.#byTab.set(readings.tabId, stored);
    return stored;
  }

  get(tabId: number): CaptureReadings | undefined {
    return this.#byTab.get(tabId);
  }

  /**
   * Marks the tab's readings as saved, if they are still the ones with
   * `readingsId`; returns whether they were.
   */
  markSaved(tabId: number, readingsId: string, report: SaveReport): boolean {
    const current = this.#byTab.get(tabId);
    if (!current || current.readingsId !== readingsId) return false;
    this.#byTab.set(tabId, { ...current, saved: report });
    return true;
  }

  forgetTab(tabId: number): void {
    this.#byTab.delete(tabId);
  }

  /**
   * Forgets the tab's readings if `url` is another page (origin or path
   * differ; the query string and fragment do not count).
   */
  forgetTabIfElsewhere(tabId: number, url: string): void {
    const current = this.#byTab.get(tabId);
    if (!current) return;
    let page = '';
    try {
      const parsed = new URL(url);
      page = parsed.origin + parsed.pathname;
    } catch {
      // an unreadable url is another page
    }
    if (page !== current.origin + current.path) this.#byTab.delete(tabId);
  }

  /** How many tabs have readings. */
  get size(): number {
    return this.#byTab.size;
  }
}
