/**
 * Honest edges through the service, as both hosts call it: a WAV file cut off before the length
 * its header announces is listed with a cut-off warning (and keeps it), and a stretch too short
 * to analyse is refused with its own length and the minimum, for the page to word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingSummary } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { recordingNotices } from '../../../shared/api/recordingNotices.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { truncatedWav } from '../../helpers/truncatedWav.ts';
import { openApiFixture } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let machineId: string;
let cut: RecordingSummary;

beforeAll(async () => {
  api = await openApiFixture();
  machineId = await api.library.store.machines.insert(simLatheProfile);
  cut = await api.importWav(machineId, 'cut.wav', truncatedWav(0.28, 12), 4096);
});
afterAll(() => api.close());

describe('a recording cut off before the length its header announces', () => {
  it('is imported with a cut-off warning: what it holds and what the header announced', () => {
    expect(cut.durationSeconds).toBeCloseTo(0.28, 6);
    expect(cut.warnings).toEqual([
      {
        code: 'cut-off',
        params: { durationSeconds: cut.durationSeconds, declaredDurationSeconds: 12 },
      },
    ]);
  });

  it('keeps the warning in the list, and is too short to analyse besides', async () => {
    const listed = (await api.call('recordings.list', machineId)) as RecordingSummary[];
    expect(listed).toEqual([cut]);
    expect(recordingNotices(listed[0]).map((notice) => notice.code)).toEqual([
      'cut-off',
      'too-short',
    ]);
  });

  it('refuses a stretch under 0.5 s with too-short and the length of that stretch', async () => {
    const error: unknown = await api.call('review.selection', cut.id, 0, 0.28).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).reason).toBe('too-short');
    expect((error as ApiError).params).toEqual({ durationSeconds: 0.28, minSeconds: 0.5 });
  });
});
