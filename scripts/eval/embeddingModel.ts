/**
 * A per-machine embedding for the embedding study (embedding.ts), not part of the product:
 * log-mel frames (64 bands, ~50 ms, a few frames stacked), a PCA fitted on a baseline's healthy
 * recordings, and a recording's score as its frames' reconstruction error (mean and 95th
 * percentile, dB² per dimension), with the threshold from leave-one-recording-out as
 * calibrate.ts sets the product's.
 */
import { nextPowerOfTwo, realFftPlan } from '../../shared/dsp/fft.ts';

export const EMBEDDING = {
  melBands: 64,
  lowestHz: 50,
  /** Frames stacked into one vector, so the embedding sees ~150 ms of temporal structure. */
  context: 5,
  componentCounts: [4, 8, 16] as const,
  /** As calibrate.ts: threshold = margin × the largest leave-one-out score. */
  margin: 1.25,
  iterations: 400,
} as const;

export type ScoreKind = 'mean' | 'p95';
/** Scores of one recording: `${k}-${kind}` → reconstruction error in dB² per dimension. */
export type Scores = Record<string, number>;

/** Stacked log-mel vectors of a recording (one row of melBands × context values per frame). */
export interface Frames {
  readonly dims: number;
  readonly rows: Float64Array[];
}

const melOf = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const hzOf = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

/** Triangular mel weights per band: [first bin, weights…]. */
function melFilters(size: number, sampleRateHz: number): { first: number; weights: number[] }[] {
  const bands = EMBEDDING.melBands;
  const low = melOf(EMBEDDING.lowestHz);
  const high = melOf(sampleRateHz / 2);
  const edges = Array.from({ length: bands + 2 }, (_, i) =>
    hzOf(low + ((high - low) * i) / (bands + 1)),
  );
  const binHz = sampleRateHz / size;
  return Array.from({ length: bands }, (_, b) => {
    const [left, centre, right] = [edges[b], edges[b + 1], edges[b + 2]];
    const first = Math.ceil(left / binHz);
    const weights: number[] = [];
    for (let bin = first; bin * binHz <= right && bin <= size / 2; bin++) {
      const hz = bin * binHz;
      weights.push(hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre));
    }
    // A band narrower than a bin still takes its nearest bin, so no band is empty.
    if (weights.length === 0) weights.push(1);
    return { first: Math.min(first, size / 2), weights };
  });
}

/** Log-mel frames (Hann, ~50 ms, half overlap) with `context` frames stacked per row. */
export function logMelFrames(samples: ArrayLike<number>, sampleRateHz: number): Frames {
  const size = nextPowerOfTwo(Math.round(0.035 * sampleRateHz));
  const hop = size / 2;
  const plan = realFftPlan(size);
  const filters = melFilters(size, sampleRateHz);
  const window = Float64Array.from(
    { length: size },
    (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size),
  );
  const power = new Float64Array(size / 2 + 1);
  const mels: Float64Array[] = [];
  for (let start = 0; start + size <= samples.length; start += hop) {
    const input = plan.input();
    for (let i = 0; i < size; i++) input[i] = samples[start + i] * window[i];
    plan.powerOfInput(power, false);
    mels.push(
      Float64Array.from(filters, ({ first, weights }) => {
        let sum = 1e-20;
        weights.forEach((w, j) => (sum += w * power[first + j]));
        return 10 * Math.log10(sum);
      }),
    );
  }
  const context = EMBEDDING.context;
  const dims = EMBEDDING.melBands * context;
  const rows: Float64Array[] = [];
  for (let f = 0; f + context <= mels.length; f++) {
    const row = new Float64Array(dims);
    for (let c = 0; c < context; c++) row.set(mels[f + c], c * EMBEDDING.melBands);
    rows.push(row);
  }
  return { dims, rows };
}

/** Frame count, sum and scatter (Σ x xᵀ) of a recording: any subset's covariance adds them. */
export interface Moments {
  count: number;
  sum: Float64Array;
  scatter: Float64Array;
}

export function momentsOf({ dims, rows }: Frames): Moments {
  const sum = new Float64Array(dims);
  const scatter = new Float64Array(dims * dims);
  for (const x of rows) {
    for (let i = 0; i < dims; i++) {
      sum[i] += x[i];
      const xi = x[i];
      const base = i * dims;
      for (let j = i; j < dims; j++) scatter[base + j] += xi * x[j];
    }
  }
  for (let i = 0; i < dims; i++)
    for (let j = 0; j < i; j++) scatter[i * dims + j] = scatter[j * dims + i];
  return { count: rows.length, sum, scatter };
}

export interface Pca {
  readonly mean: Float64Array;
  /** Orthonormal principal axes, largest variance first. */
  readonly axes: Float64Array[];
}

/** The 2×2 rotations of cyclic Jacobi on a small symmetric matrix: eigenvectors as columns. */
function jacobiEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const v = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (const m of [a, v]) {
          for (let k = 0; k < n; k++) {
            const [kp, kq] = [m[k][p], m[k][q]];
            [m[k][p], m[k][q]] = [c * kp - s * kq, s * kp + c * kq];
          }
        }
        for (let k = 0; k < n; k++) {
          const [pk, qk] = [a[p][k], a[q][k]];
          [a[p][k], a[q][k]] = [c * pk - s * qk, s * pk + c * qk];
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}

