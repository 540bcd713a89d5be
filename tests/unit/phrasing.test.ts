import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import type { CoachAction } from '@/utils/analytics/plan-types';
import { formatMoney } from '@/utils/money';
import {
  actionsInOrder,
  buildPhrasingPrompt,
  inventedNumbers,
  numbersIn,
  phrasingItems,
  validatePhrasing,
} from '@/utils/phrasing';
import { findOnDeviceModel, phraseActions, readyOnDeviceModel } from '@/components/phrasing';
import { PlanActions } from '@/entrypoints/options/PlanActions';
import { planFormat } from '@/entrypoints/options/PlanFormat';

const usd = (minor: number) => formatMoney({ minor, currency: 'USD' }, 'en-US');

const DEBT: CoachAction = {
  rule: 'high-interest-debt',
  priority: 1,
  status: 'do',
  title: 'Pay down the Visa card',
  reason: 'The Visa card charges 24.99% APR on $2,000.00: paying it off beats any investment.',
  figures: [
    { label: 'APR', text: '24.99%' },
    { label: 'Balance', minor: 200_000 },
  ],
};
const EMERGENCY: CoachAction = {
  rule: 'emergency-fund',
  priority: 2,
  status: 'do',
  title: 'Build your emergency fund',
  reason: 'Your fund covers 1.5 of 6 months of expenses. Put $800.00 into it this month.',
  figures: [
    { label: 'Fund', minor: 450_000 },
    { label: 'Target', minor: 1_800_000 },
  ],
};
const IDLE: CoachAction = {
  rule: 'idle-cash',
  priority: 8,
  status: 'do',
  title: 'Invest idle cash',
  reason: 'You hold $9,000.00 more cash than the fund needs.',
  figures: [],
};
const GATE: CoachAction = {
  rule: 'acceleration-gate',
  priority: 7,
  status: 'wait',
  title: 'Trading waits',
  reason: 'Trading is funded after 3 months of stable surplus; you have 1.',
  figures: [],
};
const STARTED: CoachAction = {
  rule: 'foundation-start',
  priority: 3,
  status: 'ok',
  title: 'Foundation started',
  reason: 'Money went into Foundation 4 months in a row.',
  figures: [],
};
const ACTIONS = [GATE, STARTED, IDLE, EMERGENCY, DEBT];

describe('the prompt', () => {
  it('lists the "do" actions by priority, then "wait", never "ok", at most three, with the figures written out', () => {
    expect(actionsInOrder(ACTIONS).map((a) => a.rule)).toEqual([
      'high-interest-debt',
      'emergency-fund',
      'idle-cash',
      'acceleration-gate',
      'foundation-start',
    ]);
    const items = phrasingItems(ACTIONS, usd);
    expect(items.map((i) => i.title)).toEqual(['Pay down the Visa card', 'Build your emergency fund', 'Invest idle cash']);
    // 200,000 minor units = $2,000.00; 450,000 = $4,500.00; 1,800,000 = $18,000.00.
    expect(items[0]!.figures).toEqual(['APR: 24.99%', 'Balance: $2,000.00']);
    expect(items[1]!.figures).toEqual(['Fund: $4,500.00', 'Target: $18,000.00']);

    const { system, prompt } = buildPhrasingPrompt(items);
    expect(system).toMatch(/Do not add advice, facts, numbers/);
    expect(system).toMatch(/one line per item/);
    expect(prompt).toContain('these 3 item(s)');
    expect(prompt).toContain('1. Pay down the Visa card\n   Why: The Visa card charges 24.99% APR on $2,000.00');
    expect(prompt).toContain('   Figures: Fund: $4,500.00; Target: $18,000.00');
    expect(prompt).toContain('3. Invest idle cash\n   Why: You hold $9,000.00 more cash');
    expect(prompt).not.toContain('Trading waits');
    expect(prompt).not.toContain('Foundation started');
  });
});

describe('checking what the model says', () => {
  const items = phrasingItems(ACTIONS, usd);

  it('reads numbers as their digits, however they are grouped', () => {
    expect(numbersIn('$1,234.56, then 1.234,56 € and 24.99%; 3 months.')).toEqual(['123456', '123456', '2499', '3']);
  });

  it('accepts an honest rewording that only uses the rules’ figures', () => {
    const output = [
      '1. Your Visa card costs you 24.99% a year on $2,000.00, so clearing it pays better than investing.',
      '2. **Your savings last 1.5 months; aim for 6. Add $800.00 this month.**',
      '3. You have $9,000.00 sitting idle in cash — put it to work.',
    ].join('\n');
    expect(validatePhrasing(output, items)).toEqual([
      { ok: true, text: 'Your Visa card costs you 24.99% a year on $2,000.00, so clearing it pays better than investing.' },
      { ok: true, text: 'Your savings last 1.5 months; aim for 6. Add $800.00 this month.' },
      { ok: true, text: 'You have $9,000.00 sitting idle in cash — put it to work.' },
    ]);
  });

  it('refuses a line with an invented number and keeps the rules’ reason, with a note', () => {
    const output = [
      '1. Pay off the $2,000.00 Visa balance first: at 24.99% it costs you about $500 a year.',
      '2. Add $800.00 to savings this month.',
      '3. Invest the $9,000.00 of spare cash.',
    ].join('\n');
    const [debt, emergency, idle] = validatePhrasing(output, items);
    // $500 appears nowhere in the rules' text for the Visa card (24.99%, $2,000.00).
    expect(debt).toEqual({
      ok: false,
      original: DEBT.reason,
      note: 'The on-device model’s rewording used figures the rules did not give (500); showing the rules’ own words.',
    });
    expect(emergency).toEqual({ ok: true, text: 'Add $800.00 to savings this month.' });
    expect(idle).toEqual({ ok: true, text: 'Invest the $9,000.00 of spare cash.' });
  });

  it('checks numbers against the same action only, and catches rounding and number words', () => {
    // $800.00 belongs to the emergency fund, not to the Visa card.
    expect(inventedNumbers('Put $800.00 toward the Visa card.', items[0]!)).toEqual(['80000']);
    // "$2,000" drops the cents: digits 2000 ≠ 200000.
    expect(inventedNumbers('You owe $2,000 on it.', items[0]!)).toEqual(['2000']);
    // "six" is 6, which the rules wrote; "double" is a quantity they did not.
    expect(inventedNumbers('Aim for six months.', items[1]!)).toEqual([]);
    expect(inventedNumbers('Aim for seven months.', items[1]!)).toEqual(['seven']);
    expect(inventedNumbers('Double your savings.', items[1]!)).toEqual(['double']);
  });

  it('refuses missing and overlong lines', () => {
    const [first, second, third] = validatePhrasing(`1. Clear the card at 24.99%.\n2. ${'Save more. '.repeat(80)}`, items);
    expect(first).toEqual({ ok: true, text: 'Clear the card at 24.99%.' });
    expect(second).toMatchObject({ ok: false, original: EMERGENCY.reason, note: expect.stringContaining('too long') });
    expect(third).toMatchObject({ ok: false, original: IDLE.reason, note: expect.stringContaining('no rewording') });
  });
});

