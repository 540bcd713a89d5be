/**
 * Transaction categories: the person's own labels, their rules, and a naive
 * Bayes classifier learned from the transactions they labelled.
 *
 * - matchRule: a rule matches when its pattern is a case-insensitive
 *   substring of the text; the longest matching pattern wins (ties: the first).
 * - tokenize: the words of the normalized merchant (normalizeMerchant key),
 *   at least 2 characters, not only digits.
 * - trainCategoryModel / classify: multinomial naive Bayes with Laplace
 *   smoothing (α = 1). For a text with known tokens t₁…tₙ (tokens never seen in
 *   training are skipped),
 *     score(c) = log(docs_c / docs) + Σᵢ log((count(tᵢ, c) + 1) / (tokens_c + V))
 *   and the confidence is the posterior of the best class,
 *     exp(score(best) − logΣ_c exp(score(c))), computed with log-sum-exp.
 * - categorizeAll: a transaction's own category (by 'you'), else a rule (by
 *   'rule', longest pattern over merchant and description), else the model
 *   trained on the categorised transactions (by 'learned', only when its
 *   confidence is at least 0.6).
 */
import type { CategoryGuess, CategoryModel, CategoryRuleInput } from './leak-types';
import { normalizeMerchant } from './merchants';

/** The least confidence at which a learned category is offered. */
export const LEARNED_MIN_CONFIDENCE = 0.6;

/** The rule whose pattern occurs in `text` (ignoring case); the longest pattern wins, ties the first. */
export function matchRule(text: string, rules: readonly CategoryRuleInput[]): CategoryRuleInput | undefined {
  const haystack = text.toLowerCase();
  let best: CategoryRuleInput | undefined;
  for (const rule of rules) {
    const pattern = rule.pattern.trim().toLowerCase();
    if (pattern === '' || !haystack.includes(pattern)) continue;
    if (best === undefined || pattern.length > best.pattern.trim().length) best = rule;
  }
  return best;
}

const DIGITS_ONLY = /^\d+$/;

/** The merchant's words: normalized, at least 2 characters, not only digits. */
export function tokenize(text: string): string[] {
  return normalizeMerchant(text)
    .key.split(/[ &'.+-]+/)
    .filter((word) => word.length >= 2 && !DIGITS_ONLY.test(word));
}

/** Trains a multinomial naive Bayes model (Laplace α = 1) on labelled texts. Categories are sorted. */
export function trainCategoryModel(examples: readonly { text: string; category: string }[]): CategoryModel {
  const categories = [...new Set(examples.map((e) => e.category))].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const docCounts = categories.map(() => 0);
  const totalTokens = categories.map(() => 0);
  const tokenCounts: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  for (const example of examples) {
    const c = index.get(example.category) as number;
    docCounts[c] = (docCounts[c] as number) + 1;
    for (const token of tokenize(example.text)) {
      const counts = (tokenCounts[token] ??= categories.map(() => 0));
      counts[c] = (counts[c] as number) + 1;
      totalTokens[c] = (totalTokens[c] as number) + 1;
    }
  }
  return { categories, docCounts, tokenCounts: { ...tokenCounts }, totalTokens, vocabularySize: Object.keys(tokenCounts).length };
}

/** The most likely category and its posterior; undefined with fewer than 2 categories or no known token. */
export function classify(model: CategoryModel, text: string): { category: string; confidence: number } | undefined {
  const k = model.categories.length;
  if (k < 2) return undefined;
  const known = tokenize(text).filter((t) => Object.prototype.hasOwnProperty.call(model.tokenCounts, t));
  if (known.length === 0) return undefined;
  const docs = model.docCounts.reduce((a, b) => a + b, 0);
  const scores: number[] = [];
  for (let c = 0; c < k; c++) {
    let score = Math.log((model.docCounts[c] as number) / docs);
    const denominator = (model.totalTokens[c] as number) + model.vocabularySize;
    for (const token of known) score += Math.log((((model.tokenCounts[token] as number[])[c] as number) + 1) / denominator);
    scores.push(score);
  }
  let best = 0;
  for (let c = 1; c < k; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
  const top = scores[best] as number;
  if (top === -Infinity) return undefined;
  let total = 0;
  for (const s of scores) total += Math.exp(s - top);
  const logSum = top + Math.log(total);
  return { category: model.categories[best] as string, confidence: Math.exp(top - logSum) };
}

export interface CategorizeInput {
  transactions: readonly { id: string; description: string; merchant?: string; category?: string }[];
  rules: readonly CategoryRuleInput[];
}

export interface CategorizeResult {
  guesses: Record<string, CategoryGuess>;
  /** How many labelled transactions the model learned from. */
  trainedOn: number;
  /** The categories the model knows (sorted). */
  categories: string[];
}

/** A category for each transaction that can have one: the person's, a rule's, or a confident learned one. */
export function categorizeAll(input: CategorizeInput): CategorizeResult {
  const examples: { text: string; category: string }[] = [];
  for (const tx of input.transactions) {
    const own = tx.category?.trim();
    if (own) examples.push({ text: textOf(tx), category: own });
  }
  const model = trainCategoryModel(examples);
  const guesses: Record<string, CategoryGuess> = {};
  for (const tx of input.transactions) {
    const own = tx.category?.trim();
    if (own) {
      guesses[tx.id] = { category: own, by: 'you' };
      continue;
    }
    const rule = matchRule(tx.merchant === undefined ? tx.description : `${tx.merchant}\n${tx.description}`, input.rules);
    if (rule !== undefined) {
      guesses[tx.id] = { category: rule.category, by: 'rule', ruleId: rule.id };
      continue;
    }
    const learned = classify(model, textOf(tx));
    if (learned !== undefined && learned.confidence >= LEARNED_MIN_CONFIDENCE) {
      guesses[tx.id] = { category: learned.category, by: 'learned', confidence: learned.confidence };
    }
  }
  return { guesses, trainedOn: examples.length, categories: model.categories };
}

/** What the classifier reads: the stored merchant, else the description. */
function textOf(tx: { description: string; merchant?: string }): string {
  return tx.merchant ?? tx.description;
}
