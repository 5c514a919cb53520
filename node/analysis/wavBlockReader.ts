/**
 * Reading a frame range of a WAV file into one reused buffer: the hot loop of a range worker.
 *
 * `openWavFile(...).blocks()` hands out a new Float32Array per block and a new byte buffer per
 * read, which is right for callers that keep blocks; a worker that streams ten minutes of audio
 * through a Welch sum keeps none, and that garbage alone lifted the benchmark's peak RSS past
 * 200 MB (the collector frees external buffers late). The header is parsed by the shared reader.
 *
 * Blocks are Float64Array, like the envelope samples the same worker computes, so the shared
 * Welch kernel sees one array type (monomorphic element access: measurably faster in V8).
 * 16-bit PCM, by far the commonest recording format, is decoded through an Int16Array view; the
 * other formats go through the shared `decodeFrames`. Both use the same scaling (x / 32768).
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { decodeFrames } from '../../shared/audio/sampleDecoding.ts';
import { WavFormatError } from '../../shared/audio/wavErrors.ts';
import { openWav } from '../../shared/audio/wavReader.ts';
import { fileHandleByteSource, readAt } from '../audio/fileByteSource.ts';
import type { ChannelSelection, WavInfo } from '../../shared/audio/wavReader.ts';

export interface WavBlockReader {
  readonly info: WavInfo;
  /**
   * Yields frames [startFrame, endFrame) as consecutive mono blocks of up to `framesPerBlock`
   * frames (one channel, or the mean of all with 'mix'). Every block is a view of the same
   * buffer, overwritten by the next one: consume or copy it before asking for the next.
   * Throws RangeError for a range outside the file or a channel it does not have.
   */
  blocks(
    startFrame: number,
    endFrame: number,
    framesPerBlock: number,
    channel: ChannelSelection,
  ): AsyncGenerator<Float64Array, void>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Fills `bytes` from `position`; the file ending first means it shrank after it was opened. */
async function readFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  const filled = await readAt(handle, bytes, position);
  if (filled < bytes.length) {
    throw new WavFormatError(
      'truncated-data',
      position + filled,
      `the file ended ${bytes.length - filled} bytes early while reading audio; it shrank after it was opened`,
    );
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** 16-bit PCM straight from an Int16Array view (the byte buffer starts at an even address). */
function decodePcm16(
  bytes: Uint8Array,
  channelCount: number,
  channel: ChannelSelection,
  out: Float64Array,
  frameCount: number,
): void {
  const pcm = new Int16Array(bytes.buffer, bytes.byteOffset, frameCount * channelCount);
  if (channelCount === 1) {
    for (let i = 0; i < frameCount; i++) out[i] = pcm[i] / 32768;
  } else if (channel !== 'mix') {
    for (let i = 0; i < frameCount; i++) out[i] = pcm[i * channelCount + channel] / 32768;
  } else {
    const scale = 1 / (32768 * channelCount);
    for (let i = 0; i < frameCount; i++) {
      let sum = 0;
      for (let c = 0; c < channelCount; c++) sum += pcm[i * channelCount + c];
      out[i] = sum * scale;
    }
  }
}

/** Throws RangeError naming the first argument of `blocks` that does not fit the file. */
function checkBlockArguments(
  info: WavInfo,
  startFrame: number,
  endFrame: number,
  framesPerBlock: number,
  channel: ChannelSelection,
): void {
  const ordered =
    Number.isSafeInteger(startFrame) &&
    Number.isSafeInteger(endFrame) &&
    0 <= startFrame &&
    startFrame <= endFrame &&
    endFrame <= info.frameCount;
  if (!ordered) {
    throw new RangeError(
      `WavBlockReader.blocks: need 0 <= startFrame <= endFrame <= ${info.frameCount}, got ${startFrame}, ${endFrame}`,
    );
  }
  if (!Number.isSafeInteger(framesPerBlock) || framesPerBlock < 1) {
    throw new RangeError(`WavBlockReader.blocks: framesPerBlock must be an integer >= 1`);
  }
  const validChannel =
    channel === 'mix' || (Number.isInteger(channel) && channel >= 0 && channel < info.channelCount);
  if (!validChannel) {
    throw new RangeError(
      `WavBlockReader.blocks: channel must be 'mix' or an integer from 0 to ${info.channelCount - 1}, got ${String(channel)}`,
    );
  }
}

/** Opens `path` and parses its header (WavFormatError when malformed; the file is closed then). */
export async function openWavBlockReader(path: string): Promise<WavBlockReader> {
  const handle = await open(path, 'r');
  let info: WavInfo;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new TypeError(`path must name a regular file: ${path}`);
    info = (await openWav(fileHandleByteSource(path, handle, stats.size))).info;
  } catch (error) {
    await handle.close();
    throw error;
  }
  const fastPcm16 = LITTLE_ENDIAN && info.encoding === 'pcm' && info.bitsPerSample === 16;
  let bytes = new Uint8Array(0);
  let decoded = new Float32Array(0);
  let samples = new Float64Array(0);
  async function* blocks(
    startFrame: number,
    endFrame: number,
    framesPerBlock: number,
    channel: ChannelSelection,
  ): AsyncGenerator<Float64Array, void> {
    checkBlockArguments(info, startFrame, endFrame, framesPerBlock, channel);
    const align = info.blockAlignBytes;
    if (bytes.length < framesPerBlock * align) bytes = new Uint8Array(framesPerBlock * align);
    if (samples.length < framesPerBlock) samples = new Float64Array(framesPerBlock);
    if (!fastPcm16 && decoded.length < framesPerBlock) decoded = new Float32Array(framesPerBlock);
    for (let frame = startFrame; frame < endFrame; frame += framesPerBlock) {
      const count = Math.min(framesPerBlock, endFrame - frame);
      const position = info.dataOffsetBytes + frame * align;
      const view = bytes.subarray(0, count * align);
      await readFully(handle, view, position);
      if (fastPcm16) decodePcm16(view, info.channelCount, channel, samples, count);
      else {
        decodeFrames(view, info, channel, decoded, 0, position);
        for (let i = 0; i < count; i++) samples[i] = decoded[i];
      }
      yield samples.subarray(0, count);
    }
  }
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => (closing ??= handle.close());
  return { info, blocks, close, [Symbol.asyncDispose]: close };
}
