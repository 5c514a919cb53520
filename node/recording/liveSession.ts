/**
 * One live recording (sessions.start / append / stop): mono float32 PCM written to
 * `recordings/<id>.partial` as it arrives, never held in memory. Float32 keeps the browser's
 * samples exactly.
 *
 * Durability: every append is handed to the OS before it is acknowledged (the writer buffers
 * nothing), so killing the host loses no acknowledged audio; the header is rewritten and the file
 * fsynced at least every `flushIntervalSeconds` of audio or of wall time, so a power cut loses at
 * most that much. Recovery at the next start (node/workflows/recovery.ts) lists what a crash left.
 */
import type { StoredCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import { access } from 'node:fs/promises';
import type { RecordingSummary, SessionProgress } from '../../shared/api/contract.ts';
import {
  MAX_SESSION_CHUNK_BYTES,
  MAX_SESSION_SAMPLE_RATE_HZ,
  MIN_SESSION_SAMPLE_RATE_HZ,
} from '../../shared/api/limits.ts';
import type { WavWriter } from '../../shared/audio/wavWriter.ts';
import { createWavFileWriter } from '../audio/wavFileWriter.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { isDiskFull } from '../files/diskFull.ts';
import { requireMachine } from '../workflows/context.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { commitPartialRecording, listPlacedRecording } from '../workflows/liveCommit.ts';
import { liveSessionIds, partialPath, writeSidecar } from '../workflows/partialFiles.ts';
import { decodeSessionChunk } from '../../shared/api/sessionChunk.ts';

/** Header rewritten and file fsynced at least this often, in seconds of audio or of wall time. */
export const FLUSH_INTERVAL_SECONDS = 2;

export interface LiveSessionOptions {
  /** Default FLUSH_INTERVAL_SECONDS. */
  readonly flushIntervalSeconds?: number;
  /** The input device's microphone calibration: the recording keeps a copy. */
  readonly calibration?: StoredCalibration;
}

export interface LiveSession {
  readonly id: string;
  readonly machineId: string;
  readonly sampleRateHz: number;
  /** ISO 8601. */
  readonly startedAt: string;
  /** `Date.now()` of the last call (the registry closes sessions idle too long). */
  readonly lastActivityMs: number;
  /**
   * Appends little-endian float32 samples; resolves once they are in the file. Rejects with
   * RangeError for a byte length that is not a multiple of 4 or above MAX_SESSION_CHUNK_BYTES,
   * TypeError for a NaN or infinite sample (the chunk is refused, the session goes on).
   */
  append(chunk: ArrayBuffer): Promise<SessionProgress>;
  /**
   * Finalises the file and lists it (origin 'recorded'). Resolves to its summary, or null when
   * not one sample was appended (the empty file is removed).
   */
  stop(): Promise<RecordingSummary | null>;
}

/** "Recording 2025-03-04 10:11:12 UTC". */
export function sessionRecordingName(startedAt: string): string {
  return `Recording ${startedAt.slice(0, 19).replace('T', ' ')} UTC`;
}

function checkSampleRate(sampleRateHz: number): void {
  if (
    !Number.isSafeInteger(sampleRateHz) ||
    sampleRateHz < MIN_SESSION_SAMPLE_RATE_HZ ||
    sampleRateHz > MAX_SESSION_SAMPLE_RATE_HZ
  ) {
    throw new RangeError(
      `sampleRateHz must be a whole number from ${MIN_SESSION_SAMPLE_RATE_HZ} to ${MAX_SESSION_SAMPLE_RATE_HZ}`,
    );
  }
}

/**
 * Starts a live recording for the machine: writes the sidecar, then the partial WAV's header.
 * Throws RangeError for a sample rate outside 8–192 kHz, NotFoundError for an unknown machine.
 */
export async function startLiveSession(
  library: LibraryContext,
  machineId: string,
  sampleRateHz: number,
  options: LiveSessionOptions = {},
): Promise<LiveSession> {
  checkSampleRate(sampleRateHz);
  const flushIntervalSeconds = options.flushIntervalSeconds ?? FLUSH_INTERVAL_SECONDS;
  if (!(flushIntervalSeconds > 0)) throw new RangeError('flushIntervalSeconds must be positive');
  await requireMachine(library, machineId);
  const id = library.newId();
  const startedAt = library.now().toISOString();
  liveSessionIds.add(id);
  try {
    const folder = library.captureFolder;
    await writeSidecar(folder, id, {
      formatVersion: 1,
      machineId,
      startedAt,
      sampleRateHz,
      pid: process.pid,
      ...(options.calibration ? { calibration: options.calibration } : {}),
    });
    const writer = await createWavFileWriter(partialPath(folder, id), {
      sampleRateHz,
      channelCount: 1,
      encoding: 'float32',
      // Every append goes to the OS at once: a killed host keeps all it acknowledged.
      bufferBytes: 1,
    });
    const meta = {
      id,
      machineId,
      sampleRateHz,
      startedAt,
      flushIntervalSeconds,
      calibration: options.calibration,
    };
    return new FileSession(library, meta, writer);
  } catch (error) {
    // The sidecar (and a header-only file) stay for recovery, which removes files without audio.
    liveSessionIds.delete(id);
    throw error;
  }
}

interface SessionMeta {
  readonly id: string;
  readonly machineId: string;
  readonly sampleRateHz: number;
  readonly startedAt: string;
  readonly flushIntervalSeconds: number;
  readonly calibration: StoredCalibration | undefined;
}

class FileSession implements LiveSession {
  readonly id: string;
  readonly machineId: string;
  readonly sampleRateHz: number;
  readonly startedAt: string;
  lastActivityMs = Date.now();
  readonly #library: LibraryContext;
  readonly #writer: WavWriter;
  readonly #flushFrames: number;
  readonly #flushMs: number;
  readonly #calibration: StoredCalibration | undefined;
  #lastFlushMs = Date.now();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;
  /** Stop has listed the recording (or failed for good): the session is over. */
  #listed = false;
  // One operation at a time, in call order: chunks must land in the order they were sent.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(library: LibraryContext, meta: SessionMeta, writer: WavWriter) {
    this.id = meta.id;
    this.machineId = meta.machineId;
    this.sampleRateHz = meta.sampleRateHz;
    this.startedAt = meta.startedAt;
    this.#calibration = meta.calibration;
    this.#library = library;
    this.#writer = writer;
    this.#flushFrames = Math.round(meta.flushIntervalSeconds * meta.sampleRateHz);
    this.#flushMs = meta.flushIntervalSeconds * 1000;
  }

  append(chunk: ArrayBuffer): Promise<SessionProgress> {
    this.lastActivityMs = Date.now();
    return this.#serial(async () => {
      this.#assertOpen();
      if (chunk.byteLength > MAX_SESSION_CHUNK_BYTES) {
        throw new RangeError(`chunk must be at most ${MAX_SESSION_CHUNK_BYTES} bytes`);
      }
      const samples = decodeSessionChunk(chunk);
      try {
        await this.#writer.append([samples]);
      } catch (error) {
        if (error instanceof RangeError) {
          throw new InputError(
            'the recording has reached the largest size a WAV file can hold; press Stop and start a new one',
            'recording-full',
          );
        }
        throw error;
      }
      const unflushed = this.#writer.appendedFrameCount - this.#writer.flushedFrameCount;
      if (unflushed >= this.#flushFrames || Date.now() - this.#lastFlushMs >= this.#flushMs) {
        await this.#flush();
      } else if (unflushed > 0) {
        this.#scheduleFlush();
      }
      return this.#progress();
    });
  }

  stop(): Promise<RecordingSummary | null> {
    this.lastActivityMs = Date.now();
    return this.#serial(async () => {
      if (this.#listed) this.#assertOpen();
      if (!this.#stopped) {
        this.#stopped = true;
        this.#clearTimer();
        // A writer that failed (disk full) still leaves a file that repairs: keep what is there.
        await this.#writer.finalize().catch(() => undefined);
      }
      try {
        const recording = await this.#list();
        this.#listed = true;
        return recording;
      } catch (error) {
        // A full disk can refuse the row: Stop may be called again once there is room, and the
        // files stay where recovery finds them. Anything else ends the session as before.
        if (!isDiskFull(error)) this.#listed = true;
        throw error;
      } finally {
        if (this.#listed) liveSessionIds.delete(this.id);
      }
    });
  }

  /** Commits the partial file, or lists `<id>.wav` when an earlier Stop got past the rename. */
  async #list(): Promise<RecordingSummary | null> {
    const listing = {
      machineId: this.machineId,
      name: sessionRecordingName(this.startedAt),
      origin: 'recorded' as const,
      createdAt: this.startedAt,
      ...(this.#calibration ? { calibration: this.#calibration } : {}),
    };
    const partial = partialPath(this.#library.captureFolder, this.id);
    const renamed = await access(partial).then(
      () => false,
      () => true,
    );
    return renamed
      ? listPlacedRecording(this.#library, this.id, listing)
      : commitPartialRecording(this.#library, this.id, listing);
  }

  #progress(): SessionProgress {
    return {
      sessionId: this.id,
      writtenSeconds: this.#writer.appendedFrameCount / this.sampleRateHz,
    };
  }

  async #flush(): Promise<void> {
    this.#clearTimer();
    await this.#writer.flush();
    this.#lastFlushMs = Date.now();
  }

  /** Audio that arrived since the last flush is flushed within the interval, even in a pause. */
  #scheduleFlush(): void {
    if (this.#timer !== null) return;
    const delayMs = Math.max(0, this.#lastFlushMs + this.#flushMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // A failure here shows at the next append or at Stop, through the writer's failure.
      this.#serial(async () => {
        if (!this.#stopped) await this.#flush();
      }).catch(() => undefined);
    }, delayMs);
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(operation);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #assertOpen(): void {
    if (this.#stopped) throw new InputError(`the recording session "${this.id}" is over`);
  }
}
