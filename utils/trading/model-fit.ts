/**
 * The logistic fit of the learned momentum signal (model.ts): mean log-loss
 * + (l2 / 2)·Σ w_j² over the weights (not the intercept), minimized by
 * Newton–Raphson (IRLS) with step halving; features column-major, four
 * columns per pass. Pure.
 */
const MAX_ITERATIONS = 25;
const STEP_TOLERANCE = 1e-8;
/** Below this step the last Hessian is reused (fitInto). */
const HESSIAN_REUSE_STEP = 1e-4;
/** Steps up to this size are taken without checking the loss (fitInto). */
const UNCHECKED_STEP = 1e-2;

// ---------------------------------------------------------------- the logistic fit

/** Scratch arrays of the fits, reused across refits; `capacity` rows at most. */
export class FitWorkspace {
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
  readonly matrix: Float64Array;
  readonly rhs: Float64Array;
  readonly direction: Float64Array;
  readonly start: Float64Array;
  /** Per row: the linear score (then the residual p − y), p(1 − p), and p(1 − p)·x of one column. */
  readonly score: Float64Array;
  readonly curvature: Float64Array;
  readonly weighted: Float64Array;
  readonly rowBuffer: Float64Array;
  constructor(readonly size: number, capacity: number) {
    this.gradient = new Float64Array(size);
    this.hessian = new Float64Array(size * size);
    this.matrix = new Float64Array(size * size);
    this.rhs = new Float64Array(size);
    this.direction = new Float64Array(size);
    this.start = new Float64Array(size);
    this.score = new Float64Array(capacity);
    this.curvature = new Float64Array(capacity);
    this.weighted = new Float64Array(capacity);
    this.rowBuffer = new Float64Array(size);
  }
}

/** score[i] += Σ_j w[j+1]·X[j·rows + i], four columns per pass (each score loaded once per four products). */
function addWeightedColumns(score: Float64Array, X: Float64Array, rows: number, cols: number, w: Float64Array): void {
  let j = 0;
  for (; j + 3 < cols; j += 4) {
    const a = w[j + 1]!;
    const b = w[j + 2]!;
    const c = w[j + 3]!;
    const d = w[j + 4]!;
    const o1 = j * rows;
    const o2 = o1 + rows;
    const o3 = o2 + rows;
    const o4 = o3 + rows;
    for (let i = 0; i < rows; i++) score[i] = score[i]! + a * X[o1 + i]! + b * X[o2 + i]! + c * X[o3 + i]! + d * X[o4 + i]!;
  }
  for (; j < cols; j++) {
    const a = w[j + 1]!;
    const o1 = j * rows;
    for (let i = 0; i < rows; i++) score[i] = score[i]! + a * X[o1 + i]!;
  }
}

/** out[at + j − from] = Σ_i v[i]·X[j·rows + i] for columns from … cols − 1, four columns per pass. */
function dotColumns(v: Float64Array, X: Float64Array, rows: number, from: number, cols: number, out: Float64Array, at: number): void {
  let j = from;
  for (; j + 3 < cols; j += 4) {
    const o1 = j * rows;
    const o2 = o1 + rows;
    const o3 = o2 + rows;
    const o4 = o3 + rows;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let i = 0; i < rows; i++) {
      const value = v[i]!;
      s1 += value * X[o1 + i]!;
      s2 += value * X[o2 + i]!;
      s3 += value * X[o3 + i]!;
      s4 += value * X[o4 + i]!;
    }
    const k = at + j - from;
    out[k] = s1;
    out[k + 1] = s2;
    out[k + 2] = s3;
    out[k + 3] = s4;
  }
  for (; j < cols; j++) {
    const o1 = j * rows;
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += v[i]! * X[o1 + i]!;
    out[at + j - from] = sum;
  }
}

/**
 * Fills the gradient and each row's p(1 − p) at w; returns the penalized mean
 * log-loss when `withLoss` (else NaN: the logarithms are skipped).
 * X is column-major: column j of the features is X[j·rows … j·rows + rows − 1]
 * (no intercept column), so every loop runs over contiguous memory.
 */
