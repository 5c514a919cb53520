/**
 * Recording features computed in a worker thread (DESIGN.md §1 "Where computation runs"), so a
 * long recording never stalls the host's replies. The thread starts on first use and does not
 * keep Node alive while idle. Where a worker cannot start (a bundle without the .ts worker),
 * the work falls back to this thread, which still yields between blocks.
 */
import { Worker } from 'node:worker_threads';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { FrameRange } from '../diagnosis/featuresFromFile.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { inlineFeatureSource } from '../library/baselineBuild.ts';
import type { FeatureSource } from '../library/baselineBuild.ts';
import type { FeatureAnswer, FeatureFailure, FeatureTask } from './featureMessages.ts';

const WORKER_URL = new URL('./featureWorker.ts', import.meta.url);

export interface FeatureThread extends FeatureSource {
  /** Stops the thread; pending tasks reject. */
  close(): Promise<void>;
}

interface Pending {
  readonly task: FeatureTask;
  resolve(features: RecordingFeatures): void;
  reject(error: Error): void;
}

/** The worker's error on this side: an InputError stays one (the API maps it to invalid-input). */
function fromFailure(failure: FeatureFailure): Error {
  if (failure.kind === 'input')
    return new InputError(failure.message, failure.reason, failure.params);
  const error = new Error(failure.message);
  error.name = failure.name;
  if (failure.stack) error.stack = `${failure.name}: ${failure.message}\n[worker] ${failure.stack}`;
  return error;
}

export interface FeatureThreadOptions {
  /** The worker's module; default featureWorker.ts beside this file. */
  readonly workerUrl?: URL;
}

/**
 * A FeatureSource backed by one worker thread, started on first use. A worker that stops
 * before answering its first task (it cannot start here) makes this and every later task run
 * in the calling thread instead; one that stops later fails its pending tasks and is restarted
 * on the next call.
 */
export function createFeatureThread(options: FeatureThreadOptions = {}): FeatureThread {
  return new WorkerFeatureThread(options.workerUrl ?? WORKER_URL);
}

function runInline(entry: Pending): void {
  inlineFeatureSource.features(entry.task.path, entry.task.range).then(entry.resolve, entry.reject);
}

class WorkerFeatureThread implements FeatureThread {
  readonly #workerUrl: URL;
  #worker: Worker | null = null;
  #answered = false;
  #inline = false;
  #nextTaskId = 0;
  readonly #pending = new Map<number, Pending>();

  constructor(workerUrl: URL) {
    this.#workerUrl = workerUrl;
  }

  features(path: string, range?: FrameRange): Promise<RecordingFeatures> {
    return new Promise<RecordingFeatures>((resolve, reject) => {
      const entry: Pending = { task: { taskId: this.#nextTaskId++, path, range }, resolve, reject };
      const worker = this.#inline ? null : this.#running();
      if (worker === null) return runInline(entry);
      this.#pending.set(entry.task.taskId, entry);
      worker.ref();
      worker.postMessage(entry.task);
    });
  }

  async close(): Promise<void> {
    const active = this.#worker;
    this.#worker = null;
    for (const p of this.#pending.values()) p.reject(new Error('the feature thread was closed'));
    this.#pending.clear();
    await active?.terminate();
  }

  /** The worker, started if need be; null (and inline from now on) if it cannot be created. */
  #running(): Worker | null {
    if (this.#worker !== null) return this.#worker;
    try {
      const worker = new Worker(this.#workerUrl);
      worker.on('message', (message: FeatureAnswer) => this.#onAnswer(message));
      worker.on('error', (error) => this.#onStopped(worker, error));
      worker.on('exit', (code) =>
        this.#onStopped(worker, new Error(`the feature thread stopped (exit code ${code})`)),
      );
      this.#worker = worker;
    } catch {
      this.#inline = true;
    }
    return this.#worker;
  }

  #onAnswer(message: FeatureAnswer): void {
    this.#answered = true;
    const entry = this.#pending.get(message.taskId);
    this.#pending.delete(message.taskId);
    // Idle: let Node exit even if nobody closes the thread.
    if (this.#pending.size === 0) this.#worker?.unref();
    if (!entry) return;
    if (message.ok) entry.resolve(message.features);
    else entry.reject(fromFailure(message.failure));
  }

  #onStopped(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return; // closed, or already handled ('error' then 'exit')
    this.#worker = null;
    this.#inline ||= !this.#answered;
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of waiting) {
      if (this.#inline) runInline(entry);
      else entry.reject(error);
    }
  }
}
