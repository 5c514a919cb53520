/**
 * The input check does not fire on real recordings (../shared/data: CWRU vibration, DCASE machine
 * sound) nor on any healthy variation or fault of the simulated lathe: its thresholds leave the
 * sound of machines alone and catch only what the recording chain did.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { surveyFile } from '../../../node/diagnosis/surveyFile.ts';
import { checkInput } from '../../../shared/diagnosis/inputCheck.ts';
import { CAUSE_IDS } from '../../../shared/diagnosis/report.ts';
import { surveySignal } from '../../../shared/diagnosis/signalSurvey.ts';
import type { FaultKind } from '../../../shared/simulation/faults.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { VARIATION_NAMES, VARIATIONS } from '../../sim/variations.ts';

const dataFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
const wavs = (sub: string) =>
  readdirSync(join(dataFolder, sub))
    .filter((name) => name.endsWith('.wav'))
    .sort()
    .map((name) => join(dataFolder, sub, name));

/** As a 16-bit WAV file would hold it. */
function pcm16(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples, (x) => Math.round(x * 32768) / 32768);
}

describe('input check on recordings that are fine', () => {
  const files = [...wavs('cwru'), ...wavs('dcase2020-id00')];

  it('finds all 26 real recordings', () => {
    expect(files).toHaveLength(26);
  });

  it.each(files)('passes %s', async (path) => {
    expect(checkInput(await surveyFile(path)).problems).toEqual([]);
  });

  it.each(VARIATION_NAMES)('passes the healthy simulated lathe (%s)', (name) => {
    const recording = VARIATIONS[name]({ durationSeconds: 5, seed: 50 });
    const survey = surveySignal(pcm16(recording.samples), recording.sampleRateHz, 16);
    expect(checkInput(survey).problems).toEqual([]);
  });

  it.each(CAUSE_IDS.filter((id) => id !== 'unexplained' && id !== 'bearing-part-uncertain'))(
    'passes the simulated lathe with %s',
    (kind) => {
      const samples = simulateMachine({
        sampleRateHz: 48000,
        durationSeconds: 5,
        seed: 60,
        faults: [{ kind: kind as FaultKind }],
      });
      expect(checkInput(surveySignal(pcm16(samples), 48000, 16)).problems).toEqual([]);
    },
  );
});
