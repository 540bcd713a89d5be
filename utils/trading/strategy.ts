/**
 * The strategy language (issue 6, trading lab): declarative text rules → Strategy.
 *
 *   buy when rsi(14) < 30; sell when rsi(14) > 70; size 50%; fee 1 + 0.1%
 *   rotate SPY, EFA, AGG by roc(126) top 1 every 21 days only positive
 *
 * Conventions:
 * - keywords, indicator names and fields are case-insensitive; whitespace and
 *   newlines are free; clauses are separated by ';', newlines or simply by the
 *   next clause keyword (a condition may run over several lines);
 * - `and` binds tighter than `or`; a chain `a and b and c` is one node with
 *   three items, a parenthesized group stays its own node;
 * - operands are canonical: indicator params are complete (defaults filled in
 *   from INDICATOR_DEFAULTS), the default field is null (rsi.value, macd.macd,
 *   bbands.middle), `price` is close, rotation symbols are upper case;
 * - percentages become basis points (50% = 5000, 5bp = 5);
 * - errors carry a sentence for people and the 0-based offset of the problem
 *   (the offset is not repeated in the sentence).
 * One recursive-descent pass over the characters (class Parser), no tokenizer.
 */
import { INDICATOR_DEFAULTS } from './indicators';
import { INDICATOR_NAMES, type Condition, type IndicatorName, type Operand, type ParsedStrategy, type Strategy, type StrategyCosts } from './types';

export const DEFAULT_COSTS: StrategyCosts = {
  sizeBasisPoints: 10000,
  feePerTrade: 0,
  feeBasisPoints: 0,
  slippageBasisPoints: 0,
  capital: 10000,
  fractional: false,
};

/** Output fields of each indicator, the default (field null) first. */
const FIELDS: Record<IndicatorName, string[]> = {
  sma: ['value'],
  ema: ['value'],
  rsi: ['value'],
  macd: ['macd', 'signal', 'histogram'],
  bbands: ['middle', 'lower', 'upper'],
  atr: ['value'],
  roc: ['value'],
};
const PARAM_NAMES: Record<IndicatorName, string[]> = {
  sma: ['period'],
  ema: ['period'],
  rsi: ['period'],
  macd: ['fast period', 'slow period', 'signal period'],
  bbands: ['period', 'width k'],
  atr: ['period'],
  roc: ['period'],
};
const PRICE_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
const CLAUSE_WORDS = new Set(['buy', 'sell', 'rotate', 'size', 'fee', 'slippage', 'capital', 'fractional', 'only']);
const CLAUSE_LIST = 'buy when …, sell when …, rotate …, size, fee, slippage, capital or fractional';

/** The output field an operand reads: 'value' for one-output indicators, macd/bbands' default when field is null. */
export function outputField(op: Extract<Operand, { kind: 'indicator' }>): string {
  return op.field ?? FIELDS[op.name][0]!;
}

export function operandLabel(op: Operand): string {
  switch (op.kind) {
    case 'number':
      return String(op.value);
    case 'price':
      return op.field;
    case 'model':
      return 'model()';
    case 'indicator': {
      const base = `${op.name}(${op.params.join(',')})`;
      return op.field === null || op.field === FIELDS[op.name][0] ? base : `${base}.${op.field}`;
    }
  }
}

/** Canonical text of a condition; parseStrategy reads it back to the same tree. */
export function conditionLabel(c: Condition): string {
  const inner = (x: Condition) => (x.kind === 'and' || x.kind === 'or' ? `(${conditionLabel(x)})` : conditionLabel(x));
  switch (c.kind) {
    case 'compare':
      return `${operandLabel(c.left)} ${c.op} ${operandLabel(c.right)}`;
    case 'cross':
      return `${operandLabel(c.left)} crosses ${c.direction} ${operandLabel(c.right)}`;
    case 'and':
    case 'or':
      return c.items.map(inner).join(` ${c.kind} `);
    case 'not':
      return `not ${inner(c.item)}`;
  }
}