/** A Prompt API double: `availability` as given, every session answering `answer`. */
function fakeLanguageModel(availability: string, answer: string) {
  const prompts: string[] = [];
  const created: object[] = [];
  return {
    prompts,
    created,
    LanguageModel: {
      availability: async () => availability,
      create: async (options: object) => {
        created.push(options);
        return { prompt: async (text: string) => (prompts.push(text), answer), destroy() {} };
      },
    },
  };
}

describe('finding the on-device model', () => {
  it('is off without a Prompt API, or when the model is not on the device yet', async () => {
    expect(findOnDeviceModel({})).toBeNull();
    expect(await readyOnDeviceModel({})).toBeNull();
    expect(await readyOnDeviceModel({ LanguageModel: fakeLanguageModel('downloadable', '').LanguageModel })).toBeNull();
    expect(await readyOnDeviceModel({ LanguageModel: fakeLanguageModel('unavailable', '').LanguageModel })).toBeNull();
    expect(await readyOnDeviceModel({ LanguageModel: { availability: async () => Promise.reject(new Error('no')), create() {} } })).toBeNull();
    expect(await readyOnDeviceModel({ ai: { languageModel: { capabilities: async () => ({ available: 'after-download' }), create() {} } } })).toBeNull();
  });

  it('is on with a ready model, current or older API, and its answer goes through the check', async () => {
    const fake = fakeLanguageModel('available', '1. Clear the card: 24.99% on $2,000.00.\n2. Save $800.00 now.\n3. Invest $9,000.00 of idle cash, maybe $10,000.');
    const model = await readyOnDeviceModel({ LanguageModel: fake.LanguageModel });
    expect(model).not.toBeNull();
    const reasons = await phraseActions(model!, phrasingItems(ACTIONS, usd));
    expect(reasons.map((r) => r.ok)).toEqual([true, true, false]);
    expect(fake.prompts[0]).toContain('1. Pay down the Visa card');
    expect(fake.created[0]).toMatchObject({ initialPrompts: [{ role: 'system', content: expect.stringContaining('Do not add advice') }] });

    const older = await readyOnDeviceModel({
      ai: { languageModel: { capabilities: async () => ({ available: 'readily' }), create: fake.LanguageModel.create } },
    });
    expect(older).not.toBeNull();
  });
});

describe('the "Say it plainly" button', () => {
  let root: HTMLElement;
  beforeEach(() => {
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    (globalThis as { document?: unknown }).document = document;
    root = document.getElementById('root') as unknown as HTMLElement;
  });
  afterEach(() => {
    render(null, root);
    delete (globalThis as { document?: unknown }).document;
  });

  const format = planFormat('USD', 'en-US');
  async function show(phrasing: boolean, scope: object) {
    await act(async () => {
      render(h(PlanActions, { actions: ACTIONS, format, phrasing, modelScope: scope }), root);
    });
    // Let the availability check settle and its state land.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
  const button = () => [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Say it plainly'));

  it('is absent without a model, and when phrasing is off even with one', async () => {
    await show(true, {});
    expect(root.textContent).toContain('Pay down the Visa card');
    expect(button()).toBeUndefined();
    await show(false, { LanguageModel: fakeLanguageModel('available', '').LanguageModel });
    expect(button()).toBeUndefined();
  });

  it('rewords with a ready model, showing a refused line in the rules’ words with the note', async () => {
    const fake = fakeLanguageModel('available', '1. Clear the $2,000.00 card at 24.99% first.\n2. Save $900.00 now.\n3. Put the $9,000.00 to work.');
    await show(true, { LanguageModel: fake.LanguageModel });
    expect(button()).toBeDefined();
    await act(async () => {
      button()!.dispatchEvent(new (root.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
      await new Promise((r) => setTimeout(r, 0));
    });
    const phrased = [...root.querySelectorAll('[data-testid="phrased-reason"]')].map((p) => p.textContent);
    expect(phrased).toEqual(['Clear the $2,000.00 card at 24.99% first.', 'Put the $9,000.00 to work.']);
    // $900.00 is not the rules' $800.00: the emergency fund keeps its own reason and says why.
    const emergency = root.querySelector('[data-rule="emergency-fund"]')!;
    expect(emergency.textContent).toContain(EMERGENCY.reason);
    expect(emergency.textContent).toContain('used figures the rules did not give (90000)');
  });
});
