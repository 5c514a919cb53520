/**
 * The store contract: the rows of LibraryStore (node/store/types.ts), machines, recordings,
 * baselines, diagnoses and settings, as tests that take a harness. Both stores run it
 * (sqliteStore.test.ts, postgresStore.test.ts) with the contract's other parts beside it.
 */
import type { RecordingSummary } from '../../../shared/api/contract.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../node/store/errors.ts';
import type { LibraryStore } from '../../../node/store/types.ts';
import { lathe, recordingRow, report, UUID } from './contractFixtures.ts';
import type { StoreHarness } from './contractFixtures.ts';

export function describeStoreContract(name: string, harness: StoreHarness): void {
  describe(`the store contract: ${name}`, () => {
    let store: LibraryStore;
    let reopen: () => Promise<LibraryStore>;
    beforeEach(async () => {
      ({ store, reopen } = await harness.fresh());
      return () => store.close();
    });

    it('keeps machines in the order they were added, with their profiles', async () => {
      const a = await store.machines.insert(lathe);
      const b = await store.machines.insert({ ...lathe, name: 'Lathe 2' }, { isDemo: true });
      expect((await store.machines.list()).map((m) => [m.id, m.name, m.isDemo])).toEqual([
        [a, 'Lathe 1', false],
        [b, 'Lathe 2', true],
      ]);
      expect(await store.machines.profile(a)).toEqual(lathe);
      expect(await store.machines.get(b)).toMatchObject({ recordingCount: 0, baseline: null });
      expect(await store.machines.exists(a)).toBe(true);
      expect(await store.machines.exists('no-such')).toBe(false);
    });

    it('gives every row a UUID, times and version 1, and a change version 2', async () => {
      const id = await store.machines.insert(lathe);
      const first = await store.machines.version(id);
      // The id the store handed out is the one it keeps (the clock makes UUIDs: storeSpecs.ts).
      expect(first.id).toBe(id);
      expect(id).toMatch(UUID);
      expect(first).toMatchObject({ version: 1, updatedAt: first.createdAt });
      expect(Date.parse(first.createdAt)).not.toBeNaN();
      await store.machines.updateProfile(id, { ...lathe, name: 'Renamed' });
      expect(await store.machines.version(id)).toMatchObject({ id, version: 2 });
      expect((await store.machines.get(id)).name).toBe('Renamed');
      await store.recordings.insert(recordingRow(crypto.randomUUID(), id, first.createdAt));
      const [recording] = await store.recordings.list(id);
      expect(await store.recordings.version(recording.id)).toMatchObject({ version: 1 });
    });

    it('answers NotFoundError for ids it does not hold', async () => {
      // Thunks, called one at a time: a store on a network rejects at its own pace, and a
      // rejection nobody awaits yet would be reported as unhandled.
      const checks: (() => Promise<unknown>)[] = [
        () => store.machines.get('nope'),
        () => store.machines.profile('nope'),
        () => store.machines.updateProfile('nope', lathe),
        () => store.recordings.get('nope'),
        () => store.recordings.list('nope'),
        () => store.diagnoses.get('nope'),
        () => store.diagnoses.list('nope'),
        () => store.faultLog.add({ machineId: 'nope', note: '' }),
        () => store.faultLog.summary('nope'),
      ];
      for (const check of checks) await expect(check()).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses a recording of a machine it does not hold', async () => {
      await expect(
        store.recordings.insert(recordingRow(crypto.randomUUID(), 'nope', '2026-01-01T00:00:00Z')),
      ).rejects.toThrow();
    });

    it('lists recordings oldest first and counts them on the machine', async () => {
      const machine = await store.machines.insert(lathe);
      const late = recordingRow(crypto.randomUUID(), machine, '2026-02-01T00:00:00.000Z');
      const early = recordingRow(crypto.randomUUID(), machine, '2026-01-01T00:00:00.000Z');
      await store.recordings.insert(late);
      await store.recordings.insert(early);
      expect(await store.recordings.list(machine)).toEqual([early, late]);
      expect(await store.recordings.get(late.id)).toEqual(late);
      expect((await store.machines.get(machine)).recordingCount).toBe(2);
    });

    it('keeps the warnings found when a recording entered the library, in order', async () => {
      const machine = await store.machines.insert(lathe);
      const cut = {
        ...recordingRow(crypto.randomUUID(), machine, '2026-01-01T00:00:00.000Z'),
        durationSeconds: 0.28,
        warnings: [
          {
            code: 'cut-off' as const,
            params: { durationSeconds: 0.28, declaredDurationSeconds: 12 },
          },
        ],
      };
      const whole = recordingRow(crypto.randomUUID(), machine, '2026-01-02T00:00:00.000Z');
      await store.recordings.insert(cut);
      await store.recordings.insert(whole);
      expect(await store.recordings.get(cut.id)).toEqual(cut);
      expect((await store.recordings.list(machine)).map((r) => r.warnings)).toEqual([
        cut.warnings,
        [],
      ]);
      const other = await reopen();
      try {
        expect((await other.recordings.get(cut.id)).warnings).toEqual(cut.warnings);
      } finally {
        await other.close();
      }
    });

    it('keeps the microphone calibration a recording was made through', async () => {
      const machine = await store.machines.insert(lathe);
      const calibrated: RecordingSummary = {
        ...recordingRow(crypto.randomUUID(), machine, '2026-01-01T00:00:00.000Z'),
        calibration: {
          fileName: 'umik-7000000.txt',
          sensitivityDbfs: -18.8,
          frequenciesHz: [10, 1000, 20000],
          responseDb: [-1.5, 0, 2.25],
        },
      };
      const plain = recordingRow(crypto.randomUUID(), machine, '2026-01-02T00:00:00.000Z');
      await store.recordings.insert(calibrated);
      await store.recordings.insert(plain);
      expect(await store.recordings.get(calibrated.id)).toEqual(calibrated);
      expect(await store.recordings.get(plain.id)).not.toHaveProperty('calibration');
      const other = await reopen();
      try {
        expect(await other.recordings.list(machine)).toEqual([calibrated, plain]);
      } finally {
        await other.close();
      }
    });

    it('gives a recording a calibration afterwards and takes it away, each a new version', async () => {
      const machine = await store.machines.insert(lathe);
      const row = recordingRow(crypto.randomUUID(), machine, '2026-01-01T00:00:00.000Z');
      await store.recordings.insert(row);
      const calibration = {
        fileName: 'memo-mic.txt',
        sensitivityDbfs: -30,
        frequenciesHz: [20, 1000, 20000],
        responseDb: [2, 0, -3.5],
      };
      await store.recordings.setCalibration(row.id, calibration);
      expect(await store.recordings.get(row.id)).toEqual({ ...row, calibration });
      expect(await store.recordings.version(row.id)).toMatchObject({ version: 2 });
      await store.recordings.setCalibration(row.id, null);
      expect(await store.recordings.get(row.id)).toEqual(row);
      expect(await store.recordings.version(row.id)).toMatchObject({ version: 3 });
      await expect(store.recordings.setCalibration('nope', calibration)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it("keeps a phone recording's codec and the key of its original file", async () => {
      const machine = await store.machines.insert(lathe);
      const phone: RecordingSummary = {
        ...recordingRow(crypto.randomUUID(), machine, '2026-01-01T00:00:00.000Z'),
        codec: { code: 'amr-nb', bitrateKbps: 12.2, sampleRateHz: 8000, channelCount: 1 },
        original: { format: '3gp', sizeBytes: 7010 },
      };
      await expect(store.recordings.insert(phone)).rejects.toThrow(/original file/);
      const wav = recordingRow(crypto.randomUUID(), machine, '2026-01-02T00:00:00.000Z');
      await expect(store.recordings.insert(wav, 'x-original')).rejects.toThrow(/original file/);
      await store.recordings.insert(phone, 'k-original');
      await store.recordings.insert(wav);
      expect(await store.recordings.get(phone.id)).toEqual(phone);
      expect(await store.recordings.originalAudioKey(phone.id)).toBe('k-original');
      expect(await store.recordings.originalAudioKey(wav.id)).toBeNull();
      const other = await reopen();
      try {
        expect(await other.recordings.list(machine)).toEqual([phone, wav]);
        expect(await other.recordings.originalAudioKey(phone.id)).toBe('k-original');
      } finally {
        await other.close();
      }
    });

    it('makes the latest baseline the current one', async () => {
      const machine = await store.machines.insert(lathe);
      expect(await store.baselines.current(machine)).toBeNull();
      const signature = { threshold: 3, sources: [{ name: 'a.wav' }], model: { x: 1 } };
      const first = await store.baselines.insert(machine, signature as never, ['r1']);
      const second = await store.baselines.insert(
        machine,
        { ...signature, threshold: 4 } as never,
        ['r2'],
      );
      expect(first).toMatchObject({ threshold: 3, recordingIds: ['r1'] });
      const current = await store.baselines.current(machine);
      expect(current?.summary).toEqual(second);
      expect(current?.signature).toEqual({ ...signature, threshold: 4 });
      expect(await store.baselines.currentSummary(machine)).toEqual(second);
      expect((await store.machines.get(machine)).hasBaseline).toBe(true);
    });

    it('keeps diagnoses with their region, newest first, and saves them to the fault log', async () => {
      const machine = await store.machines.insert(lathe);
      const recording = recordingRow(crypto.randomUUID(), machine, '2026-01-01T00:00:00.000Z');
      await store.recordings.insert(recording);
      const whole = await store.diagnoses.insert({
        recordingId: recording.id,
        machineId: machine,
        baselineId: null,
        report,
      });
      const region = { startSeconds: 0.25, endSeconds: 1.75 };
      const part = await store.diagnoses.insert({
        recordingId: recording.id,
        machineId: machine,
        baselineId: null,
        report,
        region,
      });
      expect(whole.region).toBeNull();
      expect(await store.diagnoses.get(part.id)).toEqual({ ...part, region });
      expect((await store.diagnoses.list(recording.id)).map((d) => d.id)).toEqual([
        part.id,
        whole.id,
      ]);
      const entry = await store.faultLog.add({
        machineId: machine,
        diagnosisId: part.id,
        recordingId: recording.id,
        causeId: 'unbalance',
        componentId: 'spindle',
        note: '轴承 noisy',
      });
      expect(await store.faultLog.listByMachine(machine)).toEqual([entry]);
      expect(await store.faultLog.summary(entry.id)).toMatchObject({
        machineName: 'Lathe 1',
        recordingName: recording.name,
        anomalyScore: 7.5,
        severity: 'serious',
        note: '轴承 noisy',
      });
      expect((await store.faultLog.summaries()).map((e) => e.id)).toEqual([entry.id]);
    });

    it('lists the settings whose key starts with a prefix, by key', async () => {
      await store.settings.set('micCalibration:b', '2');
      await store.settings.set('micCalibration:a', '1');
      await store.settings.set('micCalibrationX', 'other');
      await store.settings.set('language', 'en');
      // A prefix is text, not a pattern: no LIKE wildcard or regular expression in it works.
      await store.settings.set('m%', 'percent');
      expect(await store.settings.withPrefix('micCalibration:')).toEqual([
        { key: 'micCalibration:a', value: '1' },
        { key: 'micCalibration:b', value: '2' },
      ]);
      expect(await store.settings.withPrefix('m%')).toEqual([{ key: 'm%', value: 'percent' }]);
      expect(await store.settings.withPrefix('none:')).toEqual([]);
    });

    it('stores settings, and a new value replaces the old', async () => {
      expect(await store.settings.get('language')).toBeNull();
      await store.settings.set('language', 'zh-CN');
      await store.settings.set('language', 'en');
      expect(await store.settings.get('language')).toBe('en');
    });
  });
}
