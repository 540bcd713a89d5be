import { describe, expect, it } from 'vitest';
import { Random, splitmix32 } from '@/utils/analytics/random';

function draws(random: Random, n: number, draw: (r: Random) => number): number[] {
  return Array.from({ length: n }, () => draw(random));
}

describe('Random (xoshiro128** seeded by splitmix32)', () => {
  it('matches the reference xoshiro128** outputs from state (1, 2, 3, 4)', () => {
    // Vigna's xoshiro128plusplus/starstar reference C code, state {1, 2, 3, 4}:
    // first output rotl(2 × 5, 7) × 9 = 1,280 × 9 = 11,520, then 0, …
    const random = Random.fromState(1, 2, 3, 4);
    expect(draws(random, 6, (r) => r.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('seeds the state with splitmix32 (values from the reference C code)', () => {
    // splitmix32 from state 1: 1 + 0x9e3779b9 = 0x9e3779ba, then the finalizer.
    expect(splitmix32(1)).toEqual([1580013426, (1 + 0x9e3779b9) | 0]);
    // Seed 1 → state (1580013426, 350525680, 3524174333, 3011703609) → these outputs.
    expect(draws(new Random(1), 5, (r) => r.nextUint32())).toEqual([393288148, 2174103013, 3814759091, 2092745082, 1865176206]);
  });

  it('gives the same numbers for the same seed and different ones for another', () => {
    const a = draws(new Random(2026), 100, (r) => r.normal());
    expect(draws(new Random(2026), 100, (r) => r.normal())).toEqual(a);
    expect(draws(new Random(2027), 100, (r) => r.normal())).not.toEqual(a);
    // A seed beyond 32 bits is not cut to its low 32 bits.
    const big = 1_767_225_600_000; // 2026-01-01 in epoch ms
    expect(draws(new Random(big), 4, (r) => r.nextUint32())).not.toEqual(draws(new Random(big >>> 0), 4, (r) => r.nextUint32()));
    expect(draws(new Random(-5), 4, (r) => r.nextUint32())).not.toEqual(draws(new Random(5), 4, (r) => r.nextUint32()));
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => new Random(1.5)).toThrow(/seed must be a safe integer/);
    expect(() => new Random(Number.NaN)).toThrow(/seed/);
    expect(() => new Random(2 ** 60)).toThrow(/seed/);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const random = new Random(9);
    const n = 1_000_000;
    let sum = 0;
    let sumSquares = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = random.uniform();
      sum += u;
      sumSquares += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    // Standard error of the mean: √(1/12) / 1000 = 0.00029; of the variance ≈ 0.00009.
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0015);
    expect(Math.abs(sumSquares / n - mean * mean - 1 / 12)).toBeLessThan(0.0005);
  });

  it('draws standard normals: mean 0, variance 1, the normal CDF and tail', () => {
    const random = new Random(12345);
    const n = 2_000_000;
    // Φ at a few points (tables): Φ(−2) = 0.0227501, Φ(−1) = 0.1586553, Φ(0) = 0.5,
    // Φ(0.5) = 0.6914625, Φ(1.96) = 0.9750021, Φ(3) = 0.9986501.
    const points = [-2, -1, 0, 0.5, 1.96, 3];
    const cdf = [0.0227501, 0.1586553, 0.5, 0.6914625, 0.9750021, 0.9986501];
    const below = points.map(() => 0);
    let sum = 0;
    let sumSquares = 0;
    let sumFourth = 0;
    let aboveTail = 0;
    let belowTail = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      sumSquares += z * z;
      sumFourth += z * z * z * z;
      for (let k = 0; k < points.length; k++) if (z < points[k]!) below[k]!++;
      // The ziggurat's tail branch starts at r = 3.442619855899.
      if (z > 3.442619855899) aboveTail++;
      if (z < -3.442619855899) belowTail++;
    }
    // Standard errors with 2,000,000 draws: mean 0.0007, variance 0.001, fourth moment 0.007.
    expect(Math.abs(sum / n)).toBeLessThan(0.003);
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(0.005);
    expect(Math.abs(sumFourth / n - 3)).toBeLessThan(0.04);
    // Each CDF point within 4 standard errors (at most √(0.25 / n) = 0.00035).
    for (let k = 0; k < points.length; k++) expect(Math.abs(below[k]! / n - cdf[k]!)).toBeLessThan(0.0014);
    // P(Z > r) = P(Z < −r) = erfc(r / √2) / 2 = 0.000288054: expect 576 ± 24 of 2,000,000 on each side.
    for (const tail of [aboveTail, belowTail]) {
      expect(tail).toBeGreaterThan(576 - 4 * 24);
      expect(tail).toBeLessThan(576 + 4 * 24);
    }
  });
});
