/** Shared by the live-recording tests: signals as float32 chunks, and partial files on disk. */
import { writeFile } from 'node:fs/promises';
import { wavHeaderBytes, wavWriteLayout } from '../../../shared/audio/wavEncoder.ts';
import { partialPath, sidecarPath } from '../../../node/workflows/partialFiles.ts';
import type { PartialSidecar } from '../../../node/workflows/partialFiles.ts';

/** A 440 Hz-ish test tone with a slow ramp, so every sample differs: frames [start, start+count). */
export function testSignal(
  startFrame: number,
  frameCount: number,
  sampleRateHz: number,
): Float32Array<ArrayBuffer> {
  const out = new Float32Array(frameCount);
  for (let i = 0; i < frameCount; i++) {
    const n = startFrame + i;
    out[i] = 0.5 * Math.sin((2 * Math.PI * 440 * n) / sampleRateHz) + (n % 1000) * 1e-5;
  }
  return out;
}

/** The ArrayBuffer of exactly these float32 samples (little-endian, as the page sends them). */
export function chunkOf(samples: Float32Array): ArrayBuffer {
  return samples.slice().buffer;
}

export interface PartialSpec {
  readonly sampleRateHz: number;
  /** Frames of audio in the file. */
  readonly frames: number;
  /** Frames the header claims (a crash leaves it behind); default `frames`. */
  readonly headerFrames?: number;
  /** Bytes of a cut-off last sample after the frames; default 0. */
  readonly extraBytes?: number;
}

/**
 * Writes `recordings/<id>.partial` as the session writer leaves it after a crash: a float32 mono
 * WAV whose header claims `headerFrames`, followed by `frames` of testSignal and `extraBytes`.
 * Returns the samples written.
 */
export async function writePartial(
  folder: string,
  id: string,
  spec: PartialSpec,
): Promise<Float32Array<ArrayBuffer>> {
  const layout = wavWriteLayout(spec.sampleRateHz, 1, 'float32');
  const samples = testSignal(0, spec.frames, spec.sampleRateHz);
  const header = wavHeaderBytes(layout, spec.headerFrames ?? spec.frames);
  const data = new Uint8Array(samples.buffer.slice(0));
  const extra = new Uint8Array(spec.extraBytes ?? 0).fill(0x3f);
  await writeFile(partialPath(folder, id), Buffer.concat([header, data, extra]));
  return samples;
}

export async function writeSidecarFile(
  folder: string,
  id: string,
  sidecar: Partial<PartialSidecar> & Pick<PartialSidecar, 'machineId'>,
): Promise<void> {
  const full: PartialSidecar = {
    formatVersion: 1,
    startedAt: '2025-03-04T10:11:12.000Z',
    sampleRateHz: 16000,
    pid: 999_999_999,
    ...sidecar,
  };
  await writeFile(sidecarPath(folder, id), JSON.stringify(full));
}
