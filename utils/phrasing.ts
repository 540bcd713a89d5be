/**
 * Optional plain-language phrasing of the coach's advice by the browser's
 * on-device language model: the prompt, and the check of what comes back.
 *
 * The rules engine (utils/analytics/coach.ts) stays the source of every
 * figure. The model may only reword: each number in its answer must appear
 * in the text the rules wrote for that action (title, reason, figures), or
 * the answer is refused and the rules' own reason is shown with a note. Pure:
 * no browser globals; the shell that talks to the model is components/phrasing.ts.
 */
import type { CoachAction } from '@/utils/analytics/plan-types';

/** One action as the model sees it: the rules' words, figures already written out. */
export interface PhrasingItem {
  title: string;
  reason: string;
  /** "Emergency fund: $3,000.00", "APR: 24.99%". */
  figures: string[];
}

/** What to show for one action. */
export type PhrasedReason =
  | { ok: true; text: string }
  | { ok: false; original: string; note: string };

/** How many actions are sent to the model at most (the top of the list). */
export const PHRASING_LIMIT = 3;
/** A rephrased reason longer than this is refused (a model rambling is not plain language). */
export const MAX_PHRASED_LENGTH = 600;

/** The coach's actions as the page lists them: "do" first, then "wait", then "ok"; by priority within each. */
export function actionsInOrder(actions: readonly CoachAction[]): CoachAction[] {
  const order = { do: 0, wait: 1, ok: 2 } as const;
  return actions.slice().sort((a, b) => order[a.status] - order[b.status] || a.priority - b.priority);
}

/**
 * The top of the list (actionsInOrder, "ok" ones left out), at most `limit`,
 * each with its figures written out by `money` (base minor units → "$1,234.00").
 */
export function phrasingItems(
  actions: readonly CoachAction[],
  money: (minor: number) => string,
  limit = PHRASING_LIMIT,
): PhrasingItem[] {
  return actionsInOrder(actions)
    .filter((a) => a.status !== 'ok')
    .slice(0, limit)
    .map((a) => ({
      title: a.title,
      reason: a.reason,
      figures: a.figures.map((f) => `${f.label}: ${f.minor !== undefined ? money(f.minor) : (f.text ?? '')}`),
    }));
}

/** The instructions (system prompt) and the request listing the actions, numbered from 1. */
export function buildPhrasingPrompt(items: readonly PhrasingItem[]): { system: string; prompt: string } {
  const system = [
    'You rewrite short pieces of financial advice in plain, friendly English for the person they are about.',
    'Rules:',
    '- Keep the meaning. Do not add advice, facts, numbers, dates or percentages.',
    '- Use only the numbers written in the item, exactly as written.',
    '- One or two short sentences per item, no markdown, no lists inside an item.',
    '- Answer with exactly one line per item, starting with its number and a period ("1. ...").',
  ].join('\n');
  const listed = items
    .map((item, i) => {
      const figures = item.figures.length ? `\n   Figures: ${item.figures.join('; ')}` : '';
      return `${i + 1}. ${item.title}\n   Why: ${item.reason}${figures}`;
    })
    .join('\n');
  const prompt = `Rewrite the "Why" of each of these ${items.length} item(s) in plain words.\n\n${listed}`;
  return { system, prompt };
}

/** Number words a model might write instead of digits, with their values. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Words that scale or state a quantity by themselves: allowed only when the rules' text has the same word. */
const QUANTITY_WORDS = new Set([
  'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', 'half', 'halves', 'quarter', 'quarters',
  'third', 'thirds', 'twice', 'double', 'triple', 'k',
]);

/**
 * The numbers written in `text`, each as its digits only: "$1,234.56" →
 * "123456", "24.99%" → "2499", "1.234,56 €" → "123456". Comparing digits
 * alone makes a figure match however the locale groups it; a model that
 * changes the figure (rounds, converts, invents) changes its digits.
 */
export function numbersIn(text: string): string[] {
  const found = text.match(/\d(?:[\d.,'\u00a0\u202f\u2009]*\d)?/g) ?? [];
  return found.map((n) => n.replace(/\D/g, ''));
}

function wordsIn(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/**
 * Checks a rephrased reason against the rules' text for the same action:
 * every number in it (digits, or number words) must be one the rules wrote,
 * and a quantity word ("thousand", "half", "double") only if the rules used it.
 * Returns the numbers and words it would not accept (empty: accepted).
 */
export function inventedNumbers(rephrased: string, source: PhrasingItem): string[] {
  const sourceText = [source.title, source.reason, ...source.figures].join('\n');
  const allowedNumbers = new Set(numbersIn(sourceText));
  const sourceWords = new Set(wordsIn(sourceText));
  const invented: string[] = [];
  for (const n of numbersIn(rephrased)) if (!allowedNumbers.has(n)) invented.push(n);
  for (const word of wordsIn(rephrased)) {
    if (sourceWords.has(word)) continue;
    const value = NUMBER_WORDS[word];
    if (value !== undefined && !allowedNumbers.has(String(value))) invented.push(word);
    else if (QUANTITY_WORDS.has(word)) invented.push(word);
  }
  return [...new Set(invented)];
}

/** Markdown a model tends to add anyway: emphasis, headings, bullets. The text is shown as text. */
function plain(line: string): string {
  return line.replace(/[*_`#]+/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Reads the model's answer (one numbered line per item) and checks each line.
 * A line that is missing, empty, too long or carries a number the rules did
 * not write is refused: the original reason is kept, with a note saying why.
 */
export function validatePhrasing(output: string, items: readonly PhrasingItem[]): PhrasedReason[] {
  const byNumber = new Map<number, string>();
  let current: number | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim();
    const numbered = /^\**\s*(\d{1,2})\s*[.)]\s*(.*)$/.exec(line);
    if (numbered) {
      current = Number(numbered[1]);
      byNumber.set(current, numbered[2] ?? '');
    } else if (current !== undefined && line) {
      byNumber.set(current, `${byNumber.get(current) ?? ''} ${line}`);
    }
  }
  return items.map((item, i): PhrasedReason => {
    const refuse = (note: string): PhrasedReason => ({ ok: false, original: item.reason, note });
    const text = plain(byNumber.get(i + 1) ?? '');
    if (!text) return refuse('The on-device model gave no rewording for this one; showing the rules’ own words.');
    if (text.length > MAX_PHRASED_LENGTH) return refuse('The on-device model’s rewording was too long; showing the rules’ own words.');
    const invented = inventedNumbers(text, item);
    if (invented.length) {
      return refuse(
        `The on-device model’s rewording used figures the rules did not give (${invented.join(', ')}); showing the rules’ own words.`,
      );
    }
    return { ok: true, text };
  });
}
