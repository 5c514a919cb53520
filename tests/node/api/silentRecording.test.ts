/**
 * Issue 9: five seconds of digital silence imported and reviewed must say "no usable signal:
 * check the microphone" — through the API, against the demo machine's real baseline, stored as
 * the diagnosis Review shows — and never name a fault or show a score as a machine verdict.
 */
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import type {
  MachineSummary,
  MachineTrend,
  StoredDiagnosis,
  VerdictSummary,
} from '../../../shared/api/contract.ts';
import { machineHealth, verdictOf } from '../../../shared/diagnosis/health.ts';
import { DEMO_SAMPLE_RATE_HZ } from '../../../node/workflows/demo.ts';
import { inputAction, inputReason, inputVerdict } from '../../../shared/i18n/diagnosisText.ts';
import { openDemoApi, openForTheseTests } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let demo: MachineSummary;

openForTheseTests(openDemoApi, (opened) => ({ api, demo } = opened));

describe('a silent recording', () => {
  it('is diagnosed "no usable signal: check the microphone", in English and Chinese', async () => {
    const silence = encodeWav([new Float64Array(5 * DEMO_SAMPLE_RATE_HZ)], DEMO_SAMPLE_RATE_HZ);
    const recording = await api.importWav(demo.id, 'silence.wav', silence);
    const stored = (await api.call('diagnoses.run', recording.id)) as StoredDiagnosis;
    const { report } = stored;
    expect(report).toMatchObject({ anomalous: false, anomalyScore: 0, causes: [], findings: [] });
    expect(report.input).toEqual({
      usable: false,
      problems: [{ code: 'digital-silence', severity: 'unusable', params: { durationSeconds: 5 } }],
    });
    expect(inputVerdict(report.input, 'en')).toBe('No usable signal: check the microphone');
    expect(inputVerdict(report.input, 'zh-CN')).toBe('没有可用信号：请检查麦克风');
    const [problem] = report.input!.problems;
    expect(inputReason(problem, 'en')).toBe('the recording is digital silence (5.00 s)');
    expect(inputAction(problem, 'en')).toMatch(/^Check the microphone/);
    // Review reads the stored report back as it was written.
    expect(await api.call('diagnoses.list', recording.id)).toEqual([stored]);
    // The lists say "no usable signal", never "normal", and the trend measures nothing.
    const verdicts = (await api.call('recordings.verdicts', demo.id)) as VerdictSummary[];
    const verdict = verdicts.find((v) => v.recordingId === recording.id);
    expect(verdict).toMatchObject({ usable: false, anomalous: false });
    expect(verdictOf(verdict!)).toBe('no-signal');
    const machines = (await api.call('machines.list')) as MachineSummary[];
    const latest = machines.find((m) => m.id === demo.id)!.latestVerdict;
    expect(machineHealth(true, latest)).toBe('no-signal');
    expect(verdicts.filter((v) => v.recordingId !== recording.id).every((v) => v.usable)).toBe(
      true,
    );
    const trend = (await api.call('machines.trend', demo.id)) as MachineTrend;
    expect(trend.points.map((p) => p.recordingId)).not.toContain(recording.id);
  });
});
