/**
 * Evaluating strategy rules on a price series (issue 6, trading lab).
 *
 * Conventions:
 * - a rule holds at bar t when it is true at the close of t, from values at t
 *   (and t−1 for crossings) only: no look-ahead;
 * - a NaN operand (indicator warm-up, model not trained yet) makes its leaf
 *   UNKNOWN. Unknown counts as false in the result, and `not` of unknown is
 *   unknown, so warm-up never triggers a rule, negated or not. and/or follow
 *   three-valued (Kleene) logic: false and unknown = false, true or unknown =
 *   true. Internally each node gives a truth mask and, when a `not` above it
 *   needs it, a "known" mask (Uint8Array, 1 = known);
 * - indicator outputs are cached in ctx.cache by operand label
 *   ("rsi(14)", "macd(12,26,9).signal"), constants by their text ("30"),
 *   the learned signal as "model()";
 * - one pass per node over typed arrays, nothing allocated per bar.
 */
import { computeIndicator } from './indicators';
import { conditionLabel, conditionOperands, operandLabel, outputField, strategyOperands } from './strategy';
import type { Condition, Operand, PriceSeries, Strategy } from './types';

export interface SignalContext {
  series: PriceSeries;
  cache: Map<string, Float64Array>;
  /** The learned probability series (one value per bar), when a rule uses model(). */
  model?: () => Float64Array;
}

type CompareOp = '<' | '<=' | '>' | '>=';

// Labels of the parsed (never mutated) operands and conditions, computed once
// each: a backtest explains every fill, thousands of times over one strategy.
const operandLabels = new WeakMap<Operand, string>();
const conditionLabels = new WeakMap<Condition, { label: string; operands: Operand[] }>();

function labelOf(op: Operand): string {
  let label = operandLabels.get(op);
  if (label === undefined) operandLabels.set(op, (label = operandLabel(op)));
  return label;
}

function describe(c: Condition): { label: string; operands: Operand[] } {
  let described = conditionLabels.get(c);
  if (described === undefined) conditionLabels.set(c, (described = { label: conditionLabel(c), operands: conditionOperands(c).filter((op) => op.kind !== 'number') }));
  return described;
}

/** The values of an operand at every bar (a price array itself, not a copy; constants as a filled array). */
export function operandValues(op: Operand, ctx: SignalContext): Float64Array {
  if (op.kind === 'price') return ctx.series[op.field];
  const n = ctx.series.close.length;
  const label = labelOf(op);
  const cached = ctx.cache.get(label);
  if (cached !== undefined) return cached;
  let values: Float64Array;
  if (op.kind === 'number') {
    values = new Float64Array(n).fill(op.value);
  } else if (op.kind === 'model') {
    if (ctx.model === undefined) throw new Error('this strategy uses model() but no model was trained');
    values = ctx.model();
    if (values.length !== n) throw new Error(`model() gave ${values.length} values for ${n} bars`);
  } else {
    const outputs = computeIndicator(op.name, op.params, ctx.series);
    for (const [field, array] of Object.entries(outputs)) ctx.cache.set(operandLabel({ ...op, field }), array);
    const wanted = outputs[outputField(op)];
    if (wanted === undefined) throw new Error(`${op.name} has no output "${outputField(op)}"`);
    return wanted;
  }
  ctx.cache.set(label, values);
  return values;
}

/** A constant operand's value, or null: comparisons against a constant skip the filled array. */
const constantOf = (op: Operand): number | null => (op.kind === 'number' ? op.value : null);

const FLIP: Record<CompareOp, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** out[i] = a[i] op b[i]; NaN on either side gives 0. */
function compareArrays(op: CompareOp, a: Float64Array, b: Float64Array, out: Uint8Array): void {
  const n = out.length;
  if (op === '<') for (let i = 0; i < n; i++) out[i] = a[i]! < b[i]! ? 1 : 0;
  else if (op === '<=') for (let i = 0; i < n; i++) out[i] = a[i]! <= b[i]! ? 1 : 0;
  else if (op === '>') for (let i = 0; i < n; i++) out[i] = a[i]! > b[i]! ? 1 : 0;
  else for (let i = 0; i < n; i++) out[i] = a[i]! >= b[i]! ? 1 : 0;
}

/** out[i] = a[i] op s. */
function compareScalar(op: CompareOp, a: Float64Array, s: number, out: Uint8Array): void {
  const n = out.length;
  if (op === '<') for (let i = 0; i < n; i++) out[i] = a[i]! < s ? 1 : 0;
  else if (op === '<=') for (let i = 0; i < n; i++) out[i] = a[i]! <= s ? 1 : 0;
  else if (op === '>') for (let i = 0; i < n; i++) out[i] = a[i]! > s ? 1 : 0;
  else for (let i = 0; i < n; i++) out[i] = a[i]! >= s ? 1 : 0;
}

