/**
 * What dispatch refuses, and how: arguments of the wrong number, type or shape, ids that could be
 * paths; unknown ids, invalid profiles and recordings, failed jobs, unexpected failures (internal,
 * logged, without the stack), vanished audio. Every method of the contract is in dispatch.test.ts.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../node/api/dispatch.ts';
import { libraryFiles, simWav } from '../library/libraryFixtures.ts';
import { API_METHODS } from '../../../shared/api/methods.ts';
import { MAX_CHUNK_BYTES } from '../../../shared/api/limits.ts';
import { methodSpec } from '../../../shared/api/methods.ts';
import type { AuscultApi, MachineDetail, RecordingSummary } from '../../../shared/api/contract.ts';
import { openLatheAndMill, pollJob, rejection } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';

let api: ApiFixture;
let machine: MachineDetail;
let healthy: RecordingSummary;
let otherMachine: MachineDetail;

beforeAll(async () => {
  let recordings: RecordingSummary[];
  ({ api, machine, healthy: recordings, otherMachine } = await openLatheAndMill([1]));
  healthy = recordings[0];
}, 60_000);

afterAll(async () => {
  await api.close();
});

const PATH_LIKE_IDS = ['../auscult.db', 'a/b', '..', 'C:\\x', '', 'x'.repeat(65), 'id with space'];

describe('invalid arguments', () => {
  it.each<[string, unknown[], RegExp]>([
    ['machines.get', [], /machines\.get takes 1 argument \(machineId\), got 0 arguments/],
    ['machines.list', [1], /machines\.list takes no arguments, got 1 argument/],
    ['machines.get', [42], /argument 1 \(machineId\) must be a string id/],
    ...PATH_LIKE_IDS.map((id): [string, unknown[], RegExp] => [
      'recordings.audio',
      [id],
      /argument 1 \(recordingId\) must be an id of 1 to 64 letters/,
    ]),
    ['recordings.beginImport', ['m', 'a.wav', -1], /\(sizeBytes\) must not be negative/],
    ['recordings.beginImport', ['m', 'a.wav', 1.5], /\(sizeBytes\) must be a whole number/],
    ['recordings.beginImport', ['m', 'a.wav', Number.NaN], /\(sizeBytes\) must be a number/],
    ['recordings.beginImport', ['m', 'a.wav', Infinity], /\(sizeBytes\) must be a whole/],
    ['recordings.beginImport', ['m', 'a.wav', '10'], /\(sizeBytes\) must be a number/],
    ['recordings.beginImport', ['m', '', 10], /\(fileName\) must not be empty/],
    // browserDecoded may be left out, not followed by more, and holds only a whole wavBytes.
    [
      'recordings.beginImport',
      ['m', 'a.m4a', 10, null, 1],
      /takes 3 to 4 arguments \(machineId, fileName, sizeBytes, browserDecoded\), got 5/,
    ],
    ['recordings.beginImport', ['m', 'a.wav'], /takes 3 to 4 arguments .*, got 2 arguments/],
    ['recordings.beginImport', ['m', 'a.m4a', 99, { wavBytes: 43 }], /must be at least 44/],
    ['recordings.beginImport', ['m', 'a.m4a', 99, { wavBytes: 50.5 }], /must be a whole/],
    ['recordings.beginImport', ['m', 'a.m4a', 99, { wavBytes: 50, x: 1 }], /with wavBytes/],
    ['recordings.appendImport', ['i', new Uint8Array(4)], /\(chunk\) must be an ArrayBuffer/],
    ['recordings.appendImport', ['i', 'bytes'], /\(chunk\) must be an ArrayBuffer/],
    [
      'recordings.appendImport',
      ['i', new ArrayBuffer(MAX_CHUNK_BYTES + 1)],
      /\(chunk\) must be at most 16777216 bytes/,
    ],
    ['baselines.build', ['m', []], /\(recordingIds\) must name at least one recording/],
    ['baselines.build', ['m', ['a', 'a']], /\(recordingIds\) must not name a recording twice/],
    ['baselines.build', ['m', 'a'], /\(recordingIds\) must be an array of recording ids/],
    ['baselines.build', ['m', ['a', '../b']], /\(recordingIds\.1\) must be an id/],
    ['settings.set', [{ language: 'fr' }], /\(settings\.language\) must be one of en, zh-CN/],
    [
      'settings.set',
      [{ language: 'en', theme: 'dark' }],
      /\(settings\) must hold no field but language/,
    ],
    ['settings.set', [{}], /\(settings\.language\) is required/],
    ['settings.set', [[]], /\(settings\) must be an object/],
    ['settings.set', [null], /\(settings\) must be an object/],
  ])('refuses %s(%j)', async (method, args, message) => {
    const error = await rejection(api.call(method, ...args));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(message);
  });

  it.each<[string, unknown]>([
    ['an unknown method', 'machines.delete'],
    ['a method of Object.prototype', 'toString'],
    ['a prototype path', '__proto__.constructor'],
    ['not a string', 42],
  ])('refuses %s', async (_name, method) => {
    const error = await rejection(dispatch(api.service, method as string, []));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^There is no API method/);
  });

  it('refuses arguments that are not an array', async () => {
    const error = await rejection(dispatch(api.service, 'machines.get', { 0: machine.id }));
    expect(error).toMatchObject({ code: 'invalid-argument' });
    expect(error.message).toMatch(/machines\.get takes 1 argument/);
  });
});

describe('errors of valid calls', () => {
  it.each<[string, () => unknown[]]>([
    ['machines.get', () => ['no-such-machine']],
    ['machines.update', () => ['no-such-machine', { id: 'x', lineFrequencyHz: 50 }]],
    ['recordings.list', () => ['no-such-machine']],
    ['recordings.beginImport', () => ['no-such-machine', 'a.wav', 10]],
    ['recordings.finishImport', () => ['no-such-import']],
    ['recordings.audio', () => ['no-such-recording']],
    ['baselines.build', () => ['no-such-machine', [healthy.id]]],
    ['baselines.build', () => [otherMachine.id, [healthy.id]]],
    ['baselines.job', () => ['no-such-job']],
    ['baselines.spectrum', () => ['no-such-machine']],
    ['diagnoses.run', () => ['no-such-recording']],
    ['diagnoses.list', () => ['no-such-recording']],
  ])('%s of an unknown id is not-found', async (method, args) => {
    const error = await rejection(api.call(method, ...args()));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/no (such )?|there is no/i);
  });

  it('refuses an invalid profile with the field that is wrong', async () => {
    const error = await rejection(
      api.call('machines.create', { id: 'x', lineFrequencyHz: 55, shafts: [] }),
    );
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect(error.message).toMatch(/^the profile is invalid: lineFrequencyHz/);
  });

  it("refuses a malformed WAV with the reader's message and keeps nothing", async () => {
    const before = await libraryFiles(api.library);
    // A RIFF file that is no WAVE: the WAV reader's own sentence.
    const riff = new TextEncoder().encode('RIFF\u0024\u0000\u0000\u0000AVI LIST and more bytes');
    const error = await rejection(api.importWav(machine.id, 'notes.wav', riff));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^cannot use recording "notes\.wav": .*\(at byte \d+\)$/);
    expect(await libraryFiles(api.library)).toEqual(before);
    // Text is no recording at all: said so, by what it is.
    const text = new TextEncoder().encode('not a wav file at all');
    const refusal = await rejection(api.importWav(machine.id, 'notes.wav', text));
    expect(refusal.reason).toBe('unknown-format');
    expect(refusal.params).toEqual({ name: 'notes.wav', what: 'text' });
    expect(await libraryFiles(api.library)).toEqual(before);
  });

  it('refuses to diagnose a recording too short to analyse', async () => {
    const short = await api.importWav(
      otherMachine.id,
      'blip.wav',
      simWav({ seed: 3, durationSeconds: 0.2 }),
    );
    const error = await rejection(api.call('diagnoses.run', short.id));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe(
      'recording "blip.wav" is too short to analyse: 0.20 s, at least 0.5 s needed',
    );
    // The page's sentence comes from these, in its language; the name is the recording's.
    expect(error.reason).toBe('too-short');
    expect(error.params).toEqual({ name: 'blip.wav', durationSeconds: 0.2, minSeconds: 0.5 });
  });

  it('reports a failed baseline job in one sentence without a path', async () => {
    const short = (await api.call('recordings.list', otherMachine.id)) as RecordingSummary[];
    const jobId = (await api.call('baselines.build', otherMachine.id, [short[0].id])) as string;
    const seen = await pollJob(api.call, jobId);
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ state: 'failed', result: null });
    expect(last.error?.message).toMatch(/"blip\.wav" is too short/);
    expect(last.error?.message).not.toContain(api.library.home);
    expect(last.error).toMatchObject({ code: 'invalid-input', reason: 'too-short' });
    expect(JSON.stringify(last.error?.params)).not.toContain(api.library.home);
  });

  it('turns an unexpected failure into internal, logs it, and never sends the stack', async () => {
    const broken = {
      machines: {
        list: () =>
          Promise.reject(new Error('disk I/O error at /secret/path\n    at foo (x.ts:1)')),
      },
    } as unknown as AuscultApi;
    const logged: unknown[] = [];
    const error = await rejection(
      dispatch(broken, 'machines.list', [], { log: (_m, e) => logged.push(e) }),
    );
    expect(error.code).toBe('internal');
    expect(error.message).toBe(
      "machines.list failed because of an internal error; the host's log has the details.",
    );
    expect(error.stack ?? '').not.toContain('/secret/path');
    expect(logged).toHaveLength(1);
  });

  it('says so when the audio of a recording has vanished from the library folder', async () => {
    const [blip] = (await api.call('recordings.list', otherMachine.id)) as RecordingSummary[];
    await rm(api.library.audio.pathOf(blip.id));
    const audio = await rejection(api.call('recordings.audio', blip.id));
    expect(audio).toMatchObject({
      code: 'invalid-input',
      message: 'the audio of recording "blip.wav" is missing from the library folder',
    });
    const diagnosis = await rejection(api.call('diagnoses.run', blip.id));
    expect(diagnosis).toMatchObject({
      code: 'invalid-input',
      message: 'cannot read recording "blip.wav": no such file',
    });
  });

  it('rejects, never throws, when the service is called directly with unknown ids', async () => {
    const sample: Record<string, unknown> = {
      profile: { id: 'x', lineFrequencyHz: 50 },
      fileName: 'a.wav',
      sizeBytes: 10,
      chunk: new ArrayBuffer(1),
      recordingIds: ['no-such'],
      settings: { language: 'en' },
    };
    for (const method of API_METHODS) {
      const [domain, verb] = method.split('.');
      const args = methodSpec(method).args.map(([name]) => sample[name] ?? 'no-such');
      const fn = (
        api.service as unknown as Record<
          string,
          Record<string, (...callArgs: unknown[]) => unknown>
        >
      )[domain][verb];
      let result: unknown;
      expect(() => (result = fn(...args)), method).not.toThrow();
      expect(result, method).toBeInstanceOf(Promise);
      await (result as Promise<unknown>).catch(() => undefined);
    }
  });

  it('logged nothing for the expected failures above', () => {
    expect(api.logged).toEqual([]);
  });
});
