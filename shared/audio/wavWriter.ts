/**
 * Streaming WAV writer: appends blocks as they arrive, keeps the header valid after every flush.
 *
 * Crash model: after `flush()` resolves, the file is a valid WAV holding every frame appended
 * before it, durably (the sink is synced). A crash loses at most what was appended after the last
 * flush, and even that is usually on disk already and comes back with `repairWav`.
 *
 * Memory stays flat: encoded bytes wait in a queue only until about `bufferBytes` have gathered,
 * then go to the sink; nothing written is kept.
 */
import type { SampleArray } from '../dsp/types.ts';
import type { ByteSink } from './byteSink.ts';
import { encodeFrames, validatePlanarBlock } from './sampleEncoding.ts';
import type { WavSampleEncoding } from './sampleEncoding.ts';
import { wavHeaderBytes, wavWriteLayout } from './wavEncoder.ts';
import type { WavWriteLayout } from './wavEncoder.ts';

export interface WavWriterOptions {
  /** Samples per second per channel, an integer in 1000..768000 (the reader's range). */
  readonly sampleRateHz: number;
  /** 1..32. */
  readonly channelCount: number;
  /** Default 'pcm16'. */
  readonly encoding?: WavSampleEncoding;
  /** Encoded bytes gathered before a write to the sink; default 256 KiB. Not a flush. */
  readonly bufferBytes?: number;
}

export interface WavWriterSummary {
  readonly frameCount: number;
  readonly dataSizeBytes: number;
  readonly fileSizeBytes: number;
}

export interface WavWriter {
  readonly layout: WavWriteLayout;
  /** Frames accepted by `append` so far (written or still queued). */
  readonly appendedFrameCount: number;
  /** Frames the header on the sink covers, durably, after the last successful flush. */
  readonly flushedFrameCount: number;
  /** The sink failure that stopped the writer, if any. */
  readonly failure: WavWriteError | undefined;
  /**
   * Queues one planar block (one array per channel, any length, including 0). The samples are
   * encoded before this returns, so the caller may reuse its arrays at once. Resolves when the
   * block is in the queue or, if the queue was full, written to the sink.
   */
  append(block: readonly SampleArray[]): Promise<void>;
  /** Writes the queue, syncs, rewrites the header, syncs. Resolves to `flushedFrameCount`. */
  flush(): Promise<number>;
  /** Flushes and closes the sink. On a failed writer, closes the sink and rejects. */
  finalize(): Promise<WavWriterSummary>;
}

/** A sink operation failed (disk full, I/O error). `code` is the cause's code, e.g. 'ENOSPC'. */
export class WavWriteError extends Error {
  readonly code: string | undefined;
  readonly flushedFrameCount: number;
  constructor(message: string, flushedFrameCount: number, cause: unknown) {
    super(message, { cause });
    this.name = 'WavWriteError';
    const code = (cause as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : undefined;
    this.flushedFrameCount = flushedFrameCount;
  }
}

const DEFAULT_BUFFER_BYTES = 256 * 1024;

class StreamingWavWriter implements WavWriter {
  readonly layout: WavWriteLayout;
  appendedFrameCount = 0;
  flushedFrameCount = 0;
  failure: WavWriteError | undefined = undefined;
  readonly #sink: ByteSink;
  readonly #bufferBytes: number;
  #queue: Uint8Array[] = [];
  #queuedBytes = 0;
  #writtenDataBytes = 0;
  #finalized = false;
  #sinkClosed = false;
  #headerWritten = false;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(sink: ByteSink, layout: WavWriteLayout, bufferBytes: number) {
    this.#sink = sink;
    this.layout = layout;
    this.#bufferBytes = bufferBytes;
  }

