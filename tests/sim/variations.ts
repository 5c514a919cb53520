/**
 * The ways two recordings of the same machine differ without any fault (issue 3's robustness
 * list), ready for table-driven tests: each variation makes a recording from the same options.
 */
import { addClicks, applyGainDb, microphoneRollOff, telephoneChannel } from './channel.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import type { SimulationOptions } from '../../shared/simulation/machineSim.ts';

export interface SimulatedRecording {
  readonly samples: Float64Array;
  readonly sampleRateHz: number;
}

/** Options of a recording, the sample rate left to the variation (48 kHz unless it says). */
export type RecordingOptions = Omit<SimulationOptions, 'sampleRateHz'>;

export type VariationName =
  | 'laptop-48k'
  | 'gain+10dB'
  | 'gain-10dB'
  | 'rate-12k'
  | 'rate-44.1k'
  | 'rate-96k'
  | 'telephone'
  | 'speed+3%'
  | 'speed-3%'
  | 'click';

function at(sampleRateHz: number, options: RecordingOptions): SimulatedRecording {
  return { samples: simulateMachine({ ...options, sampleRateHz }), sampleRateHz };
}

export const VARIATIONS: Readonly<
  Record<VariationName, (o: RecordingOptions) => SimulatedRecording>
> = {
  'laptop-48k': (o) => at(48000, o),
  'gain+10dB': (o) => at(48000, { ...o, gainDb: (o.gainDb ?? 0) + 10 }),
  'gain-10dB': (o) => at(48000, { ...o, gainDb: (o.gainDb ?? 0) - 10 }),
  'rate-12k': (o) => at(12000, o),
  'rate-44.1k': (o) => at(44100, o),
  'rate-96k': (o) => at(96000, o),
  telephone: (o) => {
    // A phone's microphone rolls off the lows before the line cuts the band.
    const raw = at(8000, o);
    const samples = telephoneChannel(microphoneRollOff(raw.samples, 8000, 150), 8000);
    return { samples, sampleRateHz: 8000 };
  },
  'speed+3%': (o) => at(48000, { ...o, speedFactor: (o.speedFactor ?? 1) * 1.03 }),
  'speed-3%': (o) => at(48000, { ...o, speedFactor: (o.speedFactor ?? 1) * 0.97 }),
  click: (o) => {
    const raw = at(48000, o);
    return {
      samples: addClicks(raw.samples, 48000, { seed: o.seed + 1 }).samples,
      sampleRateHz: 48000,
    };
  },
};

export const VARIATION_NAMES = Object.keys(VARIATIONS) as VariationName[];

/** Level-only copy of a recording: for checks that gain alone must not change a verdict. */
export function withGain(recording: SimulatedRecording, gainDb: number): SimulatedRecording {
  return { samples: applyGainDb(recording.samples, gainDb), sampleRateHz: recording.sampleRateHz };
}
