/**
 * Which speed a diagnosis uses per shaft and how the report words it: given beats estimated,
 * a trusted estimate beats the profile, a weak one falls back to the profile and says so.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import { MIN_TRUSTED_CONFIDENCE } from '../../../shared/diagnosis/speed/estimate.ts';
import type { ShaftSpeedEstimate } from '../../../shared/diagnosis/speed/estimate.ts';
import { chooseShaftSpeeds } from '../../../shared/diagnosis/speed/speedsUsed.ts';
import { renderSpeedUsed, speedsHeading } from '../../../shared/i18n/diagnosisText.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';

function estimateOf(shaftId: string, rpm: number, confidence: number): ShaftSpeedEstimate {
  return { shaftId, rpm, confidence, nominalRpm: 0, minRpm: 0, maxRpm: 0 };
}

describe('chooseShaftSpeeds', () => {
  const estimates = [
    estimateOf('spindle', 1532.44, 0.93),
    estimateOf('x-screw', 640, MIN_TRUSTED_CONFIDENCE - 0.01),
  ];

  it('takes the given speed, then a trusted estimate, else the profile, per shaft', () => {
    const chosen = chooseShaftSpeeds(simLatheProfile, { 'z-screw': 280 }, estimates);
    expect(chosen.items).toEqual([
      { code: 'speed-estimated', params: { shaftId: 'spindle', rpm: 1532.4, confidence: 0.93 } },
      { code: 'speed-profile', params: { shaftId: 'x-screw', rpm: 600, confidence: 0.39 } },
      { code: 'speed-given', params: { shaftId: 'z-screw', rpm: 280 } },
    ]);
    expect(chosen.rpmOverrides).toEqual({ spindle: 1532.44, 'z-screw': 280 });
  });

  it('prefers a given speed to any estimate', () => {
    const chosen = chooseShaftSpeeds(simLatheProfile, { spindle: 1400 }, estimates);
    expect(chosen.items[0]).toEqual({
      code: 'speed-given',
      params: { shaftId: 'spindle', rpm: 1400 },
    });
    expect(chosen.rpmOverrides.spindle).toBe(1400);
  });

  it("says the profile's nominal speed without any estimate (z screw: feed ÷ lead)", () => {
    const chosen = chooseShaftSpeeds(simLatheProfile, {}, []);
    expect(chosen.items.map((i) => [i.code, i.params.rpm])).toEqual([
      ['speed-profile', 1480],
      ['speed-profile', 600],
      ['speed-profile', 300],
    ]);
    expect(chosen.rpmOverrides).toEqual({});
  });
});

describe('the report says the speed it used, in English and Chinese', () => {
  it('words each source', () => {
    const [estimated, weak, given] = chooseShaftSpeeds(simLatheProfile, { 'z-screw': 280 }, [
      estimateOf('spindle', 1482.3, 0.93),
      estimateOf('x-screw', 640, 0.12),
    ]).items;
    expect(renderSpeedUsed(estimated, 'en')).toBe(
      'spindle 1482 rpm, estimated from the sound (confidence 0.93)',
    );
    expect(renderSpeedUsed(given, 'en')).toBe('z-screw 280 rpm, given with --rpm');
    expect(renderSpeedUsed(weak, 'en')).toMatch(
      /^x-screw 600 rpm, the profile's nominal speed \(.*confidence 0\.12\)$/,
    );
    expect(renderSpeedUsed(estimated, 'zh-CN')).toBe(
      'spindle 1482 r/min，由声音估计（置信度 0.93）',
    );
    expect(renderSpeedUsed(given, 'zh-CN')).toBe('z-screw 280 r/min，由 --rpm 指定');
    expect(renderSpeedUsed(weak, 'zh-CN')).toMatch(/^x-screw 600 r\/min，设备档案中的额定转速/);
    expect(speedsHeading('zh-CN')).toBe('采用的转速：');
  });

  it('diagnoses at the trusted estimate and lists it in the report', () => {
    const features = extractFeatures(
      simulateMachine({ sampleRateHz: 16000, durationSeconds: 2, seed: 4 }),
      16000,
    );
    const input = { fileName: 'a.wav', features, baseline: null, profile: simLatheProfile };
    const plain = diagnose({ ...input, rpmOverrides: {} });
    expect(plain.speeds?.every((s) => s.code === 'speed-profile')).toBe(true);
    const report = diagnose({
      ...input,
      rpmOverrides: {},
      speedEstimates: [estimateOf('spindle', 1550, 0.8)],
    });
    expect(report.speeds?.[0]).toEqual({
      code: 'speed-estimated',
      params: { shaftId: 'spindle', rpm: 1550, confidence: 0.8 },
    });
  });
});
