import { describe, expect, it } from 'vitest';
import { encodeWav, wavHeaderBytes, wavWriteLayout } from '../../../shared/audio/wavEncoder.ts';
import { floatToFiniteFloat32, floatToPcm16 } from '../../../shared/audio/sampleEncoding.ts';
import { decodeWav } from '../../../shared/audio/wavReader.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fields(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  return { view, text };
}

describe('encodeWav', () => {
  // Both expected files are what scipy.io.wavfile.write produces for the same samples.
  it('writes the exact bytes of a tiny stereo pcm16 file', () => {
    const left = new Float32Array([0, 32767 / 32768]);
    const right = new Float32Array([-1, 1 / 32768]);
    const bytes = encodeWav([left, right], 8000, { encoding: 'pcm16' });
    expect(hex(bytes)).toBe(
      '524946462c00000057415645666d74201000000001000200401f0000007d0000040010006461746108000000' +
        '00000080ff7f0100',
    );
  });

  it('writes the exact bytes of a tiny stereo float32 file, with a fact chunk', () => {
    const left = new Float32Array([0.5, 2]);
    const right = new Float32Array([-1, 0.25]);
    const bytes = encodeWav([left, right], 8000, { encoding: 'float32' });
    expect(hex(bytes)).toBe(
      '524946464200000057415645666d74201200000003000200401f000000fa00000800200000006661637404000000' +
        '0200000064617461100000000000003f000080bf000000400000803e',
    );
  });

  it('puts each pcm16 header field where RIFF/WAVE defines it', () => {
    const channels = [new Float64Array(5), new Float64Array(5), new Float64Array(5)];
    const bytes = encodeWav(channels, 48000);
    const { view, text } = fields(bytes);
    expect(bytes.length).toBe(44 + 5 * 3 * 2);
    expect(text(0)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(text(8)).toBe('WAVE');
    expect(text(12)).toBe('fmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1); // WAVE_FORMAT_PCM
    expect(view.getUint16(22, true)).toBe(3);
    expect(view.getUint32(24, true)).toBe(48000);
    expect(view.getUint32(28, true)).toBe(48000 * 6);
    expect(view.getUint16(32, true)).toBe(6);
    expect(view.getUint16(34, true)).toBe(16);
    expect(text(36)).toBe('data');
    expect(view.getUint32(40, true)).toBe(30);
  });

  it('puts each float32 header field where RIFF/WAVE defines it', () => {
    const bytes = encodeWav([new Float32Array(7)], 44100, { encoding: 'float32' });
    const { view, text } = fields(bytes);
    expect(bytes.length).toBe(58 + 7 * 4);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(view.getUint32(16, true)).toBe(18);
    expect(view.getUint16(20, true)).toBe(3); // WAVE_FORMAT_IEEE_FLOAT
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(28, true)).toBe(44100 * 4);
    expect(view.getUint16(32, true)).toBe(4);
    expect(view.getUint16(34, true)).toBe(32);
    expect(view.getUint16(36, true)).toBe(0); // cbSize
    expect(text(38)).toBe('fact');
    expect(view.getUint32(42, true)).toBe(4);
    expect(view.getUint32(46, true)).toBe(7);
    expect(text(50)).toBe('data');
    expect(view.getUint32(54, true)).toBe(28);
  });

  it('interleaves 32 channels frame by frame', () => {
    const channels = Array.from({ length: 32 }, (_, c) => new Float32Array([c / 64, -c / 64]));
    const bytes = encodeWav(channels, 1000);
    const { view } = fields(bytes);
    for (let c = 0; c < 32; c++) {
      expect(view.getInt16(44 + 2 * c, true)).toBe(c * 512);
      expect(view.getInt16(44 + 64 + 2 * c, true)).toBe(c === 0 ? 0 : -c * 512);
    }
  });

  it('writes a valid header for zero frames', () => {
    const bytes = encodeWav([new Float32Array(0)], 8000);
    expect(bytes.length).toBe(44);
    expect(new DataView(bytes.buffer).getUint32(40, true)).toBe(0);
  });

  it('does not modify its input', () => {
    const input = new Float32Array([0.1, 5, Number.NaN]);
    encodeWav([input], 8000);
    expect(Array.from(input)).toEqual([Math.fround(0.1), 5, Number.NaN]);
  });

  it.each([
    ['channels', () => encodeWav([], 8000), RangeError],
    ['channels', () => encodeWav(new Array(33).fill(new Float32Array(1)), 8000), RangeError],
    ['channels[1]', () => encodeWav([new Float32Array(2), new Float32Array(3)], 8000), RangeError],
    ['channels[0]', () => encodeWav([[0.5] as unknown as Float32Array], 8000), TypeError],
    ['sampleRateHz', () => encodeWav([new Float32Array(1)], 0), RangeError],
    ['sampleRateHz', () => encodeWav([new Float32Array(1)], 44100.5), RangeError],
    ['sampleRateHz', () => encodeWav([new Float32Array(1)], 999), RangeError],
    ['sampleRateHz', () => encodeWav([new Float32Array(1)], 768001), RangeError],
    [
      'encoding',
      () => encodeWav([new Float32Array(1)], 8000, { encoding: 'pcm24' as 'pcm16' }),
      RangeError,
    ],
  ])('rejects a bad %s', (name, call, errorType) => {
    expect(call).toThrow(errorType);
    expect(call).toThrow(name);
  });
});

describe('floatToPcm16', () => {
  it.each([
    [0, 0],
    [0.5, 16384],
    [-0.5, -16384],
    [-1, -32768],
    [1, 32767], // clipped: +1.0 would be 32768
    [32767 / 32768, 32767],
    [1.5, 32767],
    [-7, -32768],
    [Infinity, 32767],
    [-Infinity, -32768],
    [Number.NaN, 0],
    [1.4 / 32768, 1],
    [1.6 / 32768, 2],
    [-1.6 / 32768, -2],
  ])('maps %f to %i (round(x·32768), clipped)', (x, expected) => {
    expect(floatToPcm16(x)).toBe(expected);
  });
});

describe('floatToFiniteFloat32', () => {
  it.each([
    [0.1, Math.fround(0.1)],
    [-2.5, -2.5],
    [1e39, 3.4028234663852886e38],
    [-Infinity, -3.4028234663852886e38],
    [Number.NaN, 0],
  ])('stores %f as %f', (x, expected) => {
    expect(floatToFiniteFloat32(x)).toBe(expected);
  });
});

/** Deterministic noise spanning more than [-1, 1], to exercise clipping as well. */
function noise(length: number, seed: number, amplitude: number): Float64Array {
  const out = new Float64Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    out[i] = amplitude * (2 * (state / 2 ** 32) - 1);
  }
  return out;
}