function lossAndGradient(
  X: Float64Array,
  y: Uint8Array,
  rows: number,
  cols: number,
  l2: number,
  w: Float64Array,
  ws: FitWorkspace,
  withLoss: boolean,
): number {
  const { gradient: g, score, curvature } = ws;
  score.fill(w[0]!, 0, rows);
  addWeightedColumns(score, X, rows, cols, w);
  let loss = 0;
  let residualSum = 0;
  for (let i = 0; i < rows; i++) {
    const z = score[i]!;
    const e = Math.exp(-Math.abs(z));
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const label = y[i]!;
    if (withLoss) loss += (z > 0 ? z + Math.log1p(e) : Math.log1p(e)) - label * z;
    score[i] = p - label; // from here on: the residual
    residualSum += p - label;
    curvature[i] = p * (1 - p);
  }
  dotColumns(score, X, rows, 0, cols, g, 1);
  const scale = 1 / rows;
  g[0] = residualSum * scale;
  let penalty = 0;
  for (let j = 1; j <= cols; j++) {
    const wj = w[j]!;
    g[j] = g[j]! * scale + l2 * wj;
    penalty += wj * wj;
  }
  return withLoss ? loss * scale + 0.5 * l2 * penalty : Number.NaN;
}

/** Hessian (full symmetric, size (cols+1)²) from the p(1 − p) that lossAndGradient left. */
function fillHessian(X: Float64Array, rows: number, cols: number, l2: number, ws: FitWorkspace): void {
  const { hessian: H, curvature, weighted, rowBuffer } = ws;
  const D = cols + 1;
  const scale = 1 / rows;
  let total = 0;
  for (let i = 0; i < rows; i++) total += curvature[i]!;
  H[0] = total * scale;
  for (let a = 0; a < cols; a++) {
    const offset = a * rows;
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const value = curvature[i]! * X[offset + i]!;
      weighted[i] = value;
      sum += value;
    }
    H[a + 1] = H[(a + 1) * D] = sum * scale;
    dotColumns(weighted, X, rows, a, cols, rowBuffer, 0);
    for (let b = a; b < cols; b++) H[(a + 1) * D + b + 1] = H[(b + 1) * D + a + 1] = rowBuffer[b - a]! * scale + (a === b ? l2 : 0);
  }
}

/**
 * Solves A·x = b (size × size row-major) by Gaussian elimination with partial
 * pivoting, on copies (ws.matrix, ws.rhs). A column whose best pivot is (near)
 * zero gets x = 0: a direction the data and penalty do not determine.
 * Returns the largest |x|.
 */
function solve(A: Float64Array, b: Float64Array, x: Float64Array, size: number, ws: FitWorkspace): number {
  const M = ws.matrix;
  const r = ws.rhs;
  M.set(A);
  r.set(b);
  let largest = 0;
  for (let k = 0; k < size * size; k++) largest = Math.max(largest, Math.abs(M[k]!));
  const tiny = largest * 1e-14;
  for (let k = 0; k < size; k++) {
    let pivotRow = k;
    for (let row = k + 1; row < size; row++) if (Math.abs(M[row * size + k]!) > Math.abs(M[pivotRow * size + k]!)) pivotRow = row;
    const pivot = M[pivotRow * size + k]!;
    if (!(Math.abs(pivot) > tiny)) continue;
    if (pivotRow !== k) {
      for (let c = 0; c < size; c++) {
        const swap = M[k * size + c]!;
        M[k * size + c] = M[pivotRow * size + c]!;
        M[pivotRow * size + c] = swap;
      }
      const swap = r[k]!;
      r[k] = r[pivotRow]!;
      r[pivotRow] = swap;
    }
    for (let row = k + 1; row < size; row++) {
      const factor = M[row * size + k]! / pivot;
      if (factor === 0) continue;
      for (let c = k; c < size; c++) M[row * size + c] = M[row * size + c]! - factor * M[k * size + c]!;
      r[row] = r[row]! - factor * r[k]!;
    }
  }
  let largestStep = 0;
  for (let k = size - 1; k >= 0; k--) {
    const pivot = M[k * size + k]!;
    let value = 0;
    if (Math.abs(pivot) > tiny) {
      value = r[k]!;
      for (let c = k + 1; c < size; c++) value -= M[k * size + c]! * x[c]!;
      value /= pivot;
    }
    x[k] = value;
    largestStep = Math.max(largestStep, Math.abs(value));
  }
  return largestStep;
}

