/**
 * Baselines over several speeds (docs/diagnosis.md): a simulated lathe's baseline from healthy
 * recordings at 0.85×, 1.0× and 1.15× of its profile's speed, each recording's speed estimated
 * from its sound. Healthy recordings between those speeds raise no alarm, faults there are
 * named, a recording at 1.3× is "outside the speeds of the baseline"; a baseline at one speed
 * stays exactly what it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BaselineError,
  parseBaselineSignature,
} from '../../../shared/diagnosis/baseline/parseSignature.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { speedRangeRpm } from '../../../shared/diagnosis/baseline/speedModel.ts';
import { verdictOf } from '../../../shared/diagnosis/health.ts';
import { outsideSpeedsVerdict } from '../../../shared/i18n/diagnosisText.ts';
import {
  diagnoseSimulated,
  simulatedBaseline,
  simulatedRecording,
} from '../../../scripts/eval/simulatedSpeeds.ts';

const NOMINAL_RPM = 1480;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

let spanning: BaselineSignature;

beforeAll(() => {
  const healthy = [0.85, 0.85, 1, 1, 1.15, 1.15].map((factor, i) =>
    simulatedRecording(i + 1, factor),
  );
  spanning = simulatedBaseline(healthy);
}, 120_000);

describe('a baseline over 0.85×, 1.0× and 1.15× of the profile speed', () => {
  it('keeps three speed groups near those speeds and each recording’s speed', () => {
    const span = spanning.speeds!;
    expect(span.shaftId).toBe('spindle');
    expect(span.itemRpm).toHaveLength(6);
    expect(span.groups.map((g) => g.rpm / NOMINAL_RPM)).toEqual([
      expect.closeTo(0.85, 2),
      expect.closeTo(1, 2),
      expect.closeTo(1.15, 2),
    ]);
    // Read back as stored (JSON: -0 and 0 are one number there).
    const json = JSON.stringify(spanning);
    expect(JSON.stringify(parseBaselineSignature(JSON.parse(json)))).toBe(json);
  });

  it.each([
    ['an unknown shaft', (s: Json): unknown => (s.shaftId = 'tailstock'), 'speeds.shaftId'],
    ['a speed per item missing', (s: Json): unknown => s.itemRpm.pop(), 'speeds.itemRpm'],
    ['a negative speed', (s: Json): unknown => (s.itemRpm[0] = -1), 'speeds.itemRpm[0]'],
    ['one group only', (s: Json): unknown => s.groups.splice(1), 'speeds.groups'],
    ['groups out of order', (s: Json): unknown => s.groups.reverse(), 'speeds.groups[1].rpm'],
    ['a stray key', (s: Json): unknown => (s.extra = 1), 'speeds.extra'],
  ] as const)('refuses a stored baseline whose speeds have %s', (_what, spoil, path) => {
    const json = JSON.parse(JSON.stringify(spanning)) as Json;
    spoil(json.speeds as Json);
    let error: unknown = null;
    try {
      parseBaselineSignature(json);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(BaselineError);
    expect((error as BaselineError).path).toBe(path);
  });

  it.each([0.9, 1.1])('raises no alarm on a healthy recording at %s×', (factor) => {
    const report = diagnoseSimulated(spanning, simulatedRecording(70, factor));
    expect(report.outsideSpeeds).toBeUndefined();
    expect(report.anomalous).toBe(false);
    expect(report.anomalyScore).toBeLessThan(spanning.threshold);
  });

  it.each([
    [0.9, 'bearing-outer-race'],
    [1.1, 'bearing-inner-race'],
    [0.9, 'misalignment'],
    [1.1, 'gear-wear'],
  ] as const)('names a fault at %s×: %s', (factor, kind) => {
    const report = diagnoseSimulated(spanning, simulatedRecording(80, factor, kind));
    expect(report.anomalous).toBe(true);
    expect(report.causes[0]?.id).toBe(kind);
  });

  it('says a healthy recording at 1.3× is outside the speeds of the baseline, with the range', () => {
    const report = diagnoseSimulated(spanning, simulatedRecording(90, 1.3));
    const [lowRpm, highRpm] = speedRangeRpm(spanning.speeds!.groups);
    expect(report.outsideSpeeds).toEqual({
      code: 'outside-baseline-speeds',
      params: { shaftId: 'spindle', rpm: expect.closeTo(1.3 * NOMINAL_RPM, -1), lowRpm, highRpm },
    });
    expect(lowRpm).toBeCloseTo(0.85 * 0.97 * NOMINAL_RPM, -1);
    expect(highRpm).toBeCloseTo(1.15 * 1.03 * NOMINAL_RPM, -1);
    expect(report.anomalous).toBe(false);
    expect(report.causes).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(verdictOf({ anomalous: false, severity: null, outsideSpeeds: true })).toBe(
      'outside-speeds',
    );
    expect(outsideSpeedsVerdict(report.outsideSpeeds!, 'en')).toMatch(
      new RegExp(
        `^Outside the speeds of the baseline: spindle at 19\\d\\d rpm, .* ${lowRpm}–${highRpm} rpm`,
      ),
    );
    expect(outsideSpeedsVerdict(report.outsideSpeeds!, 'zh-CN')).toContain(
      `超出基线的转速范围：spindle 为 19`,
    );
  });
});

describe('a baseline at one speed', () => {
  it('stores no speeds and is the same baseline it was before speeds were kept', () => {
    const healthy = [1, 2, 3].map((seed) => simulatedRecording(seed + 10, 1));
    const withSpeeds = simulatedBaseline(healthy);
    const without = simulatedBaseline(healthy, false);
    expect(withSpeeds.speeds).toBeUndefined();
    expect(JSON.stringify(withSpeeds)).toBe(JSON.stringify(without));
    // A recording at another speed is judged as before: no range, no speed verdict.
    const report = diagnoseSimulated(withSpeeds, simulatedRecording(71, 1.3));
    expect(report.outsideSpeeds).toBeUndefined();
  });
});
