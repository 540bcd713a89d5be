/**
 * Transaction categories: rules, merchant tokens, and the naive Bayes
 * classifier checked against posteriors worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { categorizeAll, classify, matchRule, tokenize, trainCategoryModel } from '@/utils/analytics/categories';

describe('matchRule', () => {
  const rules = [
    { id: 'r1', pattern: 'uber', category: 'Transport' },
    { id: 'r2', pattern: 'Uber Eats', category: 'Food delivery' },
    { id: 'r3', pattern: 'EATS', category: 'Restaurants' },
  ];

  it('matches case-insensitively and the longest pattern wins', () => {
    expect(matchRule('UBER EATS 8005928996 CA', rules)?.id).toBe('r2');
    expect(matchRule('UBER *TRIP HELP.UBER.COM', rules)?.id).toBe('r1');
    expect(matchRule('JOES EATS', rules)?.id).toBe('r3');
    expect(matchRule('LYFT *RIDE', rules)).toBeUndefined();
  });

  it('keeps the first of two equally long patterns', () => {
    const tied = [
      { id: 'a', pattern: 'shell', category: 'Fuel' },
      { id: 'b', pattern: 'SHELL', category: 'Other' },
    ];
    expect(matchRule('SHELL OIL 57442', tied)?.id).toBe('a');
  });
});

describe('tokenize', () => {
  it('gives the normalized merchant words of 2+ characters, without digit-only words', () => {
    expect(tokenize('SQ *BLUE BOTTLE COFFEE #0042 OAKLAND CA')).toEqual(['blue', 'bottle', 'coffee']);
    expect(tokenize('CHECKCARD 1123 SHELL OIL 57442 HOUSTON TX')).toEqual(['shell', 'oil']);
    // "7-eleven" splits at the hyphen; "7" is too short.
    expect(tokenize('7-ELEVEN 35412')).toEqual(['eleven']);
    expect(tokenize('24 HOUR FITNESS')).toEqual(['hour', 'fitness']);
  });
});

/**
 * Tiny corpus (tokens after tokenize):
 *   "SHELL OIL"    Fuel   → shell, oil
 *   "CHEVRON OIL"  Fuel   → chevron, oil
 *   "PEETS COFFEE" Coffee → peets, coffee
 * Categories sorted: [Coffee, Fuel]; documents [1, 2] of 3; tokens [2, 4];
 * vocabulary V = 5 (shell, oil, chevron, peets, coffee).
 */
const CORPUS = [
  { text: 'SHELL OIL', category: 'Fuel' },
  { text: 'CHEVRON OIL', category: 'Fuel' },
  { text: 'PEETS COFFEE', category: 'Coffee' },
];

describe('trainCategoryModel and classify', () => {
  const model = trainCategoryModel(CORPUS);

  it('counts documents and tokens per category', () => {
    expect(model).toEqual({
      categories: ['Coffee', 'Fuel'],
      docCounts: [1, 2],
      tokenCounts: { shell: [0, 1], oil: [0, 2], chevron: [0, 1], peets: [1, 0], coffee: [1, 0] },
      totalTokens: [2, 4],
      vocabularySize: 5,
    });
  });

  it('matches the posterior worked out by hand', () => {
    // "OIL COFFEE HOUSE": known tokens oil, coffee ("house" was never seen and is skipped).
    //   Coffee: 1/3 × (0+1)/(2+5) × (1+1)/(2+5) = 1/3 × 1/7 × 2/7 = 2/147
    //   Fuel:   2/3 × (2+1)/(4+5) × (0+1)/(4+5) = 2/3 × 3/9 × 1/9 = 2/81
    //   P(Fuel) = (2/81) / (2/81 + 2/147) = 147 / (147 + 81) = 147/228 = 0.644736842…
    const mixed = classify(model, 'OIL COFFEE HOUSE');
    expect(mixed?.category).toBe('Fuel');
    expect(mixed?.confidence).toBeCloseTo(147 / 228, 12);

    // "PEETS": Coffee 1/3 × 2/7 = 2/21, Fuel 2/3 × 1/9 = 2/27 → P(Coffee) = 27/48 = 0.5625.
    const peets = classify(model, 'PEETS');
    expect(peets?.category).toBe('Coffee');
    expect(peets?.confidence).toBeCloseTo(0.5625, 12);

    // "SHELL OIL 12345 AUSTIN TX": shell, oil.
    //   Coffee 1/3 × 1/7 × 1/7 = 1/147; Fuel 2/3 × 2/9 × 3/9 = 4/81
    //   P(Fuel) = (4/81) / (4/81 + 1/147) = 588 / (588 + 81) = 588/669 = 0.878923766…
    expect(classify(model, 'SHELL OIL 12345 AUSTIN TX')?.confidence).toBeCloseTo(588 / 669, 12);
  });

  it('stays exact where plain probabilities would underflow (log-sum-exp)', () => {
    // A hand-made model with a huge vocabulary V = 1e40 (2 + V is V in doubles):
    //   P(alpha | A) = (2+1)/(2+V) = 3e-40, P(alpha | B) = (0+1)/(0+V) = 1e-40.
    // Ten "alpha": the products 0.5 × (3e-40)^10 ≈ 3e-396 underflow to 0, but the posterior is
    //   P(A) = 3^10 / (3^10 + 1) = 59049/59050 = 0.999983065…
    const huge = { categories: ['A', 'B'], docCounts: [1, 1], tokenCounts: { alpha: [2, 0] }, totalTokens: [2, 0], vocabularySize: 1e40 };
    const text = Array.from({ length: 10 }, () => 'ALPHA').join(' ');
    expect(tokenize(text)).toHaveLength(10);
    const result = classify(huge, text);
    expect(result?.category).toBe('A');
    expect(result?.confidence).toBeCloseTo(59049 / 59050, 12);
  });

  it('gives nothing for unknown tokens or a model with one category', () => {
    expect(classify(model, 'ZEBRA QUOKKA')).toBeUndefined();
    expect(classify(trainCategoryModel([{ text: 'SHELL OIL', category: 'Fuel' }]), 'SHELL OIL')).toBeUndefined();
  });
});

