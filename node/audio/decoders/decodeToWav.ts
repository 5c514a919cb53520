/**
 * Decoding a phone recording (MP3, Ogg Opus or Vorbis, FLAC, AMR, MP4/3GP with MP3 or AMR) into
 * a float WAV file at the file's own rate and channel count, in every host the same way. The
 * file is checked in full first (shared/audio/compressed/), then decoded chunk by chunk into the
 * streaming WAV writer; a decoder that skips frames, or a result shorter or longer than the file
 * declares, refuses the file, and a refused file leaves no WAV behind.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import type { OriginalFormat, RecordingCodec } from '../../../shared/api/contract.ts';
import {
  CompressedFormatError,
  damaged,
  noAudio,
} from '../../../shared/audio/compressed/formatError.ts';
import { SNIFF_BYTES, sniffContent } from '../../../shared/audio/compressed/sniff.ts';
import type { AudioContainer, Sniffed } from '../../../shared/audio/compressed/sniff.ts';
import type { WavWriter } from '../../../shared/audio/wavWriter.ts';
import { createWavFileWriter } from '../wavFileWriter.ts';
import { planDecode } from './compressedInfo.ts';
import type { DecodePlan } from './compressedInfo.ts';
import { createChunkDecoder } from './wasmDecoders.ts';
import type { DecodedBlock } from './wasmDecoders.ts';

/** Compressed files are read whole: at most 512 MiB (days of phone audio). */
export const MAX_COMPRESSED_BYTES = 512 * 1024 ** 2;
/** Bytes handed to a decoder at a time. */
const CHUNK_BYTES = 256 * 1024;

export type CompressedContainer = Exclude<AudioContainer, 'wav'>;

export interface DecodedFile {
  readonly format: OriginalFormat;
  readonly codec: RecordingCodec;
  readonly frameCount: number;
}

/** What the file at `path` holds, from its first bytes. Rejects with the fs error. */
export async function sniffFile(path: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return sniffContent(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

const FORMAT_NAMES: Readonly<Record<OriginalFormat, string>> = {
  m4a: 'M4A',
  '3gp': '3GP',
  mp3: 'MP3',
  ogg: 'Ogg',
  flac: 'FLAC',
  amr: 'AMR-NB',
  awb: 'AMR-WB',
};

class WavSink {
  #writer: WavWriter | null = null;
  frames = 0;
  errors = 0;
  readonly path: string;
  readonly formatName: string;
  /** mpg123 gives a mono MP3 as two equal channels: the file's own count is kept. */
  readonly channelLimit: number;
  constructor(path: string, formatName: string, channelLimit: number) {
    this.path = path;
    this.formatName = formatName;
    this.channelLimit = channelLimit;
  }

  async take(block: DecodedBlock): Promise<void> {
    this.errors += block.errorCount;
    if (block.samplesDecoded === 0 || block.channelData.length === 0) return;
    const channels = block.channelData
      .slice(0, this.channelLimit)
      .map((c) => c.subarray(0, block.samplesDecoded));
    if (!this.#writer) {
      this.#writer = await createWavFileWriter(this.path, {
        sampleRateHz: block.sampleRate,
        channelCount: channels.length,
        encoding: 'float32',
      });
    } else if (
      block.sampleRate !== this.#writer.layout.sampleRateHz ||
      channels.length !== this.#writer.layout.channelCount
    ) {
      throw damaged(this.formatName, 'its sample rate or channel count changes part way');
    }
    await this.#writer.append(channels);
    this.frames += block.samplesDecoded;
  }

  get layout() {
    return this.#writer?.layout ?? null;
  }

  async finish(): Promise<void> {
    const writer = this.#writer;
    await writer?.finalize();
    this.#writer = null;
  }

  /** Closes and removes the WAV file, if this sink made one (never a file that was there). */
  async discard(): Promise<void> {
    if (!this.#writer) return;
    await this.#writer.finalize().catch(() => undefined);
    this.#writer = null;
    await rm(this.path, { force: true });
  }
}

function checkLength(plan: DecodePlan, sink: WavSink): void {
  const name = FORMAT_NAMES[plan.format];
  if (sink.errors > 0) throw damaged(name, `${sink.errors} of its frames cannot be decoded`);
  if ((sink.frames === 0 || !sink.layout) && plan.expectedFrames) {
    throw damaged(name, 'none of its audio frames can be decoded');
  }
  if (sink.frames === 0 || !sink.layout) throw noAudio(name);
  if (plan.expectedFrames === null) return;
  const rate = sink.layout.sampleRateHz;
  const seconds = (frames: number) => (frames / rate).toFixed(2);
  if (sink.frames < plan.expectedFrames - plan.toleranceFrames) {
    throw damaged(
      name,
      `it holds ${seconds(sink.frames)} s of the ${seconds(plan.expectedFrames)} s its header declares (cut off)`,
    );
  }
  if (sink.frames > plan.expectedFrames + plan.toleranceFrames) {
    throw damaged(
      name,
      `it holds more audio than the ${seconds(plan.expectedFrames)} s its header declares`,
    );
  }
}

async function runDecoder(plan: DecodePlan, sink: WavSink): Promise<void> {
  const decoder = await createChunkDecoder(plan.decoder);
  try {
    for (let at = 0; at < plan.input.length; at += CHUNK_BYTES) {
      await sink.take(await decoder.decode(plan.input.subarray(at, at + CHUNK_BYTES)));
    }
    await sink.take(await decoder.flush());
  } finally {
    decoder.free();
  }
}

/**
 * Decodes the compressed file at `sourcePath` (sniffed as `container`) into a new float WAV
 * file at `targetPath`. Resolves to its format, codec and length. Rejects with
 * CompressedFormatError for a file Auscult cannot use (nothing is left at `targetPath`), with
 * the fs error when a file cannot be read or written.
 */
export async function decodeToWavFile(
  sourcePath: string,
  targetPath: string,
  container: CompressedContainer,
): Promise<DecodedFile> {
  const sizeBytes = (await stat(sourcePath)).size;
  if (sizeBytes > MAX_COMPRESSED_BYTES) {
    throw new CompressedFormatError(
      'too-large',
      `it is too large to decode: ${sizeBytes} bytes, at most ${MAX_COMPRESSED_BYTES}`,
      { sizeBytes, maxBytes: MAX_COMPRESSED_BYTES },
    );
  }
  const bytes = new Uint8Array(await readFile(sourcePath));
  const plan = planDecode(bytes, container);
  const sink = new WavSink(targetPath, FORMAT_NAMES[plan.format], plan.codec.channelCount);
  try {
    await runDecoder(plan, sink);
    checkLength(plan, sink);
    const layout = sink.layout!;
    await sink.finish();
    const codec = {
      ...plan.codec,
      sampleRateHz: layout.sampleRateHz,
      channelCount: layout.channelCount,
    };
    return { format: plan.format, codec, frameCount: sink.frames };
  } catch (error) {
    await sink.discard();
    throw error;
  }
}