/** 1 where both arrays have a value (b null: a alone). */
function knownMask(a: Float64Array, b: Float64Array | null, out: Uint8Array): void {
  const n = out.length;
  if (b === null) for (let i = 0; i < n; i++) out[i] = a[i] === a[i] ? 1 : 0;
  else for (let i = 0; i < n; i++) out[i] = a[i] === a[i] && b[i] === b[i] ? 1 : 0;
}

interface Truth {
  value: Uint8Array;
  /** null when the caller did not ask for it. */
  known: Uint8Array | null;
}

function evalCompare(c: Extract<Condition, { kind: 'compare' }>, ctx: SignalContext, n: number, wantKnown: boolean): Truth {
  const value = new Uint8Array(n);
  const known = wantKnown ? new Uint8Array(n) : null;
  const leftConst = constantOf(c.left);
  const rightConst = constantOf(c.right);
  if (rightConst !== null && leftConst === null) {
    const a = operandValues(c.left, ctx);
    compareScalar(c.op, a, rightConst, value);
    if (known !== null) knownMask(a, null, known);
  } else if (leftConst !== null && rightConst === null) {
    const b = operandValues(c.right, ctx);
    compareScalar(FLIP[c.op], b, leftConst, value);
    if (known !== null) knownMask(b, null, known);
  } else {
    const a = operandValues(c.left, ctx);
    const b = operandValues(c.right, ctx);
    compareArrays(c.op, a, b, value);
    if (known !== null) knownMask(a, b, known);
  }
  return { value, known };
}

/** above at t: a[t−1] <= b[t−1] and a[t] > b[t]; below mirrored. Known from t = 1 when all four values exist. */
function evalCross(c: Extract<Condition, { kind: 'cross' }>, ctx: SignalContext, n: number, wantKnown: boolean): Truth {
  const a = operandValues(c.left, ctx);
  const b = operandValues(c.right, ctx);
  const value = new Uint8Array(n);
  if (c.direction === 'above') for (let i = 1; i < n; i++) value[i] = a[i - 1]! <= b[i - 1]! && a[i]! > b[i]! ? 1 : 0;
  else for (let i = 1; i < n; i++) value[i] = a[i - 1]! >= b[i - 1]! && a[i]! < b[i]! ? 1 : 0;
  let known: Uint8Array | null = null;
  if (wantKnown) {
    known = new Uint8Array(n);
    knownMask(a, b, known);
    for (let i = n - 1; i >= 1; i--) known[i] = known[i]! & known[i - 1]!;
    if (n > 0) known[0] = 0;
  }
  return { value, known };
}

function evalNode(c: Condition, ctx: SignalContext, n: number, wantKnown: boolean): Truth {
  switch (c.kind) {
    case 'compare':
      return evalCompare(c, ctx, n, wantKnown);
    case 'cross':
      return evalCross(c, ctx, n, wantKnown);
    case 'not': {
      const inner = evalNode(c.item, ctx, n, true);
      const value = inner.value;
      const known = inner.known!;
      for (let i = 0; i < n; i++) value[i] = known[i]! & (value[i]! ^ 1);
      return { value, known: wantKnown ? known : null };
    }
    case 'and':
    case 'or': {
      const [first, ...rest] = c.items;
      if (first === undefined) {
        // An empty `and` is true, an empty `or` false (never produced by the parser).
        return { value: new Uint8Array(n).fill(c.kind === 'and' ? 1 : 0), known: wantKnown ? new Uint8Array(n).fill(1) : null };
      }
      const acc = evalNode(first, ctx, n, wantKnown);
      const t = acc.value;
      const k = acc.known;
      for (const item of rest) {
        const next = evalNode(item, ctx, n, wantKnown);
        const t2 = next.value;
        const k2 = next.known;
        if (c.kind === 'and') {
          // known when both are, or when either is known false.
          if (k !== null && k2 !== null) for (let i = 0; i < n; i++) k[i] = (k[i]! & k2[i]!) | (k[i]! & (t[i]! ^ 1)) | (k2[i]! & (t2[i]! ^ 1));
          for (let i = 0; i < n; i++) t[i] = t[i]! & t2[i]!;
        } else {
          // known when both are, or when either is true.
          if (k !== null && k2 !== null) for (let i = 0; i < n; i++) k[i] = (k[i]! & k2[i]!) | t[i]! | t2[i]!;
          for (let i = 0; i < n; i++) t[i] = t[i]! | t2[i]!;
        }
      }
      return acc;
    }
  }
}

