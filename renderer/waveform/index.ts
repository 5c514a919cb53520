export { useWaveform } from './useWaveform.ts';
export type { WaveformSource, WaveformState } from './useWaveform.ts';
export type { TimeRange } from './waveform.ts';
