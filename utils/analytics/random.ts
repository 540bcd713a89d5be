/**
 * Seeded random numbers for the projections: reproducible (the same seed
 * gives the same numbers on every machine and run) and fast enough to draw
 * tens of millions of normals a second.
 *
 * - Generator: xoshiro128** 1.1 (Blackman & Vigna, 2018), 128 bits of state,
 *   period 2^128 − 1, 32-bit outputs with every bit of good quality; only
 *   32-bit integer operations (Math.imul, shifts), which V8 runs natively.
 * - Seeding: the four state words come from splitmix32 (a Weyl sequence with
 *   step 0x9e3779b9 through the 32-bit finalizer x ^= x>>>16; x *= 0x21f0aaad;
 *   x ^= x>>>15; x *= 0x735a2d97; x ^= x>>>15). Any safe integer is a seed:
 *   its low 32 bits start the sequence and its high 32 bits (when not 0) are
 *   mixed in by a second splitmix32 sequence, so Date.now() works as a seed.
 * - Uniform: `uniform()` is in [0, 1) with 32 bits of resolution (k / 2^32).
 * - Standard normal: the ziggurat method of Marsaglia & Tsang (2000), 128
 *   layers, one 32-bit draw per sample about 98.8% of the time. The layer
 *   index comes from the low 7 bits and the signed value from the other 25
 *   bits of the draw, so the two never share bits (Doornik's 2005 remark on
 *   the original, which reused them). The tail beyond r = 3.442619855899 is
 *   sampled exactly with Marsaglia's exponential method. Resolution within a
 *   layer is 2^-24 of its width.
 */

/** splitmix32: the next output of the sequence whose state is `state` (returns [output, next state]). */
export function splitmix32(state: number): [output: number, nextState: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return [z >>> 0, next];
}

const TWO_POW_32 = 4294967296;

// ---------------------------------------------------------------- ziggurat tables

/** Right edge of the base layer: where the tail starts. */
const ZIGGURAT_R = 3.442619855899;
/** Area of each layer (and of the base layer plus the tail). */
const ZIGGURAT_V = 9.91256303526217e-3;
/** The signed value drawn per sample spans [-2^24, 2^24). */
const VALUE_SCALE = 16777216;

/** Accept at once when |value| < KN[layer] (the layer's part entirely under the curve). */
const KN = new Float64Array(128);
/** value × WN[layer] is the sample: the layer's right edge ÷ VALUE_SCALE. */
const WN = new Float64Array(128);
/** The density exp(−x²/2) at each layer's right edge (FN[0] = 1 at the top). */
const FN = new Float64Array(128);
{
  let edge = ZIGGURAT_R;
  let previousEdge = edge;
  const baseWidth = ZIGGURAT_V / Math.exp(-0.5 * edge * edge);
  KN[0] = (edge / baseWidth) * VALUE_SCALE;
  KN[1] = 0;
  WN[0] = baseWidth / VALUE_SCALE;
  WN[127] = edge / VALUE_SCALE;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * edge * edge);
  for (let layer = 126; layer >= 1; layer--) {
    edge = Math.sqrt(-2 * Math.log(ZIGGURAT_V / edge + Math.exp(-0.5 * edge * edge)));
    KN[layer + 1] = (edge / previousEdge) * VALUE_SCALE;
    previousEdge = edge;
    FN[layer] = Math.exp(-0.5 * edge * edge);
    WN[layer] = edge / VALUE_SCALE;
  }
}

// ---------------------------------------------------------------- generator

/** A seeded xoshiro128** generator with uniform and standard-normal draws. */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** `seed`: any safe integer (see the module comment for how it is mixed). */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new Error(`seed must be a safe integer (got ${seed})`);
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    const words = [0, 0, 0, 0];
    let state = low | 0;
    for (let k = 0; k < 4; k++) {
      const [out, next] = splitmix32(state);
      words[k] = out;
      state = next;
    }
    if (high !== 0) {
      let highState = high | 0;
      for (let k = 0; k < 4; k++) {
        const [out, next] = splitmix32(highState ^ 0x5bd1e995);
        words[k] = (words[k]! ^ out) >>> 0;
        highState = next;
      }
    }
    // The all-zero state is the one xoshiro cannot leave.
    if ((words[0]! | words[1]! | words[2]! | words[3]!) === 0) words[0] = 1;
    this.s0 = words[0]! | 0;
    this.s1 = words[1]! | 0;
    this.s2 = words[2]! | 0;
    this.s3 = words[3]! | 0;
  }

  /** The generator with its state set directly (for checking against the reference outputs). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Random {
    const random = new Random(0);
    random.s0 = s0 | 0;
    random.s1 = s1 | 0;
    random.s2 = s2 | 0;
    random.s3 = s3 | 0;
    return random;
  }

  /** The next 32-bit output as a signed int32 (xoshiro128** 1.1). */
  nextInt32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    const s3 = this.s3;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** The next 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /** Uniform in [0, 1), k / 2^32. */
  uniform(): number {
    return (this.nextInt32() >>> 0) / TWO_POW_32;
  }

  /** A standard normal draw (mean 0, variance 1) by the ziggurat method. */
  normal(): number {
    const bits = this.nextInt32();
    const layer = bits & 127;
    const value = bits >> 7;
    if (Math.abs(value) < KN[layer]!) return value * WN[layer]!;
    return this.normalSlow(value, layer);
  }

  /** The ziggurat's rare branches: the tail, and the wedges at the layers' right ends. */
  private normalSlow(value: number, layer: number): number {
    for (;;) {
      if (layer === 0) {
        // The tail beyond r (Marsaglia 1964): x = −ln(u1)/r until −2 ln(u2) > x².
        let x: number;
        let y: number;
        do {
          x = -Math.log(1 - this.uniform()) / ZIGGURAT_R;
          y = -Math.log(1 - this.uniform());
        } while (y + y < x * x);
        return value > 0 ? ZIGGURAT_R + x : -ZIGGURAT_R - x;
      }
      const x = value * WN[layer]!;
      if (FN[layer]! + this.uniform() * (FN[layer - 1]! - FN[layer]!) < Math.exp(-0.5 * x * x)) return x;
      const bits = this.nextInt32();
      layer = bits & 127;
      value = bits >> 7;
      if (Math.abs(value) < KN[layer]!) return value * WN[layer]!;
    }
  }
}
