import { describe, expect, it } from 'vitest';
import {
  flaggedBands,
  flaggedEnvelopeLinesHz,
} from '../../../../renderer/features/review/flaggedMarks.ts';
import type { DiagnosisReport, Finding } from '../../../../shared/diagnosis/report.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

function reportOf(findings: Finding[]): DiagnosisReport {
  return {
    file: 'a.wav',
    sampleRateHz: 48000,
    durationSeconds: 4,
    anomalous: true,
    anomalyScore: 9,
    threshold: 3,
    findings,
    causes: [],
  };
}

const legacy = (text: string) => text;
const TWELFTH_OCTAVE = 2 ** (1 / 12);
const findings: Finding[] = [
  { kind: 'band', frequencyHz: 4000, excessDb: 8, detail: legacy('band 4 kHz') },
  { kind: 'peak', frequencyHz: 250, excessDb: 12, detail: legacy('line') },
  { kind: 'envelope', frequencyHz: 87.9, excessDb: 9, detail: legacy('envelope') },
  { kind: 'band', frequencyHz: 2000, excessDb: 6, detail: legacy('band 2 kHz') },
  { kind: 'envelope', frequencyHz: 9.4, excessDb: 7, detail: legacy('envelope') },
  { kind: 'impulsive', frequencyHz: 0, excessDb: 3, detail: legacy('impacts') },
];

describe('flaggedBands', () => {
  it('spans each flagged band between its 1/6-octave edges, lowest first', () => {
    const bands = flaggedBands(reportOf(findings));
    expect(bands).toHaveLength(2);
    // Edges a twelfth of an octave either side of the centre: 2000 / 2^(1/12) … 2000 · 2^(1/12).
    expectClose(bands[0].lowHz, 1887.749, 1e-3);
    expectClose(bands[0].highHz, 2000 * TWELFTH_OCTAVE, 1e-9);
    expectClose(bands[1].lowHz, 4000 / TWELFTH_OCTAVE, 1e-9);
    expectClose(bands[1].highHz / bands[1].lowHz, 2 ** (1 / 6), 1e-12);
  });

  it('gives nothing for a report without band findings', () => {
    expect(flaggedBands(reportOf(findings.filter((f) => f.kind !== 'band')))).toEqual([]);
  });
});

describe('flaggedEnvelopeLinesHz', () => {
  it('lists the flagged envelope lines, lowest first', () => {
    expect(flaggedEnvelopeLinesHz(reportOf(findings))).toEqual([9.4, 87.9]);
  });
});
