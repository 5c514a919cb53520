import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../../shared/diagnosis/analyze.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import type { RecordingFeatures } from '../../../shared/diagnosis/features/types.ts';
import { createRandom } from '../../../shared/simulation/random.ts';
import { expectClose } from '../../helpers/tolerance.ts';

const FS = 8000;
const SECONDS = 4;
/** The extractor's Welch segment at 8 kHz is 8192 points: bins of 8000 / 8192 Hz. */
const BIN_HZ = FS / 8192;

function sine(amplitude: number, frequencyHz: number): Float64Array {
  return Float64Array.from(
    { length: FS * SECONDS },
    (_, n) => amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / FS),
  );
}

function withNoise(signal: Float64Array, sigma: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return signal.map((x) => x + sigma * random.normal());
}

/** Impacts every 1/rateHz s, each ringing a 2 kHz mode that decays in a few milliseconds. */
function impacts(rateHz: number): Float64Array {
  // Noise strong enough to hide the impacts except around their mode, as on a real machine.
  const out = withNoise(new Float64Array(FS * SECONDS), 0.05, 7);
  const period = FS / rateHz;
  for (let start = 0; start < out.length; start += period) {
    const at = Math.round(start);
    for (let k = 0; k < 200 && at + k < out.length; k++) {
      out[at + k] += 0.5 * Math.exp(-k / 25) * Math.sin((2 * Math.PI * 2000 * k) / FS);
    }
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('analyzeRecording', () => {
  it('gives the statistics of a sine: RMS A/√2, crest factor √2, kurtosis 1.5', () => {
    const report = analyzeRecording('sine.wav', extractFeatures(sine(0.5, 250), FS));
    expectClose(report.statistics.rms, 0.5 / Math.SQRT2, 1e-4);
    expectClose(report.statistics.rmsDb, 20 * Math.log10(0.5 / Math.SQRT2), 0.01);
    expectClose(report.statistics.peak, 0.5, 1e-4);
    expectClose(report.statistics.crestFactor, Math.SQRT2, 1e-3);
    expectClose(report.statistics.kurtosis ?? Number.NaN, 1.5, 1e-3);
  });

  it('puts a bin-centred tone first, at its frequency and its Hann PSD level', () => {
    const frequencyHz = 1000 * BIN_HZ;
    const report = analyzeRecording(
      'tone.wav',
      extractFeatures(withNoise(sine(0.5, frequencyHz), 1e-3, 1), FS),
    );
    expectClose(report.spectrum.binWidthHz, BIN_HZ, 1e-5);
    const top = report.spectrum.peaks[0];
    expectClose(top.frequencyHz, frequencyHz, 0.05);
    // A tone's power A²/2 spreads over the Hann window's 1.5-bin noise bandwidth.
    expectClose(top.levelDb, 10 * Math.log10(0.125 / (1.5 * BIN_HZ)), 0.2);
    expect(top.prominenceDb).toBeGreaterThan(40);
  });

  it('describes silence without NaN: rmsDb -300, kurtosis null, no lines', () => {
    const report = analyzeRecording('silence.wav', extractFeatures(new Float64Array(FS), FS));
    expect(report.statistics.rmsDb).toBe(-300);
    expect(report.statistics.kurtosis).toBeNull();
    expect(report.spectrum.peaks).toEqual([]);
    // JSON turns NaN into null: kurtosis must be the only null.
    expect(JSON.stringify(report).match(/null/g)).toHaveLength(1);
  });

  it('lists no spectrum line for white noise', () => {
    const noise = withNoise(new Float64Array(FS * SECONDS), 0.1, 3);
    expect(analyzeRecording('noise.wav', extractFeatures(noise, FS)).spectrum.peaks).toEqual([]);
  });

  it('finds periodic impacts: the ringing band demodulated, the impact rate in the envelope', () => {
    const report = analyzeRecording('impacts.wav', extractFeatures(impacts(37), FS));
    const [lowHz, highHz] = report.envelope.demodulationBandHz;
    expect(lowHz).toBeLessThanOrEqual(2000);
    expect(highHz).toBeGreaterThanOrEqual(2000);
    expect(report.envelope.significant).toBe(true);
    const near37 = report.envelope.peaks
      .slice(0, 3)
      .some((p) => Math.abs(p.frequencyHz - 37) < 0.6);
    expect(near37).toBe(true);
  });

  it('echoes the file name and the recording’s rate and duration', () => {
    const report = analyzeRecording('path/to/rec.wav', extractFeatures(sine(0.1, 100), FS));
    expect(report.file).toBe('path/to/rec.wav');
    expect(report.sampleRateHz).toBe(FS);
    expect(report.durationSeconds).toBe(SECONDS);
    expect(report.analysedMaxHz).toBe(0.45 * FS);
  });

  it('rounds frequencies and levels to 0.01 so that the report is byte-stable', () => {
    const report = analyzeRecording('impacts.wav', extractFeatures(impacts(37), FS));
    const values = [...report.spectrum.peaks, ...report.envelope.peaks].flatMap((p) => [
      p.frequencyHz,
      p.levelDb,
      p.prominenceDb,
    ]);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(Math.round(v * 100) / 100).toBe(v);
  });

  it('lists at most maxPeaks lines per spectrum, most prominent first', () => {
    const features = extractFeatures(impacts(37), FS);
    const report = analyzeRecording('x.wav', features, { maxPeaks: 2 });
    expect(report.envelope.peaks.length).toBe(2);
    const all = analyzeRecording('x.wav', features, { maxPeaks: 50 }).envelope.peaks;
    expect(all.slice(0, 2)).toEqual(report.envelope.peaks);
    const prominences = all.map((p) => p.prominenceDb);
    expect(prominences).toEqual([...prominences].sort((a, b) => b - a));
  });

  it('leaves its (frozen) features unchanged', () => {
    const features: RecordingFeatures = deepFreeze(extractFeatures(impacts(20), FS));
    expect(() => analyzeRecording('x.wav', features)).not.toThrow();
  });

  it.each([
    [{ maxPeaks: -1 }, 'maxPeaks'],
    [{ maxPeaks: 1.5 }, 'maxPeaks'],
    [{ spectrumMinProminenceDb: -3 }, 'spectrumMinProminenceDb'],
    [{ envelopeMinProminenceDb: Number.NaN }, 'envelopeMinProminenceDb'],
  ])('rejects the option %o with a RangeError naming %s', (options, name) => {
    const features = extractFeatures(sine(0.1, 100), FS);
    expect(() => analyzeRecording('x.wav', features, options)).toThrow(
      new RegExp(`options\\.${name}`),
    );
  });
});
