import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../shared/audio/wavReader.ts';
import { WavFormatError } from '../../../shared/audio/wavErrors.ts';
import { chunk, ds64Payload, fmtPayload, riff, simpleWav } from '../../helpers/wavBytes.ts';

const SEEDS: Record<string, Uint8Array> = {
  'plain PCM': simpleWav({ format: 'pcm16', channelCount: 2, samples: [1, 2, 3, 4, 5, 6] }),
  'extensible float': simpleWav({ format: 'float32', extensible: true, samples: [0.5, -0.5] }),
  RF64: riff(
    [
      chunk('ds64', ds64Payload({ riffSize: 0, dataSize: 4, sampleCount: 2 })),
      chunk('fmt ', fmtPayload()),
      chunk('data', [1, 0, 2, 0], { sizeField: 0xffffffff }),
    ],
    { magic: 'RF64', sizeField: 0xffffffff },
  ),
};
const REPLACEMENTS = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];

/** Resolves to 'ok' or the error's code; anything but a WavFormatError fails the test. */
async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    const { info, samples } = await decodeWav(bytes);
    expect(samples.length).toBe(info.frameCount);
    expect(info.dataOffsetBytes + info.dataSizeBytes).toBeLessThanOrEqual(bytes.length);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(WavFormatError);
    const { byteOffset } = error as WavFormatError;
    expect(byteOffset).toBeGreaterThanOrEqual(0);
    expect(byteOffset).toBeLessThanOrEqual(bytes.length);
    return (error as WavFormatError).code;
  }
}

describe('decodeWav on damaged copies of valid files', () => {
  it.each(Object.keys(SEEDS))(
    'answers every single-byte change in the %s header with samples or a WavFormatError',
    async (name) => {
      const seed = SEEDS[name];
      const codes = new Set<string>();
      for (let at = 0; at < seed.length; at++) {
        for (const value of REPLACEMENTS) {
          const copy = seed.slice();
          copy[at] = value;
          codes.add(await outcome(copy));
        }
      }
      expect(codes.has('ok')).toBe(true);
      expect(codes.size).toBeGreaterThan(5);
    },
    5_000,
  );

  it.each(Object.keys(SEEDS))(
    'answers every truncation of the %s file with samples or a WavFormatError',
    async (name) => {
      const seed = SEEDS[name];
      for (let length = 0; length <= seed.length; length++) {
        await outcome(seed.subarray(0, length));
      }
      expect(await outcome(seed)).toBe('ok');
    },
    5_000,
  );
});
