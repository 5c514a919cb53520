/**
 * The AAC track of an M4A file, as far as a browser needs it before decoding: the rate its
 * decoder outputs (the sample entry's, or the SBR rate its config signals), the channels its
 * sample entry declares and its duration. decodeAudioData resamples to its context's rate, so
 * the page must know the decoder's own rate before it decodes; the host reads
 * the same facts again to check the decoded audio it is sent (docs/formats.md, "Recordings from
 * phones"). Every box and sample table is checked by readMp4Audio first.
 */
import { aacOutput } from './aacConfig.ts';
import { CompressedFormatError, damaged } from './formatError.ts';
import { MAX_SAMPLE_RATE_HZ, MIN_SAMPLE_RATE_HZ } from './limits.ts';
import { readMp4Audio } from './mp4.ts';
import { MP4_FORMAT } from './mp4Boxes.ts';
import { sniffContent, SNIFF_BYTES } from './sniff.ts';

export interface AacTrack {
  /** 'm4a', or '3gp' for the rarer 3GP file holding AAC. */
  readonly container: 'm4a' | '3gp';
  /** The rate the decoder outputs: the SBR rate when the config signals SBR (aacConfig.ts). */
  readonly sampleRateHz: number;
  /** Samples one AAC frame decodes to at that rate: 1024, or 2048 with SBR. */
  readonly frameSamples: number;
  /**
   * What the sample entry says; encoders often write 2 for mono AAC (the field is a template in
   * ISO 14496-12), so the decoded audio's channel count is the one to trust.
   */
  readonly channelCount: number;
  readonly durationSeconds: number;
}

/** Whether `head` (a file's first bytes) starts an MP4 container (its 'ftyp' box). */
export function isMp4Container(head: Uint8Array): boolean {
  const sniffed = sniffContent(head.subarray(0, SNIFF_BYTES));
  return sniffed.kind === 'audio' && sniffed.container === 'mp4';
}

/**
 * The AAC track of the MP4 file `bytes`. Throws CompressedFormatError, one sentence: the file is
 * not an MP4 container, is damaged (boxes, sample tables, a rate outside 8–384 kHz), holds no
 * audio, or holds audio in another codec (AMR, MP3: the host decodes those itself).
 */
export function readAacTrack(bytes: Uint8Array): AacTrack {
  if (!isMp4Container(bytes)) {
    throw damaged(MP4_FORMAT, "it does not begin with an 'ftyp' box");
  }
  const audio = readMp4Audio(bytes);
  if (audio.codec !== 'aac') {
    throw new CompressedFormatError(
      'undecodable-codec',
      `the MP4 file holds ${audio.codec.toUpperCase()} audio, not AAC`,
      { codec: audio.codec },
    );
  }
  // The decoder's rate: an HE-AAC file's sample entry may hold its core rate, half of it.
  const output = aacOutput(audio.audioSpecificConfig, audio.sampleRateHz);
  const rate = output.sampleRateHz;
  if (rate < MIN_SAMPLE_RATE_HZ || rate > MAX_SAMPLE_RATE_HZ) {
    throw damaged(MP4_FORMAT, `its AAC sample entry declares a sample rate of ${rate} Hz`);
  }
  return {
    container: audio.container,
    sampleRateHz: rate,
    frameSamples: output.frameSamples,
    channelCount: audio.channelCount,
    durationSeconds: audio.durationSeconds,
  };
}
