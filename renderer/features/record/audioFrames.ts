/**
 * The microphone's frames (WebCodecs AudioData, from MediaStreamTrackProcessor) as the mono
 * blocks the live analysis and the recording take: channels mixed exactly as the AudioWorklet
 * path mixes them (the sum of the channels in order, times 1/channels), a single channel as it
 * is, so a recording keeps the device's samples bit for bit.
 */

/** What this module needs of an AudioData (so tests can hand it plain objects). */
export type AudioFrame = Pick<AudioData, 'numberOfFrames' | 'numberOfChannels' | 'copyTo'>;

export function monoSamples(frame: AudioFrame): Float32Array {
  const frames = frame.numberOfFrames;
  const channels = frame.numberOfChannels;
  const out = new Float32Array(frames);
  frame.copyTo(out, { planeIndex: 0, format: 'f32-planar' });
  if (channels === 1) return out;
  // Summed in doubles and scaled before the one rounding to float32, as the worklet does.
  const sums = Float64Array.from(out);
  const plane = new Float32Array(frames);
  for (let c = 1; c < channels; c++) {
    frame.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
    for (let i = 0; i < frames; i++) sums[i] += plane[i];
  }
  const scale = 1 / channels;
  for (let i = 0; i < frames; i++) out[i] = sums[i] * scale;
  return out;
}