/**
 * Newton–Raphson from the weights already in `w` (updated in place), on
 * column-major X, until the largest step component is below 1e-8 or after
 * 25 steps. Two savings that leave the answer unchanged (to far below 1e-8):
 * - once steps are small, the last Hessian is kept: a step is first solved
 *   with it, and only when that step is >= 1e-4 is the Hessian recomputed
 *   (inside the quadratic region a Hessian that old changes a step by a
 *   relative ~1e-4, so the iteration still converges, and fast);
 * - a step larger than 1e-2 is halved until the loss does not rise (a NaN
 *   loss counts as worse); smaller steps are taken whole, without computing
 *   the loss (its logarithms) at the new point.
 * Returns the steps taken.
 */
export function fitInto(X: Float64Array, y: Uint8Array, rows: number, cols: number, l2: number, w: Float64Array, ws: FitWorkspace): number {
  const D = cols + 1;
  const { gradient, hessian, direction, start } = ws;
  let loss = lossAndGradient(X, y, rows, cols, l2, w, ws, true); // the loss at w, NaN when not computed
  let haveHessian = false;
  let iteration = 0;
  while (iteration < MAX_ITERATIONS) {
    iteration++;
    let largestStep = haveHessian ? solve(hessian, gradient, direction, D, ws) : Number.POSITIVE_INFINITY;
    if (!(largestStep < HESSIAN_REUSE_STEP)) {
      fillHessian(X, rows, cols, l2, ws);
      haveHessian = true;
      largestStep = solve(hessian, gradient, direction, D, ws);
    }
    if (!Number.isFinite(largestStep)) break;
    start.set(w);
    if (largestStep <= UNCHECKED_STEP) {
      for (let a = 0; a < D; a++) w[a] = start[a]! - direction[a]!;
      if (largestStep < STEP_TOLERANCE) break;
      lossAndGradient(X, y, rows, cols, l2, w, ws, false);
      loss = Number.NaN;
      continue;
    }
    if (Number.isNaN(loss)) loss = lossAndGradient(X, y, rows, cols, l2, start, ws, true); // rare: a large step after small ones
    let scale = 1;
    for (;;) {
      for (let a = 0; a < D; a++) w[a] = start[a]! - scale * direction[a]!;
      const next = lossAndGradient(X, y, rows, cols, l2, w, ws, true);
      if (next <= loss + 1e-12 * Math.abs(loss) || scale * largestStep < STEP_TOLERANCE) {
        loss = next;
        break;
      }
      scale *= 0.5;
    }
    if (scale * largestStep < STEP_TOLERANCE) break;
  }
  return iteration;
}

/**
 * L2-penalized logistic regression: X is rows × cols row-major (no intercept
 * column), y is 0/1. Minimizes mean log-loss + (l2/2)·Σ_{j≥1} w_j², from all
 * weights 0. Returns cols + 1 weights, intercept first.
 */
export function fitLogistic(X: Float64Array, y: Uint8Array, rows: number, cols: number, l2: number): Float64Array {
  const w = new Float64Array(cols + 1);
  if (rows === 0) return w;
  const columns = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) columns[j * rows + i] = X[i * cols + j]!;
  fitInto(columns, y, rows, cols, l2, w, new FitWorkspace(cols + 1, rows));
  return w;
}
