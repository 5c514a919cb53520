import { describe, expect, it } from 'vitest';
import { memoryByteSource } from '../../../shared/audio/byteSource.ts';
import { memoryByteSink } from '../../../shared/audio/byteSink.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import type { WavSampleEncoding } from '../../../shared/audio/sampleEncoding.ts';
import { applyWavRepair, planWavRepair, WavRepairError } from '../../../shared/audio/wavRepair.ts';
import { createWavWriter } from '../../../shared/audio/wavWriter.ts';
import { openWav } from '../../../shared/audio/wavReader.ts';

function ramp(channelCount: number, length: number): Float32Array[] {
  return Array.from({ length: channelCount }, (_, c) =>
    Float32Array.from({ length }, (_, i) => ((i * 37 + c * 11) % 200) / 256 - 0.4),
  );
}

function setU32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
}

function u32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset, true);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

/**
 * Plans and applies a repair; the repaired file must read back with the planned frame count and,
 * unless metadata the reader does not know stays after the audio, without a single warning.
 */
async function repair(bytes: Uint8Array, metadataAfterAudio = false) {
  const plan = await planWavRepair(memoryByteSource(bytes));
  const repaired = applyWavRepair(bytes, plan);
  const { info } = await openWav(memoryByteSource(repaired));
  expect(info.frameCount).toBe(plan.frameCount);
  expect(info.warnings.length).toBe(metadataAfterAudio ? 1 : 0);
  return { plan, repaired };
}