function orthonormalise(vectors: Float64Array[]): void {
  vectors.forEach((v, i) => {
    for (let j = 0; j < i; j++) {
      let dot = 0;
      for (let d = 0; d < v.length; d++) dot += v[d] * vectors[j][d];
      for (let d = 0; d < v.length; d++) v[d] -= dot * vectors[j][d];
    }
    const norm = Math.hypot(...v) || 1;
    for (let d = 0; d < v.length; d++) v[d] /= norm;
  });
}

/**
 * PCA of the pooled moments by orthogonal (subspace) iteration with a Rayleigh–Ritz step at the
 * end; `start` (a previous fit's axes) speeds up the leave-one-out refits.
 */
export function fitPca(parts: readonly Moments[], start?: readonly Float64Array[]): Pca {
  const dims = parts[0].sum.length;
  const count = parts.reduce((n, p) => n + p.count, 0);
  const mean = new Float64Array(dims);
  const cov = new Float64Array(dims * dims);
  for (const p of parts) {
    for (let i = 0; i < dims; i++) mean[i] += p.sum[i] / count;
    for (let i = 0; i < cov.length; i++) cov[i] += p.scatter[i] / count;
  }
  for (let i = 0; i < dims; i++)
    for (let j = 0; j < dims; j++) cov[i * dims + j] -= mean[i] * mean[j];
  const k = Math.max(...EMBEDDING.componentCounts);
  const times = (v: Float64Array) =>
    Float64Array.from({ length: dims }, (_, i) => {
      let s = 0;
      for (let j = 0; j < dims; j++) s += cov[i * dims + j] * v[j];
      return s;
    });
  // A fixed pseudo-random start: the same inputs give the same bytes.
  let axes =
    start?.map((a) => a.slice()) ??
    Array.from({ length: k }, (_, c) =>
      Float64Array.from({ length: dims }, (_, d) => Math.sin(1 + 7.3 * c + 1.7 * d * (c + 1))),
    );
  orthonormalise(axes);
  // Stops when the variance the axes capture settles (to 1e-9 of it): a subspace whose last axes
  // share an eigenvalue with the next ones never settles axis by axis, yet reconstructs as well.
  let captured = 0;
  for (let it = 0; it < EMBEDDING.iterations; it++) {
    const images = axes.map(times);
    const now = axes.reduce((s, a, c) => s + a.reduce((t, x, d) => t + x * images[c][d], 0), 0);
    axes = images;
    orthonormalise(axes);
    if (Math.abs(now - captured) <= 1e-9 * now) break;
    captured = now;
  }
  const images = axes.map(times);
  const small = axes.map((a) => images.map((b) => a.reduce((s, x, d) => s + x * b[d], 0)));
  const { values, vectors } = jacobiEigen(small);
  const order = values.map((_, i) => i).sort((x, y) => values[y] - values[x]);
  const rotated = order.map((c) => {
    const out = new Float64Array(dims);
    axes.forEach((a, r) => a.forEach((x, d) => (out[d] += vectors[r][c] * x)));
    return out;
  });
  return { mean, axes: rotated };
}

/** Mean and 95th-percentile reconstruction error per component count, dB² per dimension. */
export function scoreFrames(pca: Pca, { dims, rows }: Frames): Scores {
  const errors = EMBEDDING.componentCounts.map(() => [] as number[]);
  const centred = new Float64Array(dims);
  for (const x of rows) {
    let residual = 0;
    for (let d = 0; d < dims; d++) {
      centred[d] = x[d] - pca.mean[d];
      residual += centred[d] ** 2;
    }
    let used = 0;
    EMBEDDING.componentCounts.forEach((k, i) => {
      for (; used < k; used++)
        residual -= pca.axes[used].reduce((s, a, d) => s + a * centred[d], 0) ** 2;
      errors[i].push(Math.max(0, residual) / dims);
    });
  }
  const scores: Scores = {};
  EMBEDDING.componentCounts.forEach((k, i) => {
    const sorted = errors[i].sort((a, b) => a - b);
    scores[`${k}-mean`] = sorted.reduce((s, e) => s + e, 0) / sorted.length;
    scores[`${k}-p95`] = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
  });
  return scores;
}

export interface Detector {
  readonly pca: Pca;
  /** Per score key: margin × the largest leave-one-recording-out score. */
  readonly thresholds: Scores;
  /** Largest leave-one-out score per key (the baseline's own spread). */
  readonly worstHealthy: Scores;
}

/** Fits on all recordings and sets each score's threshold by leaving each recording out. */
export function trainDetector(frames: readonly Frames[], moments: readonly Moments[]): Detector {
  const pca = fitPca(moments);
  const worstHealthy: Scores = {};
  frames.forEach((f, i) => {
    const rest = fitPca(
      moments.filter((_, j) => j !== i),
      pca.axes,
    );
    for (const [key, value] of Object.entries(scoreFrames(rest, f))) {
      worstHealthy[key] = Math.max(worstHealthy[key] ?? 0, value);
    }
  });
  const thresholds = Object.fromEntries(
    Object.entries(worstHealthy).map(([key, v]) => [key, EMBEDDING.margin * v]),
  );
  return { pca, thresholds, worstHealthy };
}

export const SCORE_KEYS = EMBEDDING.componentCounts.flatMap((k) => [`${k}-mean`, `${k}-p95`]);
