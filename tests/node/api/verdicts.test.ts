/**
 * Experts' verdicts through dispatch, on a library with the demo machine: its faulty recording's
 * stored diagnosis confirmed and corrected, history kept, the machine's labelled examples, and
 * every refusal with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/contract.ts';
import type {
  ExpertVerdict,
  MachineSummary,
  RecordingSummary,
  StoredDiagnosis,
  VerdictInput,
} from '../../../shared/api/contract.ts';
import { openDemoApi } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let demo: MachineSummary;
let faulty: StoredDiagnosis;

beforeAll(async () => {
  ({ api, demo } = await openDemoApi());
  const recordings = (await api.call('recordings.list', demo.id)) as RecordingSummary[];
  const recording = recordings.find((r) => r.name === 'review-2.wav') as RecordingSummary;
  [faulty] = (await api.call('diagnoses.list', recording.id)) as StoredDiagnosis[];
}, 60_000);
afterAll(async () => {
  await api.close();
});

const input = (change: Partial<VerdictInput> = {}): VerdictInput => ({
  decision: 'confirm',
  causeId: null,
  otherCause: '',
  componentId: null,
  severity: 'serious',
  action: '  Clean the X screw.  ',
  comment: '',
  expertName: ' Dr Wen ',
  ...change,
});

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('verdicts', () => {
  it('confirms the top cause, corrects it, keeps the history and lists the examples', async () => {
    const top = faulty.report.causes[0].id;
    expect(top).toBe('lead-screw-contamination');
    const confirmed = (await api.call('verdicts.record', faulty.id, input())) as ExpertVerdict;
    expect(confirmed).toMatchObject({
      diagnosisId: faulty.id,
      machineId: demo.id,
      recordingId: faulty.recordingId,
      decision: 'confirm',
      causeId: top,
      automaticCauseId: top,
      action: 'Clean the X screw.',
      expertName: 'Dr Wen',
      version: 1,
    });
    const corrected = (await api.call(
      'verdicts.record',
      faulty.id,
      input({ decision: 'correct', causeId: 'other', otherCause: 'Coolant pump cavitation' }),
    )) as ExpertVerdict;
    expect(corrected).toMatchObject({ causeId: 'other', otherCause: 'Coolant pump cavitation' });
    expect(await api.call('verdicts.list', faulty.id)).toEqual([corrected, confirmed]);
    expect(await api.call('verdicts.listByMachine', demo.id)).toEqual([corrected, confirmed]);
  });

  it('refuses what the diagnosis contradicts, with a reason the page words', async () => {
    const same = await refusal(
      api.call(
        'verdicts.record',
        faulty.id,
        input({ decision: 'correct', causeId: 'lead-screw-contamination' }),
      ),
    );
    expect([same.code, same.reason]).toEqual(['invalid-input', 'verdict-same-cause']);
    const other = await refusal(
      api.call('verdicts.record', faulty.id, input({ causeId: 'unbalance' })),
    );
    expect(other.reason).toBe('verdict-not-top-cause');
  });

  it.each<[string, Partial<VerdictInput> | Record<string, unknown>]>([
    ['a correction without a cause', { decision: 'correct', causeId: null }],
    ["'other' without words", { decision: 'correct', causeId: 'other', otherCause: '  ' }],
    ['words without other', { decision: 'correct', causeId: 'belt', otherCause: 'x' }],
    ['a cause outside the vocabulary', { decision: 'correct', causeId: 'gremlins' }],
    ['no name', { expertName: '   ' }],
    ['a comment too long', { comment: 'x'.repeat(2001) }],
    ['an unknown field', { extra: 1 }],
  ])('refuses %s before it reaches the library', async (_what, change) => {
    const error = await refusal(api.call('verdicts.record', faulty.id, { ...input(), ...change }));
    expect(error.code).toBe('invalid-argument');
  });

  it('answers not-found for an unknown diagnosis or machine', async () => {
    for (const [method, id] of [
      ['verdicts.record', 'no-such-diagnosis'],
      ['verdicts.list', 'no-such-diagnosis'],
      ['verdicts.listByMachine', 'no-such-machine'],
    ] as const) {
      const args = method === 'verdicts.record' ? [id, input()] : [id];
      expect((await refusal(api.call(method, ...args))).code).toBe('not-found');
    }
  });
});
