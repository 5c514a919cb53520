/**
 * Reading WAV files in blocks: `openWav(source)` parses the header through a `ByteSource` and
 * returns a `WavReader` that decodes any range of frames on demand, so a multi-gigabyte recording
 * is never held in memory. `decodeWav(bytes)` is the one-call form for small files.
 *
 * Supported: PCM 8 (unsigned), 16, 24, 32 bit; IEEE float 32/64; WAVE_FORMAT_EXTENSIBLE with a
 * PCM or float subformat; 1 to 32 channels; 1 kHz to 768 kHz; RIFF, RF64 and BW64 (ds64).
 * Everything else, and every malformed file, is a `WavFormatError` (see wavErrors.ts); oddities
 * that do not stop reading (a wrong byte rate, a cut-off data chunk) land in `info.warnings`.
 * Output is mono Float32 (one channel, or the average of all): half the memory of Float64 and
 * more precision than any WAV integer format holds. scipy equivalent: scipy.io.wavfile.read
 * (without mmap), followed by normalisation and a channel mean.
 */
import type { ByteSource } from './byteSource.ts';
import { memoryByteSource } from './byteSource.ts';
import { WavFormatError } from './wavErrors.ts';
import { readWavLayout } from './wavHeader.ts';
import type { WavContainer } from './wavHeader.ts';
import { parseFmtChunk } from './wavFormat.ts';
import type { WavEncoding, WavFormat } from './wavFormat.ts';
import { resolveDataExtent } from './wavDataExtent.ts';
import { decodeFrames } from './sampleDecoding.ts';
import type { ChannelSelection } from './sampleDecoding.ts';

export type { ChannelSelection } from './sampleDecoding.ts';

export interface WavInfo {
  readonly container: WavContainer;
  readonly encoding: WavEncoding;
  readonly bitsPerSample: number;
  readonly channelCount: number;
  readonly sampleRateHz: number;
  /** Bytes per frame (one sample of every channel). */
  readonly blockAlignBytes: number;
  /** Where the first frame starts in the source. */
  readonly dataOffsetBytes: number;
  /** Bytes of whole frames that can be read (may be less than the chunk declares). */
  readonly dataSizeBytes: number;
  readonly frameCount: number;
  readonly durationSeconds: number;
  /**
   * What the data chunk's header announces when the file holds less (a recording cut off by a
   * crash or a copy that stopped early), else null: `durationSeconds` is what can be read.
   */
  readonly declaredDurationSeconds: number | null;
  /** True for WAVE_FORMAT_EXTENSIBLE; `channelMask` is its speaker mask (else null). */
  readonly extensible: boolean;
  readonly channelMask: number | null;
  /** Oddities that did not stop reading, one sentence each. */
  readonly warnings: readonly string[];
}

export interface ReadOptions {
  /** Channel index from 0, or 'mix' (default) for the average of all channels. */
  readonly channel?: ChannelSelection;
}

export interface BlockOptions extends ReadOptions {
  /** First frame to read; default 0. */
  readonly startFrame?: number;
  /** Frames to read in all; default up to the last frame. */
  readonly frameCount?: number;
}

export interface WavReader {
  readonly info: WavInfo;
  /**
   * Decodes `frameCount` frames from `startFrame` into a new mono Float32Array. Throws
   * RangeError when the range leaves `[0, info.frameCount]`, WavFormatError on a NaN/infinite
   * float sample (naming its byte) or when the source shrank.
   */
  readFrames(startFrame: number, frameCount: number, options?: ReadOptions): Promise<Float32Array>;
  /**
   * Yields consecutive mono blocks of `framesPerBlock` frames (the last one may be shorter);
   * each block is a new array the caller may keep. Reads the source in windows of about 1 MiB.
   */
  blocks(framesPerBlock: number, options?: BlockOptions): AsyncGenerator<Float32Array, void>;
}

export interface DecodedWav {
  readonly info: WavInfo;
  readonly samples: Float32Array;
}

/** Largest single read: bounds the transient byte buffer whatever range is asked for. */
const MAX_READ_BYTES = 4 * 1024 * 1024;
/** Target size of one read while iterating blocks: few reads, small buffers. */
const BLOCK_WINDOW_BYTES = 1024 * 1024;

/** Parses the header of the WAV file in `source`. Throws `WavFormatError` when malformed. */
export async function openWav(source: ByteSource): Promise<WavReader> {
  if (!Number.isSafeInteger(source?.sizeBytes) || source.sizeBytes < 0) {
    throw new TypeError('source must be a ByteSource with a non-negative integer sizeBytes');
  }
  const layout = await readWavLayout(source);
  const warnings = [...layout.warnings];
  const format = parseFmtChunk(
    layout.fmtPayload,
    layout.fmtChunk.offsetBytes,
    layout.fmtChunk.sizeBytes,
    warnings,
  );
  const extent = await resolveDataExtent(source, layout, format.blockAlignBytes, warnings);
  const info: WavInfo = {
    container: layout.container,
    encoding: format.encoding,
    bitsPerSample: format.bitsPerSample,
    channelCount: format.channelCount,
    sampleRateHz: format.sampleRateHz,
    blockAlignBytes: format.blockAlignBytes,
    dataOffsetBytes: extent.dataOffsetBytes,
    dataSizeBytes: extent.dataSizeBytes,
    frameCount: extent.frameCount,
    durationSeconds: extent.frameCount / format.sampleRateHz,
    declaredDurationSeconds:
      extent.declaredFrameCount === null ? null : extent.declaredFrameCount / format.sampleRateHz,
    extensible: format.extensible,
    channelMask: format.channelMask,
    warnings: Object.freeze(warnings),
  };
  return new SourceWavReader(source, info, format);
}

