/**
 * A phone recording's codec on its row, and the refusals of phone files, in both languages:
 * written from codes and numbers, never from the host's English.
 */
import { describe, expect, it } from 'vitest';
import { apiErrorSentence } from '../../../../renderer/api/errors.ts';
import { codecText, originalTitle } from '../../../../renderer/features/recordings/codecText.ts';
import { ApiError } from '../../../../shared/api/errors.ts';
import { translator } from '../../../helpers/translate.ts';

const english = translator('en');
const chinese = translator('zh-CN');

describe("a recording's codec", () => {
  it('reads "AAC 64 kbit/s, 44.1 kHz", with the page\'s punctuation in Chinese', () => {
    const codec = { code: 'aac', bitrateKbps: 64, sampleRateHz: 44_100, channelCount: 1 } as const;
    expect(codecText({ codec }, english, 'en')).toBe('AAC 64 kbit/s, 44.1 kHz');
    expect(codecText({ codec }, chinese, 'zh-CN')).toBe('AAC 64 kbit/s，44.1 kHz');
  });

  it('gives AMR its speech mode and a lossless codec no bit rate', () => {
    const amr = { code: 'amr-nb', bitrateKbps: 12.2, sampleRateHz: 8000, channelCount: 1 } as const;
    const flac = {
      code: 'flac',
      bitrateKbps: null,
      sampleRateHz: 16_000,
      channelCount: 1,
    } as const;
    expect(codecText({ codec: amr }, english, 'en')).toBe('AMR-NB 12.2 kbit/s, 8 kHz');
    expect(codecText({ codec: flac }, english, 'en')).toBe('FLAC, 16 kHz');
  });

  it('names WAV recordings as uncompressed, and a kept original by its format and size', () => {
    expect(codecText({ codec: null }, english, 'en')).toBe('WAV (uncompressed)');
    expect(codecText({ codec: null }, chinese, 'zh-CN')).toBe('WAV（未压缩）');
    const original = { format: '3gp', sizeBytes: 7010 } as const;
    expect(originalTitle({ original }, english, 'en')).toBe(
      'Decoded from a 3GP file of 0.1 MB, kept in the library',
    );
    expect(originalTitle({ original: null }, english, 'en')).toBeUndefined();
  });
});

describe('the refusal of a phone file', () => {
  const refusal = (reason: string, params: Record<string, string>) =>
    new ApiError('invalid-input', 'English for the log', { reason: reason as never, params });

  it("says what a file that is no recording is, in the page's words", () => {
    const error = refusal('unknown-format', { name: 'memo.mp3', what: 'pdf' });
    expect(apiErrorSentence(error, english)).toBe(
      '“memo.mp3” is not a recording Auscult reads: it is a PDF document. Auscult reads WAV, FLAC, MP3, Ogg (Opus, Vorbis), AMR and 3GP.',
    );
    expect(apiErrorSentence(error, chinese)).toContain('PDF 文档');
  });

  it("says what to do with AAC, and names a damaged file's format", () => {
    const aac = refusal('undecodable-codec', { name: 'memo.m4a', codec: 'aac' });
    expect(apiErrorSentence(aac, english)).toMatch(/holds AAC audio, .*convert it to WAV or FLAC/);
    expect(apiErrorSentence(aac, chinese)).toMatch(/AAC.*WAV 或 FLAC/);
    const cut = refusal('damaged-audio', { name: 'call.amr', format: 'AMR-NB' });
    expect(apiErrorSentence(cut, chinese)).toBe(
      '“call.amr”是损坏或不完整的 AMR-NB 文件，未导入任何内容。',
    );
  });
});
