/**
 * What a compressed recording is, checked in full before any decoding (the pure checks of
 * shared/audio/compressed/): the decoder to use, the bytes to feed it, and what to expect.
 */
import type { OriginalFormat, RecordingCodec } from '../../../shared/api/contract.ts';
import { AMR_MAGIC, checkAmrFile, checkAmrFrames } from '../../../shared/audio/compressed/amr.ts';
import { checkFlac } from '../../../shared/audio/compressed/flac.ts';
import { CompressedFormatError } from '../../../shared/audio/compressed/formatError.ts';
import { checkMp3 } from '../../../shared/audio/compressed/mp3.ts';
import { readMp4Audio } from '../../../shared/audio/compressed/mp4.ts';
import type { Mp4Audio } from '../../../shared/audio/compressed/mp4.ts';
import { checkOgg } from '../../../shared/audio/compressed/ogg.ts';
import type { AudioContainer } from '../../../shared/audio/compressed/sniff.ts';
import type { DecoderKind } from './wasmDecoders.ts';

export interface DecodePlan {
  readonly decoder: DecoderKind;
  /** The bytes to decode, in the chunks to hand over (MP4 samples become a stream). */
  readonly input: Uint8Array;
  readonly format: OriginalFormat;
  /** The codec, with the rate and channels its headers declare (the decoder's output rules). */
  readonly codec: RecordingCodec;
  /** Frames the file declares, for the cut-off check; null when it does not say. */
  readonly expectedFrames: number | null;
  /** How far the decoded length may differ from expectedFrames: a codec frame and its delay. */
  readonly toleranceFrames: number;
}

const kbps = (bytes: number, seconds: number) =>
  seconds > 0 ? Math.round((bytes * 8) / seconds / 1000) : null;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function mp4Plan(bytes: Uint8Array): DecodePlan {
  const audio: Mp4Audio = readMp4Audio(bytes);
  const samples = audio.sampleOffsets.map((offset, i) =>
    bytes.subarray(offset, offset + audio.sampleSizes[i]),
  );
  if (audio.codec === 'aac') {
    throw new CompressedFormatError(
      'undecodable-codec',
      `it holds AAC audio (an ${audio.container} file), which cannot be decoded here: no AAC decoder under a licence Auscult may ship runs in Node; import it in the app, whose page decodes AAC, or convert it to WAV or FLAC first`,
      { codec: 'aac' },
    );
  }
  const payload = concat(samples);
  const codecBase = { sampleRateHz: audio.sampleRateHz, channelCount: audio.channelCount };
  if (audio.codec === 'mp3') {
    const info = checkMp3(payload);
    return {
      decoder: 'mp3',
      input: payload,
      format: audio.container,
      codec: {
        code: 'mp3',
        bitrateKbps: info.bitrateKbps,
        ...codecBase,
        channelCount: info.channelCount,
      },
      expectedFrames: Math.round(info.durationSeconds * info.sampleRateHz),
      toleranceFrames: 3 * 1152,
    };
  }
  const info = checkAmrFrames(payload, audio.codec);
  return {
    decoder: 'amr',
    input: concat([new TextEncoder().encode(AMR_MAGIC[audio.codec]), payload]),
    format: audio.container,
    codec: {
      code: audio.codec,
      bitrateKbps: info.bitrateKbps,
      sampleRateHz: info.sampleRateHz,
      channelCount: 1,
    },
    expectedFrames: Math.round(info.durationSeconds * info.sampleRateHz),
    toleranceFrames: info.sampleRateHz / 50,
  };
}

/** The decode plan for `bytes`, whose content was sniffed as `container`; throws CompressedFormatError. */
export function planDecode(
  bytes: Uint8Array,
  container: Exclude<AudioContainer, 'wav'>,
): DecodePlan {
  switch (container) {
    case 'mp4':
      return mp4Plan(bytes);
    case 'ogg': {
      const info = checkOgg(bytes);
      return {
        decoder: info.codec,
        input: bytes,
        format: 'ogg',
        codec: {
          code: info.codec,
          bitrateKbps: kbps(info.payloadBytes, info.durationSeconds),
          sampleRateHz: info.sampleRateHz,
          channelCount: info.channelCount,
        },
        expectedFrames: Math.round(info.durationSeconds * info.sampleRateHz),
        toleranceFrames: info.codec === 'opus' ? 2880 : 4096,
      };
    }
    case 'flac': {
      const info = checkFlac(bytes);
      return {
        decoder: 'flac',
        input: bytes,
        format: 'flac',
        codec: {
          code: 'flac',
          bitrateKbps: null,
          sampleRateHz: info.sampleRateHz,
          channelCount: info.channelCount,
        },
        expectedFrames: info.totalSamples,
        toleranceFrames: 0,
      };
    }
    case 'mp3': {
      const info = checkMp3(bytes);
      return {
        decoder: 'mp3',
        input: bytes,
        format: 'mp3',
        codec: {
          code: 'mp3',
          bitrateKbps: info.bitrateKbps,
          sampleRateHz: info.sampleRateHz,
          channelCount: info.channelCount,
        },
        expectedFrames: Math.round(info.durationSeconds * info.sampleRateHz),
        toleranceFrames: 3 * 1152,
      };
    }
    case 'amr-nb':
    case 'amr-wb': {
      const info = checkAmrFile(bytes, container);
      return {
        decoder: 'amr',
        input: bytes,
        format: container === 'amr-nb' ? 'amr' : 'awb',
        codec: {
          code: container,
          bitrateKbps: info.bitrateKbps,
          sampleRateHz: info.sampleRateHz,
          channelCount: 1,
        },
        expectedFrames: Math.round(info.durationSeconds * info.sampleRateHz),
        toleranceFrames: info.sampleRateHz / 50,
      };
    }
  }
}
