/**
 * The one error a malformed or unsupported WAV file produces.
 *
 * `code` is stable (tests, the CLI and the UI branch on it); `byteOffset` points at the first byte
 * of what is wrong: the field for a bad field value (a channel count, a sample), the chunk header
 * for a bad chunk (too small, cut off, an id that is not text), the end of the file for something
 * missing (no `fmt ` or `data` chunk). The message says what is wrong, in one sentence, and ends
 * with "(at byte N)".
 */
export class WavFormatError extends Error {
  readonly code: WavErrorCode;
  readonly byteOffset: number;

  constructor(code: WavErrorCode, byteOffset: number, detail: string) {
    super(`${detail} (at byte ${byteOffset})`);
    this.name = 'WavFormatError';
    this.code = code;
    this.byteOffset = byteOffset;
  }
}

export type WavErrorCode =
  /** The source has no bytes at all. */
  | 'empty-file'
  /** The first four bytes are not RIFF, RF64 or BW64 (an MP3, a text file, ...). */
  | 'not-riff'
  /** RIFX: a big-endian RIFF, which no recorder of ours writes. */
  | 'big-endian'
  /** Fewer than the 12 bytes of the RIFF header. */
  | 'truncated-header'
  /** A RIFF whose form type is not WAVE (AVI, RMID, ...). */
  | 'not-wave'
  /** The file ends inside an 8-byte chunk header. */
  | 'truncated-chunk-header'
  /** A chunk id that is not four printable ASCII characters: the chunk walk went astray. */
  | 'invalid-chunk-id'
  /** A chunk before the audio runs past the end of the file. */
  | 'truncated-chunk'
  /** More chunks before the audio than any real WAV file has. */
  | 'too-many-chunks'
  /** An RF64/BW64 file whose first chunk is not ds64. */
  | 'missing-ds64'
  /** A ds64 chunk shorter than its 28 fixed bytes. */
  | 'ds64-too-small'
  /** A 64-bit size too large to be a real position in a file (beyond 2^53). */
  | 'ds64-size-out-of-range'
  /** No `fmt ` chunk in the whole file. */
  | 'missing-fmt'
  /** A second `fmt ` chunk: which one describes the audio is unknowable. */
  | 'duplicate-fmt'
  /** The `data` chunk comes before any `fmt ` chunk. */
  | 'data-before-fmt'
  /** A `fmt ` chunk but no `data` chunk. */
  | 'missing-data'
  /** A `fmt ` chunk shorter than the 16 bytes every WAVEFORMAT has. */
  | 'fmt-too-small'
  /** A format code or subformat other than PCM or IEEE float (ADPCM, MP3, A-law, ...). */
  | 'unsupported-encoding'
  /** WAVE_FORMAT_EXTENSIBLE without the 22 extension bytes. */
  | 'extensible-too-small'
  /** WAVE_FORMAT_EXTENSIBLE with a subformat GUID outside the KSDATAFORMAT family. */
  | 'unknown-subformat'
  /** Zero channels, or more than the 32 the reader supports. */
  | 'invalid-channel-count'
  /** A sample rate outside 1 kHz to 768 kHz (including 0). */
  | 'unsupported-sample-rate'
  /** Bits per sample other than 8/16/24/32 (PCM) or 32/64 (float). */
  | 'unsupported-bit-depth'
  /** Block align differs from channels × bytes per sample. */
  | 'block-align-mismatch'
  /** A float sample that is NaN, infinite, or beyond the float32 range. */
  | 'invalid-sample'
  /** The source returned fewer bytes than its size promised (it shrank while being read). */
  | 'truncated-data';
