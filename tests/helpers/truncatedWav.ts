/**
 * A WAV file cut off the way a crashed recorder or an interrupted copy leaves one: its header
 * announces `declaredSeconds` but the file ends after `heldSeconds` of audio.
 */
import { encodeWav } from '../../shared/audio/wavEncoder.ts';

/** 16-bit mono PCM (44-byte header): a 440 Hz tone at half scale. */
export function truncatedWav(
  heldSeconds: number,
  declaredSeconds: number,
  sampleRateHz = 16_000,
): Uint8Array {
  const samples = new Float64Array(Math.round(heldSeconds * sampleRateHz));
  for (let i = 0; i < samples.length; i++) {
    samples[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / sampleRateHz);
  }
  const bytes = encodeWav([samples], sampleRateHz);
  const declaredDataBytes = Math.round(declaredSeconds * sampleRateHz) * 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The sizes a writer puts in the header before the audio it never got to write.
  view.setUint32(4, 36 + declaredDataBytes, true);
  view.setUint32(40, declaredDataBytes, true);
  return bytes;
}
