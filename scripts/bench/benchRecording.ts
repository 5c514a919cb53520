/**
 * The benchmark's recording: a deterministic machine-like signal (three tones, Gaussian noise,
 * and periodic impacts ringing a structural resonance), written once with the project's
 * streaming WAV writer, block by block, and cached in the OS temp folder under a name that
 * describes its content. A file that is there under that name is reused as it is.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWavFileWriter } from '../../node/audio/wavFileWriter.ts';

export interface BenchRecordingSpec {
  readonly durationSeconds: number;
  readonly sampleRateHz: number;
}

/** Bump when the signal below changes, so a stale cached file is not reused. */
const GENERATOR_VERSION = 1;
const BLOCK_FRAMES = 48000;

/** Tones: frequencies near bin centres of an 8192-point spectrum at 48 kHz (5.86 Hz bins). */
const TONES = [
  { frequencyHz: 1001.953125, amplitude: 0.1 }, // bin 171: the PSD's highest peak
  { frequencyHz: 152.34375, amplitude: 0.05 }, // bin 26
  { frequencyHz: 2402.34375, amplitude: 0.03 }, // bin 410
];
const NOISE_RMS = 0.02;
/** Impacts at 87.890625 Hz (envelope bin 15) ring a 3.2 kHz mode decaying in 2 ms. */
const IMPACT_RATE_HZ = 87.890625;
const IMPACT_AMPLITUDE = 0.5;
const RESONANCE_HZ = 3200;
const RESONANCE_DECAY_SECONDS = 0.002;
/** Impacts older than this many periods have decayed below 1e-5 and are not summed. */
const IMPACT_MEMORY = 3;

/** The cached file's path for `spec` (content-describing name). */
export function benchRecordingPath(spec: BenchRecordingSpec): string {
  const name =
    `auscult-bench-v${GENERATOR_VERSION}-${spec.durationSeconds}s-${spec.sampleRateHz}Hz` +
    '-mono-pcm16-tones-noise-impacts.wav';
  return join(tmpdir(), name);
}

/** xorshift32 with a Box–Muller pair: deterministic Gaussian noise without allocation. */
function gaussianSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  let spare: number | null = null;
  const uniform = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state + 1) / 4294967297;
  };
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Impact k's amplitude varies ±20 % (a fixed pattern), as real impacts do. */
function impactAmplitude(k: number): number {
  return IMPACT_AMPLITUDE * (1 + 0.2 * Math.sin(k * 2.399963));
}

/** Fills `out` with frames [first, first + out.length) of the signal. */
function fillBlock(out: Float32Array, first: number, sampleRateHz: number, noise: () => number) {
  const period = 1 / IMPACT_RATE_HZ;
  for (let i = 0; i < out.length; i++) {
    const t = (first + i) / sampleRateHz;
    let x = NOISE_RMS * noise();
    for (const tone of TONES) x += tone.amplitude * Math.sin(2 * Math.PI * tone.frequencyHz * t);
    const latest = Math.floor(t / period);
    for (let k = Math.max(0, latest - IMPACT_MEMORY); k <= latest; k++) {
      const age = t - k * period;
      x +=
        impactAmplitude(k) *
        Math.exp(-age / RESONANCE_DECAY_SECONDS) *
        Math.sin(2 * Math.PI * RESONANCE_HZ * age);
    }
    out[i] = x;
  }
}

/**
 * Returns the path of the benchmark recording, writing it first if it is not cached yet
 * (to a temporary name, renamed when complete, so an interrupted run leaves no bad cache).
 */
export async function ensureBenchRecording(spec: BenchRecordingSpec): Promise<string> {
  const path = benchRecordingPath(spec);
  if (
    await stat(path).then(
      (s) => s.isFile(),
      () => false,
    )
  )
    return path;
  const partial = `${path}.${process.pid}.partial`;
  const writer = await createWavFileWriter(partial, {
    sampleRateHz: spec.sampleRateHz,
    channelCount: 1,
    encoding: 'pcm16',
    overwrite: true,
  });
  try {
    const total = Math.round(spec.durationSeconds * spec.sampleRateHz);
    const block = new Float32Array(BLOCK_FRAMES);
    const noise = gaussianSource(20240601);
    for (let first = 0; first < total; first += BLOCK_FRAMES) {
      const view = block.subarray(0, Math.min(BLOCK_FRAMES, total - first));
      fillBlock(view, first, spec.sampleRateHz, noise);
      await writer.append([view]);
    }
    await writer.finalize();
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return path;
}