describe('encodeWav → decodeWav (the reader)', () => {
  it.each([1, 2, 5])(
    'gives back pcm16 samples within 1/32768 (%i channels)',
    async (channelCount) => {
      const channels = Array.from({ length: channelCount }, (_, c) => noise(4000, c + 1, 1));
      const bytes = encodeWav(channels, 48000, { encoding: 'pcm16' });
      for (let c = 0; c < channelCount; c++) {
        const { info, samples } = await decodeWav(bytes, { channel: c });
        expect(info.frameCount).toBe(4000);
        expect(info.warnings).toEqual([]);
        let worst = 0;
        for (let i = 0; i < samples.length; i++) {
          worst = Math.max(worst, Math.abs(samples[i] - channels[c][i]));
        }
        expect(worst).toBeLessThanOrEqual(1 / 32768);
        expect(worst).toBeGreaterThan(0.4 / 32768); // the bound is tight, not vacuous
      }
    },
  );

  it('clips pcm16 samples beyond ±1 to the integer range', async () => {
    const { samples } = await decodeWav(encodeWav([new Float32Array([3, -3])], 8000));
    expect(Array.from(samples)).toEqual([32767 / 32768, -1]);
  });

  it.each([1, 3])('gives back float32 samples exactly (%i channels)', async (channelCount) => {
    const channels = Array.from({ length: channelCount }, (_, c) =>
      Float32Array.from(noise(3000, c + 9, 4)),
    );
    const bytes = encodeWav(channels, 96000, { encoding: 'float32' });
    for (let c = 0; c < channelCount; c++) {
      const { info, samples } = await decodeWav(bytes, { channel: c });
      expect(info.sampleRateHz).toBe(96000);
      expect(info.encoding).toBe('float');
      expectArraysClose(samples, channels[c], 0);
    }
  });
});

describe('wavHeaderBytes', () => {
  it('refuses a frame count whose data would not fit in a 32-bit RIFF size', () => {
    const layout = wavWriteLayout(48000, 2, 'pcm16');
    expect(() => wavHeaderBytes(layout, layout.maxDataBytes / 4)).not.toThrow();
    expect(() => wavHeaderBytes(layout, layout.maxDataBytes / 4 + 1)).toThrow(RangeError);
  });
});
