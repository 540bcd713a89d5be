/**
 * The browser shell of the optional phrasing (utils/phrasing.ts holds the
 * prompt and the check): finds the browser's on-device language model (the
 * Prompt API) and asks it to reword the coach's top actions.
 *
 * Only a model that is already on the device counts: "downloadable" or
 * "downloading" is treated as absent, so turning phrasing on never makes the
 * browser fetch a model. Nothing here calls any network API.
 */
import { buildPhrasingPrompt, validatePhrasing, type PhrasedReason, type PhrasingItem } from '@/utils/phrasing';

/** The part of a Prompt API session used here. */
export interface LanguageModelSession {
  prompt(input: string): Promise<string>;
  destroy?(): void;
}

/** The Prompt API as Strata uses it, whichever shape the browser has. */
export interface OnDeviceModel {
  /** "available" only when the model is on the device and ready. */
  availability(): Promise<'available' | 'unavailable'>;
  create(system: string): Promise<LanguageModelSession>;
}

const LANGUAGES = { expectedInputs: [{ type: 'text', languages: ['en'] }], expectedOutputs: [{ type: 'text', languages: ['en'] }] };

type AnyFunction = (...args: never[]) => unknown;
const isFunction = (f: unknown): f is AnyFunction => typeof f === 'function';

/**
 * The on-device model of `scope` (globalThis in the browser), or null:
 * - current Chrome: a global `LanguageModel` with `availability()` ("available",
 *   "downloadable", "downloading", "unavailable") and `create({ initialPrompts })`;
 * - earlier Chrome: `self.ai.languageModel` with `capabilities()` (`available`:
 *   "readily", "after-download", "no") and `create({ systemPrompt })`.
 */
export function findOnDeviceModel(scope: object = globalThis): OnDeviceModel | null {
  const current = (scope as { LanguageModel?: unknown }).LanguageModel as
    | { availability?: unknown; create?: unknown }
    | undefined;
  if (current && isFunction(current.availability) && isFunction(current.create)) {
    const api = current as {
      availability(options: object): Promise<string>;
      create(options: object): Promise<LanguageModelSession>;
    };
    return {
      availability: async () => ((await api.availability(LANGUAGES)) === 'available' ? 'available' : 'unavailable'),
      create: (system) => api.create({ ...LANGUAGES, initialPrompts: [{ role: 'system', content: system }] }),
    };
  }
  const older = (scope as { ai?: { languageModel?: { capabilities?: unknown; create?: unknown } } }).ai?.languageModel;
  if (older && isFunction(older.capabilities) && isFunction(older.create)) {
    const api = older as {
      capabilities(): Promise<{ available?: string }>;
      create(options: object): Promise<LanguageModelSession>;
    };
    return {
      availability: async () => ((await api.capabilities()).available === 'readily' ? 'available' : 'unavailable'),
      create: (system) => api.create({ systemPrompt: system }),
    };
  }
  return null;
}

/** The model when it is on the device and ready, else null (any error counts as absent). */
export async function readyOnDeviceModel(scope: object = globalThis): Promise<OnDeviceModel | null> {
  const model = findOnDeviceModel(scope);
  if (!model) return null;
  try {
    return (await model.availability()) === 'available' ? model : null;
  } catch {
    return null;
  }
}

/** Asks the model to reword `items`' reasons and checks every line (utils/phrasing.ts validatePhrasing). */
export async function phraseActions(model: OnDeviceModel, items: readonly PhrasingItem[]): Promise<PhrasedReason[]> {
  const { system, prompt } = buildPhrasingPrompt(items);
  const session = await model.create(system);
  try {
    return validatePhrasing(await session.prompt(prompt), items);
  } finally {
    session.destroy?.();
  }
}
