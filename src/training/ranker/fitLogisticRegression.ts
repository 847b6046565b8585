import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { sigmoid } from '../../ranking/scoreCandidate.js';

export interface LogisticFitOptions {
  /** L2 penalty on the weights (not the bias), per unit of total sample weight. */
  readonly l2: number;
  /** Converged when the largest gradient component is below this. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export const LOGISTIC_FIT_DEFAULTS: LogisticFitOptions = { l2: 1e-3, tolerance: 1e-8, maxIterations: 50 };

export interface LogisticFit {
  readonly weights: number[];
  readonly bias: number;
  /** Newton steps taken. */
  readonly iterations: number;
  /** Largest absolute gradient component at the end. */
  readonly gradientNorm: number;
  readonly converged: boolean;
  /** The penalised, weighted mean log loss at the end. */
  readonly objective: number;
}

interface Evaluation {
  readonly objective: number;
  readonly gradient: Float64Array;
  readonly hessian: number[][];
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS): each step solves H·δ = g with a
 * Cholesky decomposition, which is exact and cheap for a few dozen features, and halves the
 * step until the objective falls, so that it converges from any start. Parameter 0 is the
 * bias. Rows are already standardised; `sampleWeights` carry the class weighting. Pure.
 */
export function fitLogisticRegression(
  rows: readonly Float64Array[],
  labels: Uint8Array,
  sampleWeights: Float64Array,
  options: LogisticFitOptions = LOGISTIC_FIT_DEFAULTS,
): LogisticFit {
  if (rows.length === 0) throw new Error('fitLogisticRegression: no rows');
  const d = rows[0]!.length + 1;
  let totalWeight = 0;
  for (const w of sampleWeights) totalWeight += w;

  const evaluate = (theta: Float64Array, withHessian: boolean): Evaluation => {
    const gradient = new Float64Array(d);
    const hessian = withHessian ? Array.from({ length: d }, () => new Array<number>(d).fill(0)) : [];
    let loss = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let logit = theta[0]!;
      for (let j = 1; j < d; j++) logit += theta[j]! * row[j - 1]!;
      const p = sigmoid(logit);
      const y = labels[i]!;
      const s = sampleWeights[i]! / totalWeight;
      // log(1 + e^{-|x|}) + max(x, 0) − y·x: the log loss without overflow.
      loss += s * (Math.log1p(Math.exp(-Math.abs(logit))) + Math.max(logit, 0) - y * logit);
      const residual = s * (p - y);
      const curvature = s * p * (1 - p);
      for (let j = 0; j < d; j++) {
        const xj = j === 0 ? 1 : row[j - 1]!;
        gradient[j]! += residual * xj;
        if (withHessian) {
          const hj = hessian[j]!;
          for (let k = 0; k <= j; k++) hj[k]! += curvature * xj * (k === 0 ? 1 : row[k - 1]!);
        }
      }
    }
    let penalty = 0;
    for (let j = 1; j < d; j++) {
      penalty += 0.5 * options.l2 * theta[j]! ** 2;
      gradient[j]! += options.l2 * theta[j]!;
    }
    if (withHessian) {
      for (let j = 0; j < d; j++) {
        // The bias is unpenalised; a hair of ridge keeps H positive definite when every p is 0 or 1.
        hessian[j]![j]! += j === 0 ? 1e-12 : options.l2;
        for (let k = 0; k < j; k++) hessian[k]![j] = hessian[j]![k]!;
      }
    }
    return { objective: loss + penalty, gradient, hessian };
  };

  let theta: Float64Array = new Float64Array(d);
  let current = evaluate(theta, true);
  let iterations = 0;
  const maxAbs = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  while (maxAbs(current.gradient) > options.tolerance && iterations < options.maxIterations) {
    const cholesky = new CholeskyDecomposition(new Matrix(current.hessian));
    if (!cholesky.isPositiveDefinite()) throw new Error('fitLogisticRegression: the Hessian is not positive definite; raise l2');
    const step = cholesky.solve(Matrix.columnVector([...current.gradient])).to1DArray();
    let scale = 1;
    let next: Float64Array = theta;
    let trial: Evaluation;
    // Backtracking: Newton's full step can overshoot far from the optimum. Near it the objective
    // changes below its rounding, so a change within rounding counts as no increase.
    const slack = 1e-13 * Math.max(1, Math.abs(current.objective));
    for (;;) {
      next = theta.map((t, j) => t - scale * step[j]!);
      trial = evaluate(next, false);
      if (trial.objective <= current.objective + slack || scale < 1e-10) break;
      scale /= 2;
    }
    iterations += 1;
    // Rounding can leave no step that lowers the objective; stop there and report the gradient.
    if (trial.objective > current.objective + slack) break;
    theta = next;
    current = evaluate(theta, true);
  }
  const gradientNorm = maxAbs(current.gradient);
  return {
    bias: theta[0]!,
    weights: [...theta.subarray(1)],
    iterations,
    gradientNorm,
    converged: gradientNorm <= options.tolerance,
    objective: current.objective,
  };
}
