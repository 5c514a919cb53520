/**
 * Sends a live recording's chunks to the host in order, one request at a time, with a bounded
 * backlog: when the host falls behind by more than `maxBacklogSeconds`, further chunks are
 * refused (the caller stops the recording and says why) instead of piling up in memory.
 */
import type { SessionProgress } from '../../../shared/api/contract.ts';

/** Ten seconds of audio may wait (≈ 1.9 MB at 48 kHz): a slow disk, not a dead host. */
export const MAX_BACKLOG_SECONDS = 10;

export class SessionUploader {
  private readonly append: (chunk: ArrayBuffer) => Promise<SessionProgress>;
  private readonly sampleRateHz: number;
  private readonly maxBacklogSamples: number;
  private readonly onProgress: (progress: SessionProgress) => void;
  private tail: Promise<void> = Promise.resolve();
  private waitingSamples = 0;
  private failure: { error: unknown } | null = null;

  /**
   * `append` writes one chunk of little-endian float32 samples and resolves with the progress;
   * `onProgress` hears every acknowledgement.
   */
  constructor(options: {
    append: (chunk: ArrayBuffer) => Promise<SessionProgress>;
    sampleRateHz: number;
    onProgress: (progress: SessionProgress) => void;
    maxBacklogSeconds?: number;
  }) {
    if (!(options.sampleRateHz > 0)) {
      throw new RangeError('SessionUploader: sampleRateHz must be > 0');
    }
    const maxBacklogSeconds = options.maxBacklogSeconds ?? MAX_BACKLOG_SECONDS;
    if (!(maxBacklogSeconds > 0)) {
      throw new RangeError('SessionUploader: maxBacklogSeconds must be > 0');
    }
    this.append = options.append;
    this.sampleRateHz = options.sampleRateHz;
    this.maxBacklogSamples = maxBacklogSeconds * options.sampleRateHz;
    this.onProgress = options.onProgress;
  }

  /** Seconds of audio handed over but not yet acknowledged by the host. */
  get backlogSeconds(): number {
    return this.waitingSamples / this.sampleRateHz;
  }

  /** The first failed append's error, or null. */
  get error(): unknown {
    return this.failure?.error ?? null;
  }

  /**
   * Queues a chunk (taken over: do not change it afterwards). Returns false, without queueing,
   * when an append has failed or when the chunk would push the backlog past the limit.
   */
  enqueue(chunk: ArrayBuffer): boolean {
    const samples = chunk.byteLength / 4;
    if (this.failure !== null || this.waitingSamples + samples > this.maxBacklogSamples) {
      return false;
    }
    this.waitingSamples += samples;
    this.tail = this.tail.then(() => this.send(chunk, samples));
    return true;
  }

  /** Resolves once every queued chunk is written; rejects with the first append's error. */
  async drain(): Promise<void> {
    await this.tail;
    if (this.failure !== null) throw this.failure.error;
  }

  private async send(chunk: ArrayBuffer, samples: number): Promise<void> {
    if (this.failure !== null) return;
    try {
      const progress = await this.append(chunk);
      this.waitingSamples -= samples;
      this.onProgress(progress);
    } catch (error) {
      this.failure = { error };
      this.waitingSamples = 0;
    }
  }
}