/** 1 where the condition holds at the close of bar t (unknown = 0). */
export function evaluateCondition(cond: Condition, ctx: SignalContext): Uint8Array {
  return evalNode(cond, ctx, ctx.series.close.length, false).value;
}

/**
 * The first bar where every operand has a value (n when one never does).
 * Takes a condition, a whole strategy or a list of operands.
 */
export function firstKnownIndex(what: Condition | Strategy | Operand[], ctx: SignalContext): number {
  const n = ctx.series.close.length;
  const operands = Array.isArray(what) ? what : what.kind === 'rules' || what.kind === 'rotation' ? strategyOperands(what) : conditionOperands(what);
  let first = 0;
  for (const op of operands) {
    if (op.kind === 'number') continue;
    const values = operandValues(op, ctx);
    let i = 0;
    while (i < n && values[i] !== values[i]) i++;
    if (i > first) first = i;
  }
  return first;
}

/** 2 decimals, 4 below 1 in absolute value; "n/a" for a missing value. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'n/a';
  return v.toFixed(Math.abs(v) < 1 ? 4 : 2);
}

/** 1 true, 0 false, −1 unknown, at bar t (same logic as evaluateCondition). */
function truthAt(c: Condition, ctx: SignalContext, t: number): 1 | 0 | -1 {
  switch (c.kind) {
    case 'compare':
    case 'cross': {
      const a = operandValues(c.left, ctx);
      const b = operandValues(c.right, ctx);
      const x = a[t]!;
      const y = b[t]!;
      if (Number.isNaN(x) || Number.isNaN(y)) return -1;
      if (c.kind === 'compare') {
        return (c.op === '<' ? x < y : c.op === '<=' ? x <= y : c.op === '>' ? x > y : x >= y) ? 1 : 0;
      }
      if (t < 1 || Number.isNaN(a[t - 1]!) || Number.isNaN(b[t - 1]!)) return -1;
      return (c.direction === 'above' ? a[t - 1]! <= b[t - 1]! && x > y : a[t - 1]! >= b[t - 1]! && x < y) ? 1 : 0;
    }
    case 'not': {
      const v = truthAt(c.item, ctx, t);
      return v === -1 ? -1 : v === 1 ? 0 : 1;
    }
    case 'and':
    case 'or': {
      const truths = c.items.map((item) => truthAt(item, ctx, t));
      const decisive = c.kind === 'and' ? 0 : 1;
      if (truths.includes(decisive)) return decisive;
      return truths.includes(-1) ? -1 : decisive === 0 ? 1 : 0;
    }
  }
}

/**
 * The rule with the values behind it at bar t, for people:
 * "rsi(14) < 30 (rsi(14) = 27.41)"; a crossing adds the previous values
 * ("sma(50) = 101.20, was 99.80"); `and` lists every leaf, `or` the leaves
 * that were true at t (all of them when none was).
 */
export function explainAt(cond: Condition, ctx: SignalContext, t: number): string {
  const n = ctx.series.close.length;
  if (!Number.isInteger(t) || t < 0 || t >= n) throw new RangeError(`bar ${t} is outside the series (0..${n - 1})`);
  const explain = (c: Condition): string => {
    const inner = (x: Condition) => (x.kind === 'and' || x.kind === 'or' ? `(${explain(x)})` : explain(x));
    switch (c.kind) {
      case 'compare':
      case 'cross': {
        const parts: string[] = [];
        const { label, operands } = describe(c);
        for (const op of operands) {
          const values = operandValues(op, ctx);
          const was = c.kind === 'cross' && t > 0 ? `, was ${formatValue(values[t - 1]!)}` : '';
          parts.push(`${labelOf(op)} = ${formatValue(values[t]!)}${was}`);
        }
        return parts.length === 0 ? label : `${label} (${parts.join(c.kind === 'cross' ? '; ' : ', ')})`;
      }
      case 'not':
        return `not ${inner(c.item)}`;
      case 'and':
      case 'or': {
        let shown = c.items;
        if (c.kind === 'or') {
          const trueItems = c.items.filter((item) => truthAt(item, ctx, t) === 1);
          if (trueItems.length > 0) shown = trueItems;
        }
        return shown.map(inner).join(` ${c.kind} `);
      }
    }
  };
  return explain(cond);
}

/** Whether the condition holds at bar t alone (same answer as evaluateCondition(cond, ctx)[t]), for paper trading. */
export function holdsAt(cond: Condition, ctx: SignalContext, t: number): boolean {
  return truthAt(cond, ctx, t) === 1;
}