/** Decodes a whole WAV file held in memory to mono Float32 (see `openWav` for the rules). */
export async function decodeWav(bytes: Uint8Array, options: ReadOptions = {}): Promise<DecodedWav> {
  const reader = await openWav(memoryByteSource(bytes));
  const samples = await reader.readFrames(0, reader.info.frameCount, options);
  return { info: reader.info, samples };
}

class SourceWavReader implements WavReader {
  readonly info: WavInfo;
  readonly #source: ByteSource;
  readonly #format: WavFormat;

  constructor(source: ByteSource, info: WavInfo, format: WavFormat) {
    this.#source = source;
    this.info = info;
    this.#format = format;
  }

  async readFrames(
    startFrame: number,
    frameCount: number,
    options: ReadOptions = {},
  ): Promise<Float32Array> {
    const channel = this.#checkChannel(options.channel);
    this.#checkRange(startFrame, frameCount, 'startFrame', 'frameCount');
    const out = new Float32Array(frameCount);
    const framesPerRead = Math.max(1, Math.floor(MAX_READ_BYTES / this.info.blockAlignBytes));
    for (let done = 0; done < frameCount; done += framesPerRead) {
      const count = Math.min(framesPerRead, frameCount - done);
      const bytes = await this.#readBytes(startFrame + done, count);
      decodeFrames(bytes, this.#format, channel, out, done, this.#byteOffset(startFrame + done));
    }
    return out;
  }

  blocks(framesPerBlock: number, options: BlockOptions = {}): AsyncGenerator<Float32Array, void> {
    if (!Number.isSafeInteger(framesPerBlock) || framesPerBlock < 1) {
      throw new RangeError(`framesPerBlock must be a positive integer, got ${framesPerBlock}`);
    }
    const channel = this.#checkChannel(options.channel);
    const startFrame = options.startFrame ?? 0;
    const frameCount = options.frameCount ?? this.info.frameCount - startFrame;
    this.#checkRange(startFrame, frameCount, 'options.startFrame', 'options.frameCount');
    return this.#iterateBlocks(framesPerBlock, channel, startFrame, startFrame + frameCount);
  }

  async *#iterateBlocks(
    framesPerBlock: number,
    channel: ChannelSelection,
    startFrame: number,
    endFrame: number,
  ): AsyncGenerator<Float32Array, void> {
    const blockAlign = this.info.blockAlignBytes;
    const blocksPerWindow = Math.max(
      1,
      Math.floor(BLOCK_WINDOW_BYTES / (framesPerBlock * blockAlign)),
    );
    for (let frame = startFrame; frame < endFrame;) {
      if (framesPerBlock * blockAlign > MAX_READ_BYTES) {
        const count = Math.min(framesPerBlock, endFrame - frame);
        yield await this.readFrames(frame, count, { channel });
        frame += count;
        continue;
      }
      const windowFrames = Math.min(blocksPerWindow * framesPerBlock, endFrame - frame);
      const bytes = await this.#readBytes(frame, windowFrames);
      for (let first = 0; first < windowFrames; first += framesPerBlock) {
        const count = Math.min(framesPerBlock, windowFrames - first);
        const block = new Float32Array(count);
        const slice = bytes.subarray(first * blockAlign, (first + count) * blockAlign);
        decodeFrames(slice, this.#format, channel, block, 0, this.#byteOffset(frame + first));
        yield block;
      }
      frame += windowFrames;
    }
  }

  #byteOffset(frame: number): number {
    return this.info.dataOffsetBytes + frame * this.info.blockAlignBytes;
  }

  async #readBytes(startFrame: number, frameCount: number): Promise<Uint8Array> {
    const offset = this.#byteOffset(startFrame);
    const length = frameCount * this.info.blockAlignBytes;
    const bytes = await this.#source.read(offset, length);
    if (bytes.length < length) {
      throw new WavFormatError(
        'truncated-data',
        offset + bytes.length,
        `the source ended ${length - bytes.length} bytes early while reading audio; ` +
          'it shrank after it was opened',
      );
    }
    return bytes;
  }

  #checkChannel(channel: ChannelSelection | undefined): ChannelSelection {
    if (channel === undefined || channel === 'mix') return 'mix';
    if (!Number.isInteger(channel) || channel < 0 || channel >= this.info.channelCount) {
      throw new RangeError(
        `options.channel must be 'mix' or an integer from 0 to ${this.info.channelCount - 1}, ` +
          `got ${String(channel)}`,
      );
    }
    return channel;
  }

  #checkRange(startFrame: number, frameCount: number, startName: string, countName: string): void {
    const total = this.info.frameCount;
    if (!Number.isSafeInteger(startFrame) || startFrame < 0 || startFrame > total) {
      throw new RangeError(`${startName} must be an integer from 0 to ${total}, got ${startFrame}`);
    }
    if (!Number.isSafeInteger(frameCount) || frameCount < 0 || startFrame + frameCount > total) {
      throw new RangeError(
        `${countName} must be an integer from 0 to ${total - startFrame}, got ${frameCount}`,
      );
    }
  }
}