/** The operands of a condition, left to right, each once (by label). */
export function conditionOperands(c: Condition, into: Operand[] = [], seen = new Set<string>()): Operand[] {
  const add = (op: Operand) => {
    const label = operandLabel(op);
    if (!seen.has(label)) seen.add(label), into.push(op);
  };
  if (c.kind === 'compare' || c.kind === 'cross') add(c.left), add(c.right);
  else if (c.kind === 'not') conditionOperands(c.item, into, seen);
  else for (const item of c.items) conditionOperands(item, into, seen);
  return into;
}

/** Every distinct operand of a strategy (constants included), buy rule first; a rotation's score. */
export function strategyOperands(s: Strategy): Operand[] {
  if (s.kind === 'rotation') return [s.score];
  const seen = new Set<string>();
  return conditionOperands(s.sell, conditionOperands(s.buy, [], seen), seen);
}

class ParseError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const GROUPED = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/y;
const SYMBOL = /[A-Za-z0-9^][A-Za-z0-9.\-^=_]*/y;
/** Tidy a percent × 100 into basis points without float dust (0.1% → 10, not 10.000000000000002). */
const bp = (percent: number) => Math.round(percent * 100 * 1e6) / 1e6;

type Rotation = Omit<Extract<Strategy, { kind: 'rotation' }>, 'costs' | 'text'>;

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string, at = this.pos): never {
    throw new ParseError(message, at);
  }
  skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
  match(re: RegExp): string | null {
    this.skip();
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    return m === null ? null : m[0];
  }
  /** The next word, lower case, without taking it. */
  peekWord(): string | null {
    return this.match(WORD)?.toLowerCase() ?? null;
  }
  takeWord(word: string): boolean {
    if (this.peekWord() !== word) return false;
    this.pos += word.length;
    return true;
  }
  takeChar(ch: string): boolean {
    this.skip();
    if (!this.text.startsWith(ch, this.pos)) return false;
    this.pos += ch.length;
    return true;
  }
  takeNumber(re = NUMBER): number | null {
    const m = this.match(re);
    if (m === null) return null;
    this.pos += m.length;
    return Number(m.replace(/,/g, ''));
  }
  /** What stands at the current position, for messages: "foo", "<" or the end of the text. */
  here(): string {
    this.skip();
    if (this.pos >= this.text.length) return 'the end of the text';
    const word = this.match(WORD) ?? this.match(NUMBER);
    return `"${word ?? this.text[this.pos]}"`;
  }

  parse(): Strategy {
    let buy: Condition | null = null;
    let sell: Condition | null = null;
    let rulesAt = -1;
    let rotation: Rotation | null = null;
    let onlyPositiveAt = -1;
    const costs: StrategyCosts = { ...DEFAULT_COSTS };
    const seen = new Set<string>();
    const once = (word: string, at: number) => {
      if (seen.has(word)) this.fail(`"${word}" is given twice: keep one`, at);
      seen.add(word);
    };
    for (;;) {
      this.skip();
      if (this.pos >= this.text.length) break;
      if (this.takeChar(';')) continue;
      const at = this.pos;
      const word = this.peekWord();
      if (word === null || !CLAUSE_WORDS.has(word)) this.fail(`unexpected ${this.here()}: expected a clause (${CLAUSE_LIST})`);
      this.pos += word.length;
      if (word === 'buy' || word === 'sell') {
        once(`${word} when`, at);
        if (rotation !== null) this.fail(`"${word} when" does not belong in a rotation strategy: use either buy/sell rules or rotate`, at);
        if (!this.takeWord('when')) this.fail(`expected "when" after "${word}"`);
        const c = this.parseOr('when');
        if (word === 'buy') buy = c;
        else sell = c;
        if (rulesAt < 0) rulesAt = at;
        this.endClause('and, or, ";" or a new clause');
      } else if (word === 'rotate') {
        once('rotate', at);
        if (rulesAt >= 0) this.fail('"rotate" does not belong in a strategy with buy/sell rules: use either buy/sell rules or rotate', at);
        rotation = this.parseRotation();
        this.endClause('top, every, only positive, ";" or a new clause');
      } else if (word === 'only') {
        once('only positive', at);
        if (!this.takeWord('positive')) this.fail('expected "positive" after "only"');
        onlyPositiveAt = at;
        this.endClause('";" or a new clause');
      } else {
        once(word, at);
        this.parseCost(word, at, costs);
        this.endClause('";" or a new clause');
      }
    }
    const text = this.text;
    if (rotation !== null) {
      if (onlyPositiveAt >= 0) rotation.absolute = true;
      return { ...rotation, text, costs };
    }
    if (onlyPositiveAt >= 0) this.fail('"only positive" belongs to a rotation strategy (rotate … by roc(126) …)', onlyPositiveAt);
    if (buy !== null && sell !== null) return { kind: 'rules', text, buy, sell, costs };
    const end = text.length;
    if (buy !== null) this.fail('missing "sell when …": a rules strategy needs both a buy and a sell rule', end);
    if (sell !== null) this.fail('missing "buy when …": a rules strategy needs both a buy and a sell rule', end);
    if (text.trim() === '') this.fail('the strategy is empty: write "buy when …; sell when …" or "rotate …"', 0);
    return this.fail('missing "buy when …" and "sell when …": write both rules, or "rotate …" for a rotation', end);
  }

  /** After a clause: the end, ';' or the next clause keyword. */
  endClause(expected: string): void {
    this.skip();
    if (this.pos >= this.text.length || this.text[this.pos] === ';') return;
    const word = this.peekWord();
    if (word !== null && CLAUSE_WORDS.has(word)) return;
    this.fail(`unexpected ${this.here()}: expected ${expected}`);
  }

  parseOr(after: string): Condition {
    const items = [this.parseAnd(after)];
    while (this.takeWord('or')) items.push(this.parseAnd('or'));
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }
  parseAnd(after: string): Condition {
    const items = [this.parseUnary(after)];
    while (this.takeWord('and')) items.push(this.parseUnary('and'));
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }
  parseUnary(after: string): Condition {
    if (this.takeWord('not')) return { kind: 'not', item: this.parseUnary('not') };
    this.skip();
    const open = this.pos;
    if (this.takeChar('(')) {
      const c = this.parseOr('(');
      if (!this.takeChar(')')) this.fail(`missing ")": the "(" here is never closed (found ${this.here()} instead)`, open);
      return c;
    }
    return this.parseComparison(after);
  }
  parseComparison(after: string): Condition {
    this.skip();
    const start = this.pos;
    const left = this.parseOperand(`expected a comparison such as rsi(14) < 30 after "${after}"`);
    let result: Condition;
    const op = this.match(/<=|>=|<|>/y);
    if (op !== null) {
      this.pos += op.length;
      const right = this.parseOperand(`expected a number, a price or an indicator after "${op}"`);
      result = { kind: 'compare', op: op as '<' | '<=' | '>' | '>=', left, right };
    } else if (this.takeWord('crosses')) {
      const direction = this.takeWord('above') ? 'above' : this.takeWord('below') ? 'below' : this.fail('expected "above" or "below" after "crosses"');
      const right = this.parseOperand(`expected a number, a price or an indicator after "crosses ${direction}"`);
      result = { kind: 'cross', direction, left, right };
    } else {
      return this.fail(`expected <, <=, >, >=, crosses above or crosses below after "${operandLabel(left)}", found ${this.here()}`);
    }
    if (left.kind === 'number' && result.right.kind === 'number') {
      this.fail(`"${conditionLabel(result)}" compares two numbers: one side must be a price, an indicator or model()`, start);
    }
    return result;
  }

  /** `missing`: the message when no operand stands here (a keyword, a symbol, the end); `stop`: more words that end the operand's place. */
  parseOperand(missing: string, stop: string[] = []): Operand {
    this.skip();
    const at = this.pos;
    const value = this.takeNumber();
    if (value !== null) return { kind: 'number', value };
    const word = this.peekWord();
    if (word === null || CLAUSE_WORDS.has(word) || ['and', 'or', 'not', 'when', 'crosses', ...stop].includes(word)) this.fail(missing);
    this.pos += word.length;
    if (word === 'price') return { kind: 'price', field: 'close' };
    const price = PRICE_FIELDS.find((f) => f === word);
    if (price !== undefined) return { kind: 'price', field: price };
    const hasParens = this.takeChar('(');
    if (word === 'model') {
      if (hasParens && !this.takeChar(')')) this.fail('model() takes no parameters');
      return { kind: 'model' };
    }
    const name = INDICATOR_NAMES.find((n) => n === word);
    if (name === undefined) {
      if (hasParens) this.fail(`unknown indicator "${word}": expected one of ${INDICATOR_NAMES.join(', ')}, model`, at);
      this.fail(`unknown value "${word}": expected a number, open, high, low, close, volume, price, an indicator such as rsi(14), or model()`, at);
    }
    if (!hasParens) this.fail(`"${name}" needs parentheses: write ${name}(${INDICATOR_DEFAULTS[name].join(',')}), or ${name}() for the defaults`, at);
    const params = this.parseParams(name);
    let field: string | null = null;
    if (this.text[this.pos] === '.') {
      this.pos++;
      const fieldAt = this.pos;
      const f = this.match(WORD)?.toLowerCase() ?? '';
      this.pos += f.length;
      const allowed = FIELDS[name];
      if (!allowed.includes(f)) {
        const list = { macd: 'macd, signal or histogram', bbands: 'lower, middle or upper' }[name as string] ?? 'value';
        this.fail(`${name} has no field "${f}": expected ${list}`, fieldAt);
      }
      field = f === allowed[0] ? null : f;
    }
    return { kind: 'indicator', name, params, field };
  }

  /** The numbers inside name( … ), checked and completed with the defaults. */
  parseParams(name: IndicatorName): number[] {
    const names = PARAM_NAMES[name];
    const given: number[] = [];
    const where: number[] = [];
    if (!this.takeChar(')')) {
      for (;;) {
        this.skip();
        where.push(this.pos);
        const v = this.takeNumber();
        if (v === null) this.fail(`expected a number for the ${names[given.length] ?? 'parameter'} of ${name}, found ${this.here()}`);
        given.push(v);
        if (this.takeChar(')')) break;
        if (!this.takeChar(',')) this.fail(`missing ")" after the parameters of ${name}, found ${this.here()}`);
      }
    }
    if (given.length > names.length) {
      const plural = names.length === 1 ? 'parameter' : 'parameters';
      this.fail(`${name} takes ${names.length} ${plural} (${names.join(', ')}), not ${given.length}`, where[names.length]);
    }
    const params = INDICATOR_DEFAULTS[name].map((d, i) => given[i] ?? d);
    params.forEach((v, i) => {
      const at = where[i] ?? this.pos;
      if (name === 'bbands' && i === 1) {
        if (!(v > 0 && Number.isFinite(v))) this.fail(`bbands width k must be a positive number of standard deviations, not ${v}`, at);
      } else if (!Number.isSafeInteger(v) || v < 1) {
        this.fail(`${name} ${names[i]} must be a whole number of 1 or more, not ${v}`, at);
      }
    });
    if (name === 'macd' && params[0]! >= params[1]!) {
      this.fail(`macd fast period (${params[0]}) must be less than the slow period (${params[1]})`, where[0] ?? this.pos);
    }
    return params;
  }

  parseRotation(): Rotation {
    const symbols: string[] = [];
    for (;;) {
      this.skip();
      const at = this.pos;
      const symbol = this.match(SYMBOL);
      if (symbol === null || (symbols.length === 0 && symbol.toLowerCase() === 'by')) {
        this.fail(`expected a symbol, found ${this.here()}: write e.g. rotate SPY, EFA, AGG by roc(126) top 1 every 21 days`);
      }
      this.pos += symbol.length;
      const upper = symbol.toUpperCase();
      if (symbols.includes(upper)) this.fail(`"${upper}" is listed twice`, at);
      symbols.push(upper);
      if (this.takeChar(',')) continue;
      if (this.takeWord('by')) break;
      this.fail(`expected "," or "by" after "${symbol}", found ${this.here()}`);
    }
    const score = this.parseOperand('expected a score after "by", such as roc(126)', ['top', 'every']);
    const r: Rotation = { kind: 'rotation', symbols, score, top: 0, every: 0, absolute: false };
    const seen = new Set<string>();
    const wholeAfter = (word: string) => {
      this.skip();
      const at = this.pos;
      const v = this.takeNumber();
      if (v === null || !Number.isSafeInteger(v) || v < 1) this.fail(`"${word}" needs a whole number of 1 or more`, at);
      return v;
    };
    for (;;) {
      this.skip();
      const at = this.pos;
      const word = this.peekWord();
      if (word !== 'top' && word !== 'every' && word !== 'only') break;
      if (seen.has(word)) this.fail(`"${word}" is given twice: keep one`, at);
      seen.add(word);
      this.pos += word.length;
      if (word === 'top') {
        r.top = wholeAfter('top');
        if (r.top > symbols.length) this.fail(`"top ${r.top}" is more than the ${symbols.length} symbols listed`, at);
      } else if (word === 'every') {
        r.every = wholeAfter('every');
        ['days', 'day', 'bars', 'bar'].some((w) => this.takeWord(w));
      } else {
        if (!this.takeWord('positive')) this.fail('expected "positive" after "only"');
        r.absolute = true;
      }
    }
    if (r.top === 0) this.fail('missing "top N": how many of the symbols to hold, e.g. top 1');
    if (r.every === 0) this.fail('missing "every N days": how often to rebalance, e.g. every 21 days');
    return r;
  }

  /** `name 2.5%` / `name 5bp` (basis points) or a plain amount (null unit). */
  amount(clause: string): { value: number; percent: boolean; at: number } {
    this.skip();
    const at = this.pos;
    this.takeChar('$');
    const value = this.takeNumber(clause === 'capital' ? GROUPED : NUMBER);
    if (value === null) this.fail(`expected a number after "${clause}", found ${this.here()}`);
    if (value < 0) this.fail(`"${clause}" cannot be negative`, at);
    if (this.takeChar('%')) return { value: bp(value), percent: true, at };
    if (this.takeWord('bps') || this.takeWord('bp')) return { value, percent: true, at };
    return { value, percent: false, at };
  }

  parseCost(word: string, at: number, costs: StrategyCosts): void {
    const quoted = () => `"${this.text.slice(at, this.pos).replace(/\s+/g, ' ')}"`;
    const atMost100 = (basisPoints: number) => {
      if (basisPoints > 10000) this.fail(`${quoted()} is more than 100%`, at);
    };
    if (word === 'fractional') {
      this.takeWord('shares');
      costs.fractional = true;
    } else if (word === 'size') {
      const a = this.amount(word);
      if (!a.percent) this.fail('write size as a share of equity, e.g. size 50%', a.at);
      atMost100(a.value);
      if (a.value <= 0) this.fail(`${quoted()} must be more than 0%`, at);
      costs.sizeBasisPoints = a.value;
    } else if (word === 'slippage') {
      const a = this.amount(word);
      if (!a.percent) this.fail('write slippage as a percent (slippage 0.05%) or in basis points (slippage 5bp)', a.at);
      atMost100(a.value);
      costs.slippageBasisPoints = a.value;
    } else if (word === 'capital') {
      const a = this.amount(word);
      if (a.percent) this.fail('write capital as an amount of money, e.g. capital 10,000', a.at);
      if (a.value <= 0) this.fail(`${quoted()} must be more than 0`, at);
      costs.capital = a.value;
    } else {
      let fixed = false;
      let percent = false;
      do {
        const a = this.amount(word);
        if (a.percent ? percent : fixed) this.fail(`"fee" has two ${a.percent ? 'percentages' : 'fixed amounts'}: write e.g. fee 1 + 0.1%`, a.at);
        if (a.percent) (percent = true), (costs.feeBasisPoints = a.value);
        else (fixed = true), (costs.feePerTrade = a.value);
      } while (this.takeChar('+'));
      atMost100(costs.feeBasisPoints);
    }
  }
}

/** Reads a strategy text; never throws. */
export function parseStrategy(text: string): ParsedStrategy {
  try {
    return { ok: true, strategy: new Parser(text).parse() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message, at: e.at };
    throw e;
  }
}
