/**
 * Share quantities as integer micro-shares (1 share = 1_000_000), and the
 * exact arithmetic on them: a fractional share never drifts through floats.
 */
import type { Qty } from './types';

export const QTY_SCALE = 1_000_000;
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

/** "12.5" or 12.5 → 12_500_000; null when not a non-negative amount with at most 6 decimals. */
export function parseQty(input: string | number): Qty | null {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? numberToPlain(input) : '') : input.trim();
  const m = DECIMAL.exec(text);
  if (m === null) return null;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(6, '0'));
  const qty = whole * QTY_SCALE + frac;
  return Number.isSafeInteger(qty) ? qty : null;
}

function numberToPlain(n: number): string {
  // 1e-7 and 1e21 print in exponent form; such values are refused anyway.
  const s = String(n);
  return /e/i.test(s) ? '' : s;
}

/** 12_500_000 → "12.5". */
export function formatQty(qty: Qty): string {
  const sign = qty < 0 ? '-' : '';
  const abs = Math.abs(qty);
  const whole = Math.floor(abs / QTY_SCALE);
  const frac = abs % QTY_SCALE;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(6, '0').replace(/0+$/, '')}`;
}

/** The quantity as a JSON number (12.5): exact for up to 6 decimals. */
export function qtyToNumber(qty: Qty): number {
  return Number(formatQty(qty));
}

/**
 * round(a × b / c) with ties to even, exact for integers whose product
 * passes 2^53 (it switches to BigInt). c > 0.
 */
export function mulDivRound(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const q = Math.floor(product / c);
    const r = product - q * c;
    const twice = 2 * r;
    if (twice > c || (twice === c && q % 2 !== 0)) return q + 1;
    return q;
  }
  return roundDivHalfEven(BigInt(a) * BigInt(b), BigInt(c));
}

/** round(numerator / denominator) with ties to even, for BigInt figures past 2^53. denominator > 0. */
export function roundDivHalfEven(numerator: bigint, denominator: bigint): number {
  let q = numerator / denominator;
  let r = numerator % denominator;
  if (r < 0n) {
    q -= 1n;
    r += denominator;
  }
  const twice = 2n * r;
  if (twice > denominator || (twice === denominator && q % 2n !== 0n)) q += 1n;
  return Number(q);
}

/** The market value of `qty` micro-shares at `priceMinor` per share, rounded half to even. */
export function valueOf(qty: Qty, priceMinor: number): number {
  return mulDivRound(qty, priceMinor, QTY_SCALE);
}

/** The part of `totalMinor` that belongs to `part` of `whole` shares (split the rest to the other part so the two sum exactly). */
export function proRata(totalMinor: number, part: Qty, whole: Qty): number {
  if (part === whole) return totalMinor;
  return mulDivRound(totalMinor, part, whole);
}
