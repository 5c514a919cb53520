/**
 * A small machine-like test recording for the parallel analysis tests: two tones, seeded
 * Gaussian noise and periodic impacts ringing a 3 kHz mode, written as a real WAV file.
 */
import { writeFile } from 'node:fs/promises';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';

export const SAMPLE_RATE_HZ = 48_000;
/** Impacts at envelope bin 15 of an 8192-point spectrum at 48 kHz. */
export const IMPACT_RATE_HZ = 87.890625;
/** The strongest tone, at bin 171. */
export const MAIN_TONE_HZ = 1001.953125;

/** Deterministic noise: xorshift32 and Box–Muller. */
function gaussian(seed: number): () => number {
  let state = seed;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** `durationSeconds` of the test signal at 48 kHz. */
export function machineSignal(durationSeconds: number, seed = 7): Float32Array {
  const noise = gaussian(seed);
  const out = new Float32Array(Math.round(durationSeconds * SAMPLE_RATE_HZ));
  const period = 1 / IMPACT_RATE_HZ;
  for (let i = 0; i < out.length; i++) {
    const t = i / SAMPLE_RATE_HZ;
    const age = t % period;
    out[i] =
      0.1 * Math.sin(2 * Math.PI * MAIN_TONE_HZ * t) +
      0.04 * Math.sin(2 * Math.PI * 152.34375 * t) +
      0.02 * noise() +
      0.5 * Math.exp(-age / 0.002) * Math.sin(2 * Math.PI * 3200 * age);
  }
  return out;
}

/** Writes `channels` (planar) as a WAV file at `path`. */
export async function writeWav(
  path: string,
  channels: readonly Float32Array[],
  encoding: 'pcm16' | 'float32',
): Promise<void> {
  await writeFile(path, encodeWav(channels, SAMPLE_RATE_HZ, { encoding }));
}