  append(block: readonly SampleArray[]): Promise<void> {
    try {
      this.#checkOpen();
      const frameCount = validatePlanarBlock(block, 'block', this.layout.channelCount);
      const total = (this.appendedFrameCount + frameCount) * this.layout.blockAlignBytes;
      if (total > this.layout.maxDataBytes) {
        throw new RangeError('block would take the WAV data past its 4 GiB limit');
      }
      if (frameCount === 0) return Promise.resolve();
      const bytes = encodeFrames(block, this.layout.encoding);
      this.#queue.push(bytes);
      this.#queuedBytes += bytes.length;
      this.appendedFrameCount += frameCount;
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#queuedBytes < this.#bufferBytes) return Promise.resolve();
    return this.#serialise(() => this.#writeQueue());
  }

  flush(): Promise<number> {
    return this.#serialise(async () => {
      await this.#writeQueue();
      return this.#commitHeader();
    });
  }

  async finalize(): Promise<WavWriterSummary> {
    if (this.#finalized) throw new Error('the WAV writer is already finalized');
    this.#finalized = true;
    try {
      await this.#serialise(async () => {
        await this.#writeQueue();
        await this.#commitHeader();
      });
      this.#sinkClosed = true;
      await this.#guard('close the file', () => this.#sink.close());
    } catch (error) {
      // Release the file handle even after a disk error; the first error is the one to report.
      if (!this.#sinkClosed) await this.#sink.close().catch(() => undefined);
      this.#sinkClosed = true;
      throw error;
    }
    return {
      frameCount: this.flushedFrameCount,
      dataSizeBytes: this.#writtenDataBytes,
      fileSizeBytes: this.layout.dataOffsetBytes + this.#writtenDataBytes,
    };
  }

  /** Writes the initial header (0 frames) so even an empty recording is a valid file. */
  async start(): Promise<void> {
    await this.#serialise(() => this.#commitHeader(true));
  }

  #checkOpen(): void {
    if (this.failure) throw this.failure;
    if (this.#finalized) throw new Error('the WAV writer is finalized');
  }

  /** Runs operations one at a time, in call order; a failed writer refuses further work. */
  #serialise<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(() => {
      if (this.failure) throw this.failure;
      return operation();
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async #writeQueue(): Promise<void> {
    if (this.#queuedBytes === 0) return;
    const chunk = concatenate(this.#queue, this.#queuedBytes);
    this.#queue = [];
    this.#queuedBytes = 0;
    const offset = this.layout.dataOffsetBytes + this.#writtenDataBytes;
    await this.#guard(`write ${chunk.length} bytes at offset ${offset}`, () =>
      this.#sink.write(offset, chunk),
    );
    this.#writtenDataBytes += chunk.length;
  }

  /**
   * Data first, then the header that claims it, each followed by a sync: the header never
   * claims bytes that might not be on disk yet. Without new data since the last commit there is
   * nothing to do (an idle flush costs no I/O), except for the very first header.
   */
  async #commitHeader(first = false): Promise<number> {
    const frameCount = this.#writtenDataBytes / this.layout.blockAlignBytes;
    if (!first && frameCount === this.flushedFrameCount) return frameCount;
    if (!first) await this.#guard('sync the audio data', () => this.#sink.sync());
    const header = wavHeaderBytes(this.layout, frameCount);
    await this.#guard('update the WAV header', () => this.#sink.write(0, header));
    await this.#guard('sync the WAV header', () => this.#sink.sync());
    this.flushedFrameCount = frameCount;
    this.#headerWritten = true;
    return frameCount;
  }

  async #guard(what: string, operation: () => Promise<void>): Promise<void> {
    try {
      await operation();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      const kept = this.#headerWritten
        ? `the file stays a valid WAV of the ${this.flushedFrameCount} frames flushed before the failure`
        : 'no valid WAV header was written yet';
      this.failure = new WavWriteError(
        `Could not ${what} (${reason}); ${kept}.`,
        this.flushedFrameCount,
        cause,
      );
      throw this.failure;
    }
  }
}

function concatenate(parts: readonly Uint8Array[], totalBytes: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(totalBytes);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Checks writer options without touching any sink; returns the layout. Throws RangeError naming
 * the bad option. `createWavWriter` calls it; callers that create a file first call it before.
 */
export function checkWavWriterOptions(options: WavWriterOptions): WavWriteLayout {
  const bufferBytes = options.bufferBytes ?? DEFAULT_BUFFER_BYTES;
  if (!Number.isInteger(bufferBytes) || bufferBytes < 1) {
    throw new RangeError(`bufferBytes must be a positive integer, got ${bufferBytes}`);
  }
  return wavWriteLayout(options.sampleRateHz, options.channelCount, options.encoding);
}

/**
 * Opens a streaming WAV writer on `sink` and writes a valid 0-frame header (synced) before
 * resolving. The sink should be empty; the writer owns it from here and closes it in `finalize`.
 * Throws RangeError naming a bad option; rejects with WavWriteError if the sink fails.
 *
 * @param options.sampleRateHz samples per second per channel
 * @param options.channelCount 1..32; `append` takes that many planar arrays
 * @param options.encoding 'pcm16' (default) or 'float32'
 * @param options.bufferBytes bytes gathered before a sink write, default 256 KiB
 */
export async function createWavWriter(
  sink: ByteSink,
  options: WavWriterOptions,
): Promise<WavWriter> {
  const layout = checkWavWriterOptions(options);
  const writer = new StreamingWavWriter(sink, layout, options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
  await writer.start();
  return writer;
}
