import { describe, expect, it } from 'vitest';
import {
  FRAMES_PER_SECOND,
  LiveAnalyser,
} from '../../../../renderer/features/record/liveAnalyser.ts';
import { liveFrequencyAxis } from '../../../../renderer/chart/frequencyAxis.ts';
import type { FrequencyScale } from '../../../../renderer/chart/frequencyAxis.ts';
import type { LiveAnalysisView } from '../../../../renderer/features/record/liveMessages.ts';
import { SPECTROGRAM_CELLS } from '../../../../renderer/features/record/spectrogramCells.ts';
import { gaussianNoise } from '../../../helpers/signals.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

const RATE = 8000;

function viewOf(scale: FrequencyScale, averagingSeconds = 0, peakHold = false): LiveAnalysisView {
  return { axis: liveFrequencyAxis(scale, RATE), averagingSeconds, peakHold };
}

/** White noise of density `densityPerHz` (one-sided) with a sine of amplitude 0.5 at 1 kHz. */
function machineLike(seconds: number, densityPerHz: number): Float32Array {
  const n = Math.round(seconds * RATE);
  const noise = gaussianNoise(n, 3, Math.sqrt((densityPerHz * RATE) / 2));
  return Float32Array.from(noise, (x, i) => x + 0.5 * Math.sin((2 * Math.PI * 1000 * i) / RATE));
}

/** Pushes in 256-sample blocks (32 ms, as the worklet's ~21 ms) and collects the frames due. */
function run(analyser: LiveAnalyser, signal: Float32Array) {
  const frames = [];
  for (let offset = 0; offset < signal.length; offset += 256) {
    analyser.push(signal.subarray(offset, offset + 256));
    if (analyser.frameDue) frames.push(analyser.takeFrame());
  }
  return frames;
}

describe('LiveAnalyser', () => {
  it('gives FRAMES_PER_SECOND frames per second of audio, with level, spectrum and waterfall lines', () => {
    const frames = run(new LiveAnalyser(RATE, viewOf('log')), machineLike(3, 1e-8));
    expect(frames.length).toBeGreaterThanOrEqual(3 * FRAMES_PER_SECOND - 3);
    expect(frames.length).toBeLessThanOrEqual(3 * FRAMES_PER_SECOND);
    const last = frames[frames.length - 1];
    expectClose(last.level.peakDbfs, -6, 0.5);
    expectClose(last.receivedSeconds, 3, 0.2);
    expect(last.spectrum?.gainDb).toBeNull();
    const lines = frames.reduce((n, f) => n + (f.spectrogram?.levels.length ?? 0), 0);
    expectClose(lines / SPECTROGRAM_CELLS, 3 * (RATE / 512), 3);
  });

  it('shows the noise floor at its density and the tone at 1 kHz, below 0.45 × the rate', () => {
    const frames = run(new LiveAnalyser(RATE, viewOf('linear')), machineLike(3, 1e-8));
    const spectrum = frames[frames.length - 1].spectrum;
    const hz = [...(spectrum?.frequenciesHz ?? [])];
    const db = [...(spectrum?.levelsDb ?? [])];
    expect(Math.max(...hz)).toBeLessThanOrEqual(0.45 * RATE);
    expectClose(hz[db.indexOf(Math.max(...db))], 1000, 1);
    const floor = db.filter((_, i) => hz[i] > 2000 && hz[i] < 3000).sort((a, b) => a - b);
    // The median of χ²-distributed bins lies about 1.6 dB under their mean; points are group peaks.
    expectClose(floor[Math.floor(floor.length / 2)], -80, 4);
  });

  it('lowers the live level onto the baseline’s when it has one', () => {
    const analyser = new LiveAnalyser(RATE, viewOf('log'));
    const reference = run(analyser, machineLike(2, 1e-8)).pop()?.spectrum;
    const baseline = {
      baselineId: 'b',
      frequenciesHz: [...(reference?.frequenciesHz ?? [])],
      medianDb: [...(reference?.levelsDb ?? [])].map((db) => db - 15),
      lowerDb: [],
      upperDb: [],
    };
    analyser.setBaseline(baseline);
    const frame = run(analyser, machineLike(0.5, 1e-8)).pop();
    expectClose(frame?.spectrum?.gainDb ?? NaN, 15, 1.5);
  });

  it('holds the peak of a tone that stopped until reset, and averages with a time constant', () => {
    const analyser = new LiveAnalyser(RATE, viewOf('linear', 3, true));
    run(analyser, machineLike(2, 1e-8));
    const quiet = Float32Array.from(gaussianNoise(RATE * 2, 4, Math.sqrt((1e-8 * RATE) / 2)));
    const after = run(analyser, quiet).pop()?.spectrum;
    const hz = [...(after?.frequenciesHz ?? [])];
    const near1k = hz.flatMap((f, i) => (Math.abs(f - 1000) < 10 ? [i] : []));
    const at1k = (values: ArrayLike<number> | null | undefined) =>
      Math.max(...near1k.map((i) => values?.[i] ?? NaN));
    // The tone's peak is held; the 3 s average still remembers it (the noise floor is near
    // −80 dB), but below the peak.
    expect(at1k(after?.peakDb)).toBeGreaterThan(at1k(after?.levelsDb) + 1);
    expect(at1k(after?.levelsDb)).toBeGreaterThan(-50);
    analyser.resetPeak();
    const reset = run(analyser, quiet.subarray(0, RATE / 2)).pop()?.spectrum;
    expect(reset).toBeDefined();
    // Held again from the quiet signal only: far below the tone's peak.
    // The peak follows the averaged level: held, it would stay at the tone's; reset, it starts
    // again from the (decaying) average since the reset.
    expect(at1k(reset?.peakDb)).toBeLessThan(at1k(after?.peakDb) - 1);
    expect(at1k(reset?.peakDb)).toBeGreaterThanOrEqual(at1k(reset?.levelsDb));
    analyser.setView(viewOf('linear', 0, false));
    const plain = run(analyser, quiet.subarray(0, RATE / 2)).pop()?.spectrum;
    expect(plain?.peakDb).toBeNull();
  });
});
