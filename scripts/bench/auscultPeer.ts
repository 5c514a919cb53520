/**
 * Auscult's side of the benchmark, run as its own process by scripts/bench.ts:
 *   node scripts/bench/auscultPeer.ts FILE.wav
 * Runs the parallel spectra analysis and prints one JSON line with the fields python_peers.py
 * prints, so both sides are measured and checked the same way.
 */
import { enableCompileCache } from 'node:module';
import type { WelchResult } from '../../shared/dsp/welch.ts';

// Compiled, type-stripped modules cached on disk (as Python's .pyc files are): the analysis
// modules are imported below, after this call, so they load from the cache from the second run.
enableCompileCache();
const { analyzeSpectraParallel } = await import('../../node/analysis/analyzeSpectra.ts');
const { createAnalysisPool } = await import('../../node/analysis/analysisPool.ts');

/** Same figures as python_peers.py's summary(): peaks (envelope above 1 Hz) and band totals. */
function summary(psd: WelchResult, envelopePsd: WelchResult) {
  const argmax = (values: Float64Array, from: number) => {
    let best = from;
    for (let k = from; k < values.length; k++) if (values[k] > values[best]) best = k;
    return best;
  };
  const total = (values: Float64Array) => values.reduce((sum, v) => sum + v, 0) * psd.binWidthHz;
  const firstAbove1Hz = psd.frequenciesHz.findIndex((f) => f > 1);
  return {
    psdPeakHz: psd.frequenciesHz[argmax(psd.values, 0)],
    psdTotal: total(psd.values),
    envelopePeakHz: envelopePsd.frequenciesHz[argmax(envelopePsd.values, firstAbove1Hz)],
    envelopeTotal: total(envelopePsd.values),
  };
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new TypeError('usage: auscultPeer.ts FILE.wav');
  // Workers load while the header is read, as in the command line.
  const pool = createAnalysisPool({ start: 'now' });
  const t0 = performance.now();
  const result = await analyzeSpectraParallel(path, pool, { segmentLength: 8192, overlap: 0.5 });
  await pool.close();
  const computeSeconds = (performance.now() - t0) / 1000;
  if (!result.envelopePsd) throw new Error('the envelope spectrum is missing');
  console.log(
    JSON.stringify({
      implementation: 'auscult',
      computeSeconds,
      // performance.now() counts from the process's time origin: Node's own start-up included.
      totalSeconds: performance.now() / 1000,
      // ru_maxrss of the process: the worker threads share it, so this is all of Auscult.
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      threads: result.timings.threads,
      fftBackend: result.fftBackend,
      ...summary(result.psd, result.envelopePsd),
    }),
  );
}

await main();
