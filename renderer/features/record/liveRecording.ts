/**
 * One live recording from Record to Stop: opens a session on the host, streams the worker's
 * chunks to it through a bounded SessionUploader, and on Stop flushes the last chunk, waits for
 * every append and asks the host to finalise and diagnose. Reports its status through a callback
 * (no React here; useRecordingSession adapts it).
 */
import type { AuscultApi, SessionResult } from '../../../shared/api/contract.ts';
import { chunkSamplesFor } from './recordingChunker.ts';
import { SessionUploader } from './sessionUploader.ts';

/** What the recording needs of the live input (useLiveInput's recorder). */
export interface LiveRecorder {
  readonly sampleRateHz: number;
  /** From now on, hand every chunk of `chunkSamples` samples to `onChunk`. */
  startChunks(chunkSamples: number, onChunk: (samples: ArrayBuffer) => void): void;
  /** Hands over the unfinished chunk, stops chunking, then resolves. */
  flush(): Promise<void>;
}

export type RecordingPhase = 'starting' | 'recording' | 'stopping' | 'done' | 'failed';

export interface RecordingStatus {
  readonly phase: RecordingPhase;
  /** Seconds of audio handed to the uploader. */
  readonly capturedSeconds: number;
  /** Seconds the host reports written to disk. */
  readonly writtenSeconds: number;
  /** Seconds handed over but not yet written: the host's lag. */
  readonly backlogSeconds: number;
  /** True when the recording was stopped because the host fell too far behind. */
  readonly stoppedForBacklog: boolean;
  readonly error: string | null;
  readonly result: SessionResult | null;
}

/** A flush that gets no answer (the worker is gone) gives up after this long. */
const FLUSH_TIMEOUT_MS = 2000;

export class LiveRecording {
  private readonly sessions: AuscultApi['sessions'];
  private readonly recorder: LiveRecorder;
  private readonly machineId: string;
  private readonly deviceName: string | null;
  private readonly onStatus: (status: RecordingStatus) => void;
  private readonly describeError: (error: unknown) => string;
  private status: RecordingStatus = {
    phase: 'starting',
    capturedSeconds: 0,
    writtenSeconds: 0,
    backlogSeconds: 0,
    stoppedForBacklog: false,
    error: null,
    result: null,
  };
  private sessionId: string | null = null;
  private uploader: SessionUploader | null = null;
  private opening: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;

  constructor(options: {
    sessions: AuscultApi['sessions'];
    recorder: LiveRecorder;
    machineId: string;
    /** The input device's name, so the recording keeps its microphone calibration. */
    deviceName?: string | null;
    onStatus: (status: RecordingStatus) => void;
    /** A failure in the page's language (useErrorSentence). */
    describeError: (error: unknown) => string;
  }) {
    this.sessions = options.sessions;
    this.recorder = options.recorder;
    this.machineId = options.machineId;
    this.deviceName = options.deviceName ?? null;
    this.onStatus = options.onStatus;
    this.describeError = options.describeError;
  }

  /** Opens the session and starts streaming; the status says how it went. */
  start(): Promise<void> {
    this.opening ??= this.open();
    return this.opening;
  }

  private async open(): Promise<void> {
    this.update({});
    const { sampleRateHz } = this.recorder;
    try {
      // Named only when known: a host before calibrations takes two arguments.
      const sessionId =
        this.deviceName === null
          ? await this.sessions.start(this.machineId, sampleRateHz)
          : await this.sessions.start(this.machineId, sampleRateHz, this.deviceName);
      this.sessionId = sessionId;
      const uploader = new SessionUploader({
        append: (chunk) => this.sessions.append(sessionId, chunk),
        sampleRateHz,
        onProgress: (progress) =>
          this.update({
            writtenSeconds: progress.writtenSeconds,
            backlogSeconds: uploader.backlogSeconds,
          }),
      });
      this.uploader = uploader;
      if (this.stopping) return; // stopped while the session was opening: finish() ends it
      this.recorder.startChunks(chunkSamplesFor(sampleRateHz), (chunk) => this.onChunk(chunk));
      this.update({ phase: 'recording' });
    } catch (error) {
      this.update({ phase: 'failed', error: this.describeError(error) });
    }
  }

  /** Ends the recording (once, however often called) and resolves when the host has answered. */
  stop(): Promise<void> {
    this.stopping ??= this.finish();
    return this.stopping;
  }

  private onChunk(chunk: ArrayBuffer): void {
    const uploader = this.uploader;
    if (!uploader || this.status.phase === 'failed') return;
    if (uploader.enqueue(chunk)) {
      this.update({
        capturedSeconds:
          this.status.capturedSeconds + chunk.byteLength / 4 / this.recorder.sampleRateHz,
        backlogSeconds: uploader.backlogSeconds,
      });
    } else if (uploader.error === null && !this.status.stoppedForBacklog) {
      // The host is too far behind: end cleanly with what it has rather than fill memory.
      this.update({ stoppedForBacklog: true });
      void this.stop();
    }
  }

  private async finish(): Promise<void> {
    // A session still opening is awaited, so that it is finalised too.
    await this.opening;
    if (this.status.phase === 'failed' || this.sessionId === null || this.uploader === null) {
      return;
    }
    this.update({ phase: 'stopping' });
    await Promise.race([
      this.recorder.flush(),
      new Promise((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS)),
    ]);
    try {
      await this.uploader.drain();
    } catch (error) {
      // What was written stays in the session's file; the host still finalises it below.
      this.update({ error: this.describeError(error) });
    }
    try {
      const result = await this.sessions.stop(this.sessionId);
      this.update({ phase: 'done', result, backlogSeconds: 0 });
    } catch (error) {
      this.update({ phase: 'failed', error: this.describeError(error) });
    }
  }

  private update(change: Partial<RecordingStatus>): void {
    this.status = { ...this.status, ...change };
    this.onStatus(this.status);
  }
}
