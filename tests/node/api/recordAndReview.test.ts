/**
 * The Record and Review methods through dispatch, on a library with the demo machine (its
 * baseline was built from simulated healthy recordings): live sessions, review's spectrogram and
 * peaks, audioUrl and the fault log, with valid and invalid arguments (review.selection in
 * reviewSelection.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type {
  FaultLogEntry,
  MachineDetail,
  MachineSummary,
  RecordingSummary,
  SessionResult,
  SpectrogramView,
  StoredDiagnosis,
  WaveformPeaks,
} from '../../../shared/api/contract.ts';
import { demoLatheSamples } from '../../helpers/demoSession.ts';
import { openDemoAndMill, openForTheseTests, rejection } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';
import { recordInChunks } from './sessionRecording.ts';

let api: ApiFixture;
let demo: MachineSummary;
let bare: MachineDetail;
let contaminated: RecordingSummary;

openForTheseTests(openDemoAndMill, (opened) => ({ api, demo, bare, contaminated } = opened));

describe('sessions', () => {
  it('diagnoses a recorded lead-screw contamination against the demo baseline on Stop', async () => {
    const sent = demoLatheSamples(
      21,
      [{ kind: 'lead-screw-contamination', componentId: 'x-ballscrew' }],
      4,
    );
    const { sessionId, progress, result } = await recordInChunks(api, demo.id, sent);
    expect(progress.at(-1)).toEqual({ sessionId, writtenSeconds: 4 });
    expect(result.recording).toMatchObject({
      id: sessionId,
      machineId: demo.id,
      origin: 'recorded',
      durationSeconds: 4,
    });
    expect(result.diagnosis?.recordingId).toBe(sessionId);
    expect(result.diagnosis?.report.anomalous).toBe(true);
    expect(result.diagnosis?.report.causes[0].id).toBe('lead-screw-contamination');
    const stored = (await api.call('diagnoses.list', sessionId)) as StoredDiagnosis[];
    expect(stored.map((d) => d.id)).toEqual([result.diagnosis?.id]);
    const audio = (await api.call('recordings.audio', sessionId)) as ArrayBuffer;
    expect(new Float32Array(audio.slice(58))).toEqual(sent);
  }, 30_000);

  it('names no cause for a healthy recording of the demo machine', async () => {
    const { result } = await recordInChunks(api, demo.id, demoLatheSamples(22, [], 4));
    expect(result.diagnosis?.report.causes).toEqual([]);
  }, 30_000);

  it('stops without a diagnosis on a machine that has no baseline yet', async () => {
    const { result } = await recordInChunks(api, bare.id, new Float32Array(8000).fill(0.25), 8000);
    expect(result).toEqual({
      recording: expect.objectContaining({ machineId: bare.id, durationSeconds: 1 }),
      diagnosis: null,
    });
  });

  it('refuses a bad chunk with invalid-argument and keeps the session', async () => {
    const sessionId = (await api.call('sessions.start', bare.id, 8000)) as string;
    await api.call('sessions.append', sessionId, new Float32Array(800).buffer);
    const bad = [new ArrayBuffer(6), new Float32Array([1, Number.NaN]).buffer, new Uint8Array(8)];
    for (const chunk of bad) {
      expect((await rejection(api.call('sessions.append', sessionId, chunk))).code).toBe(
        'invalid-argument',
      );
    }
    await api.call('sessions.append', sessionId, new Float32Array(800).buffer);
    const result = (await api.call('sessions.stop', sessionId)) as SessionResult;
    expect(result.recording.durationSeconds).toBe(0.2);
  });

  it.each([
    ['start', ['mill!', 48000], 'invalid-argument', /machineId/],
    ['start', [null, 48000], 'invalid-argument', /machineId/],
    ['start', ['MACHINE', 7999], 'invalid-argument', /sampleRateHz\) must be at least 8000/],
    ['start', ['MACHINE', 192001], 'invalid-argument', /at most 192000/],
    ['start', ['MACHINE', 44100.5], 'invalid-argument', /whole number/],
    ['start', ['MACHINE'], 'invalid-argument', /takes 2 to 3 arguments/],
    ['start', ['no-such-machine', 48000], 'not-found', /no machine/],
    ['append', ['no-such-session', new ArrayBuffer(4)], 'not-found', /no recording session/],
    ['append', ['x', 'audio'], 'invalid-argument', /must be an ArrayBuffer/],
    ['stop', ['no-such-session'], 'not-found', /no recording session/],
    ['stop', [''], 'invalid-argument', /sessionId/],
  ])('sessions.%s(%j) fails with %s', async (verb, args, code, message) => {
    const resolved = args.map((a) => (a === 'MACHINE' ? bare.id : a));
    const error = await rejection(api.call(`sessions.${verb}`, ...resolved));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('recordings.audioUrl', () => {
  it('gives the media path of a recording, which the host serves with range requests', async () => {
    expect(await api.call('recordings.audioUrl', contaminated.id)).toBe(
      `/media/recordings/${contaminated.id}.wav`,
    );
  });

  it.each([
    [['nope'], 'not-found'],
    [['../auscult.db'], 'invalid-argument'],
    [[], 'invalid-argument'],
  ])('fails for %j with %s', async (args, code) => {
    expect((await rejection(api.call('recordings.audioUrl', ...args))).code).toBe(code);
  });
});

describe('review.spectrogram and review.peaks', () => {
  it('computes a spectrogram of the columns asked for, up to half the sample rate', async () => {
    const view = (await api.call('review.spectrogram', contaminated.id, 300)) as SpectrogramView;
    expect(view).toMatchObject({
      recordingId: contaminated.id,
      durationSeconds: 4,
      maxFrequencyHz: 24000,
      columnCount: 300,
      binCount: 256,
    });
    expect(view.valuesDb).toHaveLength(300 * 256);
    expect(view.valuesDb.every((v) => Number.isFinite(v) && v < 0)).toBe(true);
  });

  it('gives fewer columns than asked when the recording has fewer STFT frames', async () => {
    const view = (await api.call('review.spectrogram', contaminated.id, 4000)) as SpectrogramView;
    expect(view.columnCount).toBeLessThan(4000);
    expect(view.valuesDb).toHaveLength(view.columnCount * 256);
  });

  it('computes the waveform peaks in the buckets asked for', async () => {
    const view = (await api.call('review.peaks', contaminated.id, 1000)) as WaveformPeaks;
    expect(view.durationSeconds).toBe(4);
    expect(view.peaks).toHaveLength(1000);
    expect(view.peaks.every((p) => p > 0 && p <= 1)).toBe(true);
  });

  it.each([
    ['spectrogram', 0, 'invalid-argument'],
    ['spectrogram', 4001, 'invalid-argument'],
    ['spectrogram', 10.5, 'invalid-argument'],
    ['peaks', 0, 'invalid-argument'],
    ['peaks', 20001, 'invalid-argument'],
    ['peaks', '100', 'invalid-argument'],
  ])('review.%s refuses %j with %s', async (verb, count, code) => {
    expect((await rejection(api.call(`review.${verb}`, contaminated.id, count))).code).toBe(code);
  });

  it.each(['spectrogram', 'peaks'])(
    'review.%s answers an unknown recording with not-found',
    async (verb) => {
      expect((await rejection(api.call(`review.${verb}`, 'nope', 10))).code).toBe('not-found');
    },
  );
});

describe('faultLog', () => {
  it('saves a diagnosis with a note, its top cause filled in, and lists entries newest first', async () => {
    const diagnoses = (await api.call('diagnoses.list', contaminated.id)) as StoredDiagnosis[];
    const diagnosis = diagnoses[0];
    const first = (await api.call(
      'faultLog.add',
      diagnosis.id,
      'chips in the X screw',
      '  Li Wei ',
    )) as FaultLogEntry;
    const top = diagnosis.report.causes[0];
    expect(first).toEqual({
      id: expect.any(String),
      createdAt: expect.stringMatching(/^\d{4}-/),
      note: 'chips in the X screw',
      diagnosisId: diagnosis.id,
      machineId: demo.id,
      machineName: 'Demo lathe',
      recordingId: contaminated.id,
      recordingName: 'review-2.wav',
      anomalous: true,
      anomalyScore: diagnosis.report.anomalyScore,
      causeId: 'lead-screw-contamination',
      componentId: top.componentId,
      severity: top.severity,
      confidence: top.confidence,
      status: 'open',
      archived: false,
      recordedBy: 'Li Wei',
      followUpRecordingId: null,
    });
    const healthy = ((await api.call('recordings.list', demo.id)) as RecordingSummary[]).find(
      (r) => r.name === 'review-1.wav',
    ) as RecordingSummary;
    const [calm] = (await api.call('diagnoses.list', healthy.id)) as StoredDiagnosis[];
    const second = (await api.call('faultLog.add', calm.id, 'x'.repeat(2000), '')) as FaultLogEntry;
    expect(second).toMatchObject({
      anomalous: false,
      causeId: null,
      componentId: null,
      severity: null,
      confidence: null,
    });
    const list = (await api.call('faultLog.list')) as FaultLogEntry[];
    expect(list.map((e) => e.id)).toEqual([second.id, first.id]);
  });

  it.each([
    [['nope', 'note', ''], 'not-found'],
    [['nope', 'x'.repeat(2001), ''], 'invalid-argument'],
    [['nope', 5, ''], 'invalid-argument'],
    [['nope', 'note', 'x'.repeat(101)], 'invalid-argument'],
    [['nope', 'note'], 'invalid-argument'],
  ])('faultLog.add(%j) fails with %s', async (args, code) => {
    const shown = args.map((a) =>
      typeof a === 'string' && a.length > 50 ? `${a.length} chars` : a,
    );
    void shown;
    expect((await rejection(api.call('faultLog.add', ...args))).code).toBe(code);
  });

  it('faultLog.list takes no arguments', async () => {
    expect((await rejection(api.call('faultLog.list', 'x'))).code).toBe('invalid-argument');
  });
});
