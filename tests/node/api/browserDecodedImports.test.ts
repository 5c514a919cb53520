/**
 * AAC recordings decoded by the page (recordings.beginImport with browserDecoded): the upload is
 * the page's WAV followed by the original M4A. Node has no AAC decoder, so the WAV here is the
 * fixture's own source signal (the simulator makes it again), as a browser's decoding of the
 * fixture would give. The original is kept byte for byte, the codec reported, and every hostile
 * split refused in one sentence leaving nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { fixture } from '../audio/decoders/hostileFiles.ts';
import { libraryFiles, rowCount } from '../library/libraryFixtures.ts';
import { openApiFixture } from './apiFixtures.ts';
import type { ApiFixture } from './apiFixtures.ts';
import { joined, sourceWav as sourceWavOf, uploadBrowserDecoded } from './browserDecodedUpload.ts';

let api: ApiFixture;
let machineId: string;
beforeEach(async () => {
  api = await openApiFixture({ demo: false });
  machineId = await api.library.store.machines.insert(simLatheProfile);
});
afterEach(() => api.close());

const m4a = fixture('faulty.m4a');
const sourceWav = (rateHz = 44_100) => sourceWavOf('faulty', rateHz);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const upload = (name: string, bytes: Uint8Array, wavBytes: number | undefined) =>
  uploadBrowserDecoded(api.call, machineId, name, bytes, wavBytes);

async function expectNothingLeft() {
  expect(rowCount(api.library, 'recordings')).toBe(0);
  expect(await libraryFiles(api.library)).toEqual({ recordings: [], tmp: [] });
}

describe('an AAC recording decoded by the page', () => {
  it('is listed at the WAV’s rate with its AAC codec, the M4A kept byte for byte', async () => {
    const wav = sourceWav();
    const recording = await upload('memo.m4a', joined(wav, m4a), wav.length);
    expect(recording).toMatchObject({ name: 'memo.m4a', sampleRateHz: 44_100, channelCount: 1 });
    expect(recording.durationSeconds).toBe(4);
    // 33926 bytes over 4 s: 67.9 kbit/s, the container included (asked of the encoder: 64).
    expect(recording.codec).toEqual({
      code: 'aac',
      bitrateKbps: Math.round((m4a.length * 8) / 4 / 1000),
      sampleRateHz: 44_100,
      channelCount: 1,
    });
    expect(recording.original).toEqual({ format: 'm4a', sizeBytes: m4a.length });
    const key = await api.library.store.recordings.originalAudioKey(recording.id);
    const kept = new Uint8Array(await readFile(await api.library.audio.localPath(key!)));
    expect(sha256(kept)).toBe(sha256(m4a));
    const audio = new Uint8Array((await api.call('recordings.audio', recording.id)) as ArrayBuffer);
    expect(audio.length).toBe(wav.length);
    expect((await libraryFiles(api.library)).tmp).toEqual([]);
  });

  it('is still refused without browserDecoded, naming the app as what works', async () => {
    await expect(upload('memo.m4a', m4a, undefined)).rejects.toMatchObject({
      reason: 'undecodable-codec',
      message: expect.stringMatching(/import it in the app, whose page decodes AAC/),
    });
    await expectNothingLeft();
  });
});

describe('an M4A whose config signals HE-AAC (SBR) over a 22.05 kHz sample entry', () => {
  const sbr = new Uint8Array(
    readFileSync(join(import.meta.dirname, '../../fixtures/aac/sbr-signalled.m4a')),
  );

  it('is taken with a WAV at the SBR rate, 44.1 kHz, as the decoder gives it', async () => {
    const wav = sourceWav(44_100);
    const recording = await upload('he.m4a', joined(wav, sbr), wav.length);
    expect(recording.sampleRateHz).toBe(44_100);
    expect(recording.codec).toMatchObject({ code: 'aac', sampleRateHz: 44_100 });
  });

  it('allows three SBR frames of difference in length (2048 samples each), not more', async () => {
    const silence = (seconds: number) =>
      encodeWav([new Float32Array(Math.round(seconds * 44_100))], 44_100, { encoding: 'float32' });
    // The track lasts 4.046 s (its priming frame counted): 0.104 s off is within 0.139 s.
    const near = silence(4.15);
    expect((await upload('he.m4a', joined(near, sbr), near.length)).durationSeconds).toBe(4.15);
    const far = silence(4.2);
    await expect(upload('he2.m4a', joined(far, sbr), far.length)).rejects.toThrow(
      /does not match the M4A file/,
    );
  });

  it('is refused with a WAV at the core rate, half the band lost', async () => {
    const wav = sourceWav(22_050);
    await expect(upload('he.m4a', joined(wav, sbr), wav.length)).rejects.toThrow(
      /\(22050 Hz, 4\.000 s\) does not match the M4A file \(44100 Hz/,
    );
    await expectNothingLeft();
  });
});

describe('a hostile browser-decoded upload is refused in one sentence, leaving nothing', () => {
  const wav = sourceWav();
  const cases: [string, Uint8Array, number, RegExp][] = [
    [
      'wavBytes larger than the upload',
      joined(wav, m4a),
      wav.length + m4a.length + 1,
      /no WAV or no original/,
    ],
    [
      'wavBytes the whole upload',
      joined(wav, m4a),
      wav.length + m4a.length,
      /no WAV or no original/,
    ],
    ['wavBytes zero', joined(wav, m4a), 0, /wavBytes\) must be at least 44/],
    [
      'a tail that is text',
      joined(wav, new TextEncoder().encode('hello there, not audio')),
      wav.length,
      /what follows its decoded audio is not an M4A file/,
    ],
    ['a tail that is an MP3', joined(wav, fixture('faulty.mp3')), wav.length, /not an M4A file/],
    [
      'a tail that is a 3GP of AMR',
      joined(wav, fixture('faulty.3gp')),
      wav.length,
      /AMR-NB audio, not AAC/,
    ],
    ['a tail cut short', joined(wav, m4a.subarray(0, 1000)), wav.length, /damaged/],
    ['a split one byte off', joined(wav, m4a), wav.length - 1, /not an M4A file/],
    [
      'a WAV at another rate',
      joined(sourceWav(48_000), m4a),
      sourceWav(48_000).length,
      /does not match the M4A file/,
    ],
    [
      'a WAV of half the length',
      joined(sourceWav().subarray(0, 58 + 4 * 88_200), m4a),
      58 + 4 * 88_200,
      /does not match the M4A file/,
    ],
    [
      'a head that is not a WAV',
      joined(m4a, m4a),
      m4a.length,
      /cannot use recording "memo\.m4a": .*(RIFF|WAV)/,
    ],
  ];
  it.each(cases)('%s', async (_what, bytes, wavBytes, message) => {
    const refusal = upload('memo.m4a', bytes, wavBytes);
    const error = (await refusal.catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(message);
    // One sentence: no full stop inside, no second line.
    expect(error.message).not.toMatch(/\.\s+\S|\n/);
    await expectNothingLeft();
  });
});
