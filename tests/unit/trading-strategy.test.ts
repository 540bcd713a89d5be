/**
 * The strategy language (utils/trading/strategy.ts): real strategies to their
 * exact trees and costs, every error with its offset, and the canonical label
 * that parses back to the same tree (hand-picked and generated).
 * Offsets are 0-based character positions; where a literal is written, the
 * count is in a comment, elsewhere it is found with indexOf on the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionLabel, DEFAULT_COSTS, operandLabel, parseStrategy, strategyOperands } from '@/utils/trading/strategy';
import type { Condition, IndicatorName, Operand, Strategy } from '@/utils/trading/types';

const num = (value: number): Operand => ({ kind: 'number', value });
const px = (field: 'open' | 'high' | 'low' | 'close' | 'volume'): Operand => ({ kind: 'price', field });
const ind = (name: IndicatorName, params: number[], field: string | null = null): Operand => ({ kind: 'indicator', name, params, field });
const model: Operand = { kind: 'model' };
const cmp = (left: Operand, op: '<' | '<=' | '>' | '>=', right: Operand): Condition => ({ kind: 'compare', op, left, right });
const cross = (left: Operand, direction: 'above' | 'below', right: Operand): Condition => ({ kind: 'cross', direction, left, right });
const and = (...items: Condition[]): Condition => ({ kind: 'and', items });
const or = (...items: Condition[]): Condition => ({ kind: 'or', items });
const not = (item: Condition): Condition => ({ kind: 'not', item });

function parsed(text: string): Strategy {
  const r = parseStrategy(text);
  if (!r.ok) throw new Error(`${r.error} at ${r.at}`);
  return r.strategy;
}
function rules(text: string) {
  const s = parsed(text);
  if (s.kind !== 'rules') throw new Error('expected a rules strategy');
  return s;
}
function failure(text: string) {
  const r = parseStrategy(text);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return { error: r.error, at: r.at };
}

describe('parseStrategy: real strategies to their exact trees', () => {
  it("reads the issue's RSI mean reversion with the default costs", () => {
    const text = 'buy when rsi(14) < 30; sell when rsi(14) > 70';
    expect(parsed(text)).toEqual({
      kind: 'rules',
      text,
      buy: cmp(ind('rsi', [14]), '<', num(30)),
      sell: cmp(ind('rsi', [14]), '>', num(70)),
      costs: { sizeBasisPoints: 10000, feePerTrade: 0, feeBasisPoints: 0, slippageBasisPoints: 0, capital: 10000, fractional: false },
    });
  });

  it('reads the golden cross', () => {
    const s = rules('buy when sma(50) crosses above sma(200); sell when sma(50) crosses below sma(200)');
    expect(s.buy).toEqual(cross(ind('sma', [50]), 'above', ind('sma', [200])));
    expect(s.sell).toEqual(cross(ind('sma', [50]), 'below', ind('sma', [200])));
  });

  it('reads Connors-style RSI(2) with a trend filter, clauses on separate lines', () => {
    const s = rules('buy when close > sma(200) and rsi(2) < 10\nsell when close > sma(5)');
    expect(s.buy).toEqual(and(cmp(px('close'), '>', ind('sma', [200])), cmp(ind('rsi', [2]), '<', num(10))));
    expect(s.sell).toEqual(cmp(px('close'), '>', ind('sma', [5])));
  });

  it('reads macd fields, macd() with its defaults, and the default field as null', () => {
    const s = rules('buy when macd().histogram crosses above 0; sell when macd(12,26,9).macd crosses below macd(8, 21, 5).signal');
    expect(s.buy).toEqual(cross(ind('macd', [12, 26, 9], 'histogram'), 'above', num(0)));
    expect(s.sell).toEqual(cross(ind('macd', [12, 26, 9]), 'below', ind('macd', [8, 21, 5], 'signal')));
  });

  it('reads bollinger bands fields, a fractional k, price = close and a partial parameter list', () => {
    const s = rules('buy when close < bbands(20,2).lower; sell when price >= bbands(20).middle or high > bbands(10, 2.5).upper');
    expect(s.buy).toEqual(cmp(px('close'), '<', ind('bbands', [20, 2], 'lower')));
    // bbands(20) = bbands(20,2); .middle is the default field → null
    expect(s.sell).toEqual(or(cmp(px('close'), '>=', ind('bbands', [20, 2])), cmp(px('high'), '>', ind('bbands', [10, 2.5], 'upper'))));
  });

  it('gives and precedence over or, keeps a parenthesized group, and reads not', () => {
    const s = rules(
      'buy when rsi(14) < 30 or close < sma(20) and volume > 1000000; sell when not (rsi(14) > 50 or close < atr(14)) and (low < 5 and open > 4) and not not ema(3) <= 2',
    );
    expect(s.buy).toEqual(or(cmp(ind('rsi', [14]), '<', num(30)), and(cmp(px('close'), '<', ind('sma', [20])), cmp(px('volume'), '>', num(1000000)))));
    expect(s.sell).toEqual(
      and(
        not(or(cmp(ind('rsi', [14]), '>', num(50)), cmp(px('close'), '<', ind('atr', [14])))),
        and(cmp(px('low'), '<', num(5)), cmp(px('open'), '>', num(4))),
        not(not(cmp(ind('ema', [3]), '<=', num(2)))),
      ),
    );
  });

  it('reads model(), negative and decimal numbers, and defaults for empty parentheses', () => {
    const s = rules('buy when model() > 0.55 and roc(12) > -1.5; sell when model() < .45 or rsi() >= 80 or roc() < sma()');
    expect(s.buy).toEqual(and(cmp(model, '>', num(0.55)), cmp(ind('roc', [12]), '>', num(-1.5))));
    expect(s.sell).toEqual(or(cmp(model, '<', num(0.45)), cmp(ind('rsi', [14]), '>=', num(80)), cmp(ind('roc', [12]), '<', ind('sma', [20]))));
  });

  it('is case-insensitive and lets a condition run over several lines', () => {
    const s = rules('BUY WHEN Close > SMA(50)\n   AND RSI() <= 40\nSell When HIGH >= 120.5 ; ');
    expect(s.buy).toEqual(and(cmp(px('close'), '>', ind('sma', [50])), cmp(ind('rsi', [14]), '<=', num(40))));
    expect(s.sell).toEqual(cmp(px('high'), '>=', num(120.5)));
  });

  it('reads every cost clause, in any order', () => {
    const s = rules('fractional\nbuy when ema(10) > ema(30)\ncapital 10,000\nsell when ema(10) < ema(30)\nslippage 5bp; fee 1 + 0.1%; size 50%');
    // 50% = 5000 bp; 0.1% = 10 bp; 5bp stays 5
    expect(s.costs).toEqual({ sizeBasisPoints: 5000, feePerTrade: 1, feeBasisPoints: 10, slippageBasisPoints: 5, capital: 10000, fractional: true });
  });

  it('reads percent slippage, a percent-only fee, a dollar sign and a plain capital', () => {
    expect(rules('buy when close > 1; sell when close < 1; slippage 0.05%; fee 0.25%; capital 25000.50; size 12.5%').costs).toEqual({
      ...DEFAULT_COSTS,
      sizeBasisPoints: 1250, // 12.5% × 100
      feeBasisPoints: 25, // 0.25% × 100
      slippageBasisPoints: 5, // 0.05% × 100
      capital: 25000.5,
    });
    expect(rules('buy when close > 1; sell when close < 1; fee $2.50; capital $1,250,000').costs).toEqual({
      ...DEFAULT_COSTS,
      feePerTrade: 2.5,
      capital: 1250000,
    });
    expect(rules('buy when close > 1; sell when close < 1; fee 0.1% + 1').costs).toMatchObject({ feePerTrade: 1, feeBasisPoints: 10 });
  });

  it('reads a rotation with only positive, upper-casing the symbols', () => {
    const text = 'rotate SPY, efa,AGG by roc(126) top 1 every 21 days only positive; fee 0.1%';
    expect(parsed(text)).toEqual({
      kind: 'rotation',
      text,
      symbols: ['SPY', 'EFA', 'AGG'],
      score: ind('roc', [126]),
      top: 1,
      every: 21,
      absolute: true,
      costs: { ...DEFAULT_COSTS, feeBasisPoints: 10 },
    });
  });

  it('reads a rotation without only positive, options in any order, and "only positive" as its own clause', () => {
    const s = parsed('rotate QQQ, BRK.B, ^GSPC by model() every 5 top 2');
    expect(s).toMatchObject({ kind: 'rotation', symbols: ['QQQ', 'BRK.B', '^GSPC'], score: model, top: 2, every: 5, absolute: false });
    expect(parsed('rotate SPY, TLT by ema(50) top 1 every 1 bar\nonly positive')).toMatchObject({ top: 1, every: 1, absolute: true });
  });
});

describe('parseStrategy: errors people can act on, with their offsets', () => {
  it('names an unknown indicator and the ones it knows', () => {
    // "buy when " is 9 characters: rs starts at 9
    expect(failure('buy when rs(14) < 30; sell when rsi(14) > 70')).toEqual({
      error: 'unknown indicator "rs": expected one of sma, ema, rsi, macd, bbands, atr, roc, model',
      at: 9,
    });
  });

  it('asks for the missing rule at the end of the text', () => {
    const onlyBuy = 'buy when rsi(14) < 30; size 50%';
    expect(failure(onlyBuy)).toEqual({ error: 'missing "sell when …": a rules strategy needs both a buy and a sell rule', at: onlyBuy.length });
    const onlySell = 'sell when rsi(14) > 70';
    expect(failure(onlySell)).toEqual({ error: 'missing "buy when …": a rules strategy needs both a buy and a sell rule', at: 22 });
    expect(failure('size 50%; fee 1').error).toBe('missing "buy when …" and "sell when …": write both rules, or "rotate …" for a rotation');
    expect(failure('  \n ')).toEqual({ error: 'the strategy is empty: write "buy when …; sell when …" or "rotate …"', at: 0 });
  });

  const END = -1;
  const cases: [string, string, string | number][] = [
    // [text, error, offset, or the text the offset points at, or END = the end of the text]
    ['buy when rsi(14) < 30; sell when rsi(14) > 70; size 150%', '"size 150%" is more than 100%', 'size'],
    ['buy when ; sell when close > 1', 'expected a comparison such as rsi(14) < 30 after "when"', 9],
    ['buy when close > 1 and; sell when close > 1', 'expected a comparison such as rsi(14) < 30 after "and"', ';'],
    ['buy when not; sell when close > 1', 'expected a comparison such as rsi(14) < 30 after "not"', ';'],
    ['buy rsi(14) < 30; sell when close > 1', 'expected "when" after "buy"', 4],
    ['buy when rsi(14) = 30; sell when close > 1', 'expected <, <=, >, >=, crosses above or crosses below after "rsi(14)", found "="', '='],
    ['buy when rsi(14) < ; sell when close > 1', 'expected a number, a price or an indicator after "<"', ';'],
    ['buy when close crosses sma(5); sell when close > 1', 'expected "above" or "below" after "crosses"', 'sma'],
    ['buy when close crosses above; sell when close > 1', 'expected a number, a price or an indicator after "crosses above"', ';'],
    ['buy when foo < 3; sell when close > 1', 'unknown value "foo": expected a number, open, high, low, close, volume, price, an indicator such as rsi(14), or model()', 'foo'],
    ['buy when rsi < 30; sell when close > 1', '"rsi" needs parentheses: write rsi(14), or rsi() for the defaults', 'rsi'],
    ['buy when sma(50, 2) < close; sell when close > 1', 'sma takes 1 parameter (period), not 2', '2)'],
    ['buy when macd(1,2,3,4) > 0; sell when close > 1', 'macd takes 3 parameters (fast period, slow period, signal period), not 4', '4)'],
    ['buy when sma(0) < close; sell when close > 1', 'sma period must be a whole number of 1 or more, not 0', '0)'],
    ['buy when rsi(2.5) < 10; sell when close > 1', 'rsi period must be a whole number of 1 or more, not 2.5', '2.5'],
    ['buy when ema(-3) < 10; sell when close > 1', 'ema period must be a whole number of 1 or more, not -3', '-3'],
    ['buy when bbands(20, 0).lower > close; sell when close > 1', 'bbands width k must be a positive number of standard deviations, not 0', '0)'],
    ['buy when macd(26,12).signal > 0; sell when close > 1', 'macd fast period (26) must be less than the slow period (12)', '26'],
    ['buy when sma(x) < 3; sell when close > 1', 'expected a number for the period of sma, found "x"', 'x)'],
    ['buy when sma(50 < close; sell when close > 1', 'missing ")" after the parameters of sma, found "<"', '<'],
    ['buy when macd().lower > 0; sell when close > 1', 'macd has no field "lower": expected macd, signal or histogram', 'lower'],
    ['buy when bbands().top > 0; sell when close > 1', 'bbands has no field "top": expected lower, middle or upper', 'top'],
    ['buy when rsi(14).upper > 0; sell when close > 1', 'rsi has no field "upper": expected value', 'upper'],
    ['buy when model(3) > 0.5; sell when close > 1', 'model() takes no parameters', '3'],
    ['buy when (rsi(14) < 30 and close > 3; sell when close < 3', 'missing ")": the "(" here is never closed (found ";" instead)', '('],
    ['buy when 3 < 4; sell when close > 1', '"3 < 4" compares two numbers: one side must be a price, an indicator or model()', '3'],
    ['buy when rsi(14) < 30 foo; sell when close < 3', 'unexpected "foo": expected and, or, ";" or a new clause', 'foo'],
    ['hold when rsi(14) < 30', 'unexpected "hold": expected a clause (buy when …, sell when …, rotate …, size, fee, slippage, capital or fractional)', 0],
    ['buy when close > 1; sell when close < 1; buy when close > 2', '"buy when" is given twice: keep one', 'buy when close > 2'],
    ['buy when close > 1; sell when close < 1; size 50%; size 20%', '"size" is given twice: keep one', 'size 20'],
    ['buy when close > 1; sell when close < 1; size 0%', '"size 0%" must be more than 0%', 'size'],
    ['buy when close > 1; sell when close < 1; size 50', 'write size as a share of equity, e.g. size 50%', '50'],
    ['buy when close > 1; sell when close < 1; slippage 0.05', 'write slippage as a percent (slippage 0.05%) or in basis points (slippage 5bp)', '0.05'],
    ['buy when close > 1; sell when close < 1; fee 120%', '"fee 120%" is more than 100%', 'fee'],
    ['buy when close > 1; sell when close < 1; fee 1 + 2', '"fee" has two fixed amounts: write e.g. fee 1 + 0.1%', '2'],
    ['buy when close > 1; sell when close < 1; fee -1', '"fee" cannot be negative', '-1'],
    ['buy when close > 1; sell when close < 1; fee', 'expected a number after "fee", found the end of the text', END],
    ['buy when close > 1; sell when close < 1; capital 0', '"capital 0" must be more than 0', 'capital'],
    ['buy when close > 1; sell when close < 1; capital 5%', 'write capital as an amount of money, e.g. capital 10,000', '5%'],
    ['rotate SPY, EFA by roc(126) top 3 every 21 days', '"top 3" is more than the 2 symbols listed', 'top'],
    ['rotate SPY, EFA, spy by roc(126) top 1 every 21 days', '"SPY" is listed twice', 'spy'],
    ['rotate SPY, EFA by roc(126) every 21 days', 'missing "top N": how many of the symbols to hold, e.g. top 1', END],
    ['rotate SPY, EFA by roc(126) top 1', 'missing "every N days": how often to rebalance, e.g. every 21 days', END],
    ['rotate SPY, EFA by roc(126) top 1 every 0 days', '"every" needs a whole number of 1 or more', '0 days'],
    ['rotate SPY EFA by roc(126) top 1 every 21 days', 'expected "," or "by" after "SPY", found "EFA"', 'EFA'],
    ['rotate by roc(126) top 1 every 21', 'expected a symbol, found "by": write e.g. rotate SPY, EFA, AGG by roc(126) top 1 every 21 days', 'by'],
    ['rotate SPY, EFA by top 1 every 21', 'expected a score after "by", such as roc(126)', 'top'],
    ['rotate SPY, EFA by roc(126) top 1 every 21; buy when close > 1', '"buy when" does not belong in a rotation strategy: use either buy/sell rules or rotate', 'buy'],
    ['buy when close > 1; rotate SPY, EFA by roc(126) top 1 every 21', '"rotate" does not belong in a strategy with buy/sell rules: use either buy/sell rules or rotate', 'rotate'],
    ['buy when close > 1; sell when close < 1; only positive', '"only positive" belongs to a rotation strategy (rotate … by roc(126) …)', 'only'],
    ['rotate SPY, EFA by roc(126) top 1 every 21 only', 'expected "positive" after "only"', END],
  ];
  it.each(cases)('%j → %s', (text, error, where) => {
    const at = where === END ? text.length : typeof where === 'number' ? where : text.indexOf(where);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(failure(text)).toEqual({ error, at });
  });
});

describe('labels', () => {
  it('writes operands the way the parser reads them', () => {
    expect(operandLabel(ind('rsi', [14]))).toBe('rsi(14)');
    expect(operandLabel(ind('macd', [12, 26, 9], 'signal'))).toBe('macd(12,26,9).signal');
    expect(operandLabel(ind('bbands', [20, 2], 'lower'))).toBe('bbands(20,2).lower');
    // the default field, written out, is the same operand as no field
    expect(operandLabel(ind('bbands', [20, 2], 'middle'))).toBe('bbands(20,2)');
    expect(operandLabel(ind('rsi', [14], 'value'))).toBe('rsi(14)');
    expect(operandLabel(px('close'))).toBe('close');
    expect(operandLabel(num(30))).toBe('30');
    expect(operandLabel(num(-1.5))).toBe('-1.5');
    expect(operandLabel(model)).toBe('model()');
  });

  it('writes conditions canonically, with parentheses where the tree needs them', () => {
    const s = rules('BUY WHEN rsi() < 30 OR (close>sma(20) AND not(close<1)); sell when ( macd().macd crosses above macd().signal )');
    expect(conditionLabel(s.buy)).toBe('rsi(14) < 30 or (close > sma(20) and not close < 1)');
    expect(conditionLabel(s.sell)).toBe('macd(12,26,9) crosses above macd(12,26,9).signal');
  });

  const texts = [
    'buy when rsi(14) < 30; sell when rsi(14) > 70',
    'buy when sma(50) crosses above sma(200); sell when sma(50) crosses below sma(200)',
    'buy when close > sma(200) and rsi(2) < 10; sell when close > sma(5)',
    'buy when macd().histogram crosses above 0; sell when macd() crosses below macd().signal',
    'buy when close < bbands(20,2).lower; sell when close > bbands(20,2.5).upper or close >= bbands().middle',
    'buy when rsi(14) < 30 or close < sma(20) and volume > 1000000; sell when not (rsi(14) > 50 or close < atr(14))',
    'buy when (low < 1) ; sell when close > 1',
    'buy when (close > 1 and low > 2) and high > 3; sell when close > 1 or (low < 2 or high < 1)',
    'buy when not not model() > 0.55 and roc(12) > -1.5; sell when model() < 0.45',
    'buy when not (close > 1 and (low > 2 or open < 3)); sell when ema(9) <= 1e-7',
  ];
  it.each(texts)('conditionLabel of %j parses back to the same tree', (text) => {
    const s = rules(text);
    const again = rules(`buy when ${conditionLabel(s.buy)}; sell when ${conditionLabel(s.sell)}`);
    expect(again.buy).toEqual(s.buy);
    expect(again.sell).toEqual(s.sell);
  });

  it('round-trips generated condition trees', () => {
    const period = fc.integer({ min: 1, max: 400 });
    const indicator: fc.Arbitrary<Operand> = fc.oneof(
      fc.record({ name: fc.constantFrom<IndicatorName>('sma', 'ema', 'rsi', 'atr', 'roc'), p: period }).map(({ name, p }) => ind(name, [p])),
      fc
        .record({ fast: fc.integer({ min: 1, max: 50 }), gap: fc.integer({ min: 1, max: 50 }), sig: period, field: fc.constantFrom(null, 'signal', 'histogram') })
        .map(({ fast, gap, sig, field }) => ind('macd', [fast, fast + gap, sig], field)),
      fc
        .record({ p: period, k: fc.double({ min: 0.1, max: 5, noNaN: true }), field: fc.constantFrom(null, 'lower', 'upper') })
        .map(({ p, k, field }) => ind('bbands', [p, k], field)),
    );
    const series: fc.Arbitrary<Operand> = fc.oneof(fc.constantFrom<Operand>(px('open'), px('high'), px('low'), px('close'), px('volume'), model), indicator);
    const number = fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => num(v === 0 ? 0 : v));
    const anyOperand = fc.oneof(series, number);
    const leaf: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({ left: series, op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const), right: anyOperand }).map(({ left, op, right }) => cmp(left, op, right)),
      fc.record({ left: series, dir: fc.constantFrom('above' as const, 'below' as const), right: anyOperand }).map(({ left, dir, right }) => cross(left, dir, right)),
    );
    const tree = fc.letrec<{ node: Condition }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        tie('node').map(not),
        fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items) => and(...items)),
        fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items) => or(...items)),
      ),
    })).node;
    fc.assert(
      fc.property(tree, tree, (buy, sell) => {
        const again = rules(`buy when ${conditionLabel(buy)}\nsell when ${conditionLabel(sell)}`);
        expect(again.buy).toEqual(buy);
        expect(again.sell).toEqual(sell);
      }),
      { numRuns: 300 },
    );
  });
});

describe('strategyOperands', () => {
  it('lists every distinct operand once, buy rule first, constants included', () => {
    const s = parsed('buy when rsi(14) < 30 and close > sma(200); sell when rsi(14) > 70 or macd().signal < close or bbands(20,2).middle < bbands()');
    expect(strategyOperands(s).map(operandLabel)).toEqual(['rsi(14)', '30', 'close', 'sma(200)', '70', 'macd(12,26,9).signal', 'bbands(20,2)']);
  });

  it("gives a rotation's score", () => {
    expect(strategyOperands(parsed('rotate SPY, AGG by roc(126) top 1 every 21'))).toEqual([ind('roc', [126])]);
  });
});