describe('categorizeAll', () => {
  it('prefers the person’s label, then a rule, then a confident learned guess', () => {
    const result = categorizeAll({
      transactions: [
        { id: 't1', description: 'CHECKCARD 1123 SHELL OIL 57442 HOUSTON TX', category: 'Fuel' },
        { id: 't2', description: 'CHEVRON OIL', category: 'Fuel' },
        { id: 't3', description: 'PEETS COFFEE', category: 'Coffee' },
        { id: 't4', description: 'SHELL OIL 12345 AUSTIN TX' },
        { id: 't5', description: 'UBER EATS 8005928996 CA' },
        { id: 't6', description: 'PEETS' },
        { id: 't7', description: 'ZEBRA QUOKKA' },
        { id: 't8', description: 'whatever', merchant: 'Uber Eats', category: 'Treats' },
      ],
      rules: [
        { id: 'r1', pattern: 'uber', category: 'Transport' },
        { id: 'r2', pattern: 'uber eats', category: 'Food delivery' },
      ],
    });
    // Trained on t1, t2, t3 and t8 ("uber eats" → tokens uber, eats; category Treats).
    expect(result.trainedOn).toBe(4);
    expect(result.categories).toEqual(['Coffee', 'Fuel', 'Treats']);
    expect(result.guesses.t1).toEqual({ category: 'Fuel', by: 'you' });
    expect(result.guesses.t8).toEqual({ category: 'Treats', by: 'you' });
    expect(result.guesses.t5).toEqual({ category: 'Food delivery', by: 'rule', ruleId: 'r2' });
    // t4 "shell oil" with 3 categories (documents 1, 2, 1 of 4; tokens 2, 4, 2; V = 7):
    //   Coffee 1/4 × 1/9 × 1/9 = 1/324; Fuel 2/4 × 2/11 × 3/11 = 3/121; Treats 1/4 × 1/9 × 1/9 = 1/324
    //   P(Fuel) = (3/121) / (3/121 + 2/324) = 972 / (972 + 242) = 972/1214 = 0.800658978…
    expect(result.guesses.t4?.category).toBe('Fuel');
    expect(result.guesses.t4?.by).toBe('learned');
    expect(result.guesses.t4?.confidence).toBeCloseTo(972 / 1214, 12);
    // t6 "peets": Coffee 1/4 × 2/9 = 1/18, Fuel 2/4 × 1/11 = 1/22, Treats 1/4 × 1/9 = 1/36
    //   P(Coffee) = (1/18) / (1/18 + 1/22 + 1/36) = 22 / (22 + 18 + 11) = 22/51 = 0.43 < 0.6 → no guess.
    expect(result.guesses.t6).toBeUndefined();
    expect(result.guesses.t7).toBeUndefined();
    expect(Object.keys(result.guesses).sort()).toEqual(['t1', 't2', 't3', 't4', 't5', 't8']);
  });
});