describe('planWavRepair', () => {
  it.each<[WavSampleEncoding, number]>([
    ['pcm16', 1],
    ['pcm16', 2],
    ['float32', 3],
  ])(
    'recovers every whole frame of a %s file cut anywhere in its audio (%i channels)',
    async (encoding, channelCount) => {
      const frames = 101;
      const whole = encodeWav(ramp(channelCount, frames), 8000, { encoding });
      const dataOffset = encoding === 'pcm16' ? 44 : 58;
      const blockAlign = whole.length === 0 ? 0 : (whole.length - dataOffset) / frames;
      // Stale sizes as a streaming writer leaves them: the header claims no audio yet.
      const stale = setU32(setU32(whole, 4, dataOffset - 8), dataOffset - 4, 0);
      for (let cut = dataOffset; cut <= whole.length; cut += 7) {
        const { plan, repaired } = await repair(stale.subarray(0, cut));
        const kept = Math.floor((cut - dataOffset) / blockAlign);
        expect(plan.frameCount).toBe(kept);
        expect(repaired).toEqual(encodeWav(ramp(channelCount, kept), 8000, { encoding }));
      }
    },
  );

  it('gives a header with data size 0 all the audio after it', async () => {
    const whole = encodeWav(ramp(2, 50), 16000);
    const { plan, repaired } = await repair(setU32(whole, 40, 0));
    expect(plan.changed).toBe(true);
    expect(plan.frameCount).toBe(50);
    expect(plan.notes.join('; ')).toMatch(/data size 0 → 200/);
    expect(repaired).toEqual(whole);
  });

  it('cuts a partial trailing frame and nothing else', async () => {
    const whole = encodeWav(ramp(2, 20), 8000);
    const withPartial = concat(setU32(setU32(whole, 4, 1000), 40, 1000), new Uint8Array([1, 2, 3]));
    const { plan, repaired } = await repair(withPartial);
    expect(plan.frameCount).toBe(20);
    expect(plan.truncateToBytes).toBe(whole.length);
    expect(plan.notes.join('; ')).toMatch(/partial frame of 3 bytes/);
    expect(repaired).toEqual(whole);
  });

  it.each<[string, Uint8Array]>([
    ['a pcm16 file', encodeWav(ramp(2, 30), 8000)],
    ['a float32 file', encodeWav(ramp(1, 30), 8000, { encoding: 'float32' })],
    ['an empty file', encodeWav([new Float32Array(0)], 8000)],
    [
      'a file with a LIST chunk after its audio',
      concat(
        setU32(encodeWav(ramp(1, 4), 8000), 4, 52 + 10 - 8),
        ascii('LIST'),
        new Uint8Array([2, 0, 0, 0, 65, 66]),
      ),
    ],
  ])('leaves %s that is already valid unchanged', async (_, bytes) => {
    const { plan, repaired } = await repair(bytes);
    expect(plan.changed).toBe(false);
    expect(plan.patches).toEqual([]);
    expect(plan.truncateToBytes).toBe(bytes.length);
    expect(repaired).toEqual(bytes);
  });

  it('fixes the 0xFFFFFFFF sizes of a WAV streamed to a pipe', async () => {
    const whole = encodeWav(ramp(1, 33), 8000);
    const { plan, repaired } = await repair(setU32(setU32(whole, 4, 0xffffffff), 40, 0xffffffff));
    expect(plan.frameCount).toBe(33);
    expect(repaired).toEqual(whole);
  });

  it('updates the fact chunk of a float32 file', async () => {
    const whole = encodeWav(ramp(2, 9), 8000, { encoding: 'float32' });
    const stale = setU32(setU32(setU32(whole, 4, 50), 46, 0), 54, 0);
    const { plan, repaired } = await repair(stale);
    expect(plan.notes.join('; ')).toMatch(/fact sample length 0 → 9/);
    expect(u32(repaired, 46)).toBe(9);
    expect(repaired).toEqual(whole);
  });

  it('recovers the audio a writer wrote but had not flushed yet', async () => {
    const sink = memoryByteSink();
    const writer = await createWavWriter(sink, {
      sampleRateHz: 8000,
      channelCount: 2,
      bufferBytes: 1,
    });
    await writer.append(ramp(2, 300));
    await writer.flush();
    await writer.append(ramp(2, 500).map((channel) => channel.subarray(300)));
    const killed = sink.bytes(); // never flushed: the header still says 300 frames
    expect(u32(killed, 40)).toBe(1200);
    const { plan, repaired } = await repair(killed);
    expect(plan.frameCount).toBe(500);
    expect(repaired).toEqual(encodeWav(ramp(2, 500), 8000));
  });

  it('takes unflushed audio for audio even when its first bytes spell a chunk id', async () => {
    // pcm16 samples 0x4241 0x4443 read as "ABCD"; the next two make a size far beyond the file.
    const header = setU32(encodeWav(ramp(1, 0), 8000), 4, 36);
    const audio = new Uint8Array([0x41, 0x42, 0x43, 0x44, 0x00, 0x00, 0x00, 0x70, 1, 0, 2, 0]);
    const { plan } = await repair(concat(header, audio));
    expect(plan.frameCount).toBe(6);
  });

  it('keeps an ID3 tag appended after the audio out of the audio', async () => {
    const whole = encodeWav(ramp(1, 10), 8000);
    const tagged = concat(whole, ascii('ID3'), new Uint8Array([4, 0, 0, 0, 0, 0, 0]));
    const { plan, repaired } = await repair(tagged, true);
    expect(plan.changed).toBe(false);
    expect(repaired).toEqual(tagged);
  });

  it('adds the pad byte an odd-sized data chunk needs', async () => {
    // 8-bit mono PCM (not written by Auscult, but repairable): 5 bytes of audio, sizes stale.
    const header = encodeWav(ramp(1, 0), 8000).slice();
    const view = new DataView(header.buffer);
    view.setUint32(28, 8000, true);
    view.setUint16(32, 1, true);
    view.setUint16(34, 8, true);
    const { plan, repaired } = await repair(
      concat(header, new Uint8Array([128, 129, 130, 131, 132])),
    );
    expect(plan.frameCount).toBe(5);
    expect(plan.truncateToBytes).toBe(44 + 6);
    expect(u32(repaired, 40)).toBe(5);
    expect(u32(repaired, 4)).toBe(42);
  });

  it('lowers a RIFF size that claims a trailing chunk cut short, keeping the audio', async () => {
    const audio = setU32(encodeWav(ramp(1, 4), 8000), 4, 4000);
    const cutList = concat(audio, ascii('LIST'), new Uint8Array([100, 0, 0, 0, 65]));
    const { plan } = await repair(cutList, true);
    expect(plan.dataSizeBytes).toBe(8);
    expect(plan.truncateToBytes).toBe(cutList.length);
    expect(plan.notes).toEqual([`RIFF size 4000 → ${cutList.length - 8}`]);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['a file without a data chunk', encodeWav(ramp(1, 3), 8000).subarray(0, 36), /no data chunk/],
    [
      'a header cut inside the data chunk header',
      encodeWav(ramp(1, 3), 8000).subarray(0, 40),
      /no data chunk/,
    ],
    ['an empty file', new Uint8Array(0), /RIFF\/WAVE/],
    ['an MP3', concat(ascii('ID3\u0004'), new Uint8Array(100)), /RIFF\/WAVE/],
    [
      'data before fmt',
      concat(ascii('RIFF'), new Uint8Array(4), ascii('WAVEdata'), new Uint8Array(4)),
      /before any fmt/,
    ],
    [
      'a compressed format',
      setU32(encodeWav(ramp(1, 3), 8000), 20, 2),
      /format tag 2 is compressed/,
    ],
    [
      'a fmt chunk of 8 bytes',
      setU32(encodeWav(ramp(1, 3), 8000), 16, 8),
      /fmt chunk holds 8 bytes/,
    ],
  ])('refuses %s with a clear error', async (_, bytes, message) => {
    const plan = planWavRepair(memoryByteSource(bytes));
    await expect(plan).rejects.toThrow(WavRepairError);
    await expect(plan).rejects.toThrow(message);
  });
});

describe('applyWavRepair', () => {
  it('refuses bytes of another length than the plan was made for', async () => {
    const bytes = encodeWav(ramp(1, 3), 8000);
    const plan = await planWavRepair(memoryByteSource(bytes));
    expect(() => applyWavRepair(bytes.subarray(1), plan)).toThrow(RangeError);
  });

  it('does not modify its input', async () => {
    const stale = setU32(encodeWav(ramp(1, 3), 8000), 40, 0);
    const before = stale.slice();
    await repair(stale);
    expect(stale).toEqual(before);
  });
});
