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
  if (failure.kind === 'input') return new InputError(failure.message);
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
  const workerUrl = options.workerUrl ?? WORKER_URL;
  let worker: Worker | null = null;
  let answered = false;
  let useInline = false;
  let nextTaskId = 0;
  const pending = new Map<number, Pending>();

  const inline = (p: Pending): void => {
    inlineFeatureSource.features(p.task.path, p.task.range).then(p.resolve, p.reject);
  };
  const stopped = (error: Error): void => {
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    useInline ||= !answered;
    for (const p of waiting) {
      if (useInline) inline(p);
      else p.reject(error);
    }
  };
  const onAnswer = (message: FeatureAnswer): void => {
    answered = true;
    const entry = pending.get(message.taskId);
    pending.delete(message.taskId);
    if (pending.size === 0) worker?.unref();
    if (!entry) return;
    if (message.ok) entry.resolve(message.features);
    else entry.reject(fromFailure(message.failure));
  };
  const start = (): Worker => {
    const created = new Worker(workerUrl);
    created.on('message', onAnswer);
    created.on('error', (error) => {
      if (worker === created) stopped(error);
    });
    created.on('exit', (code) => {
      if (worker === created) stopped(new Error(`the feature thread stopped (exit code ${code})`));
    });
    return created;
  };

  return {
    features(path: string, range?: FrameRange) {
      return new Promise<RecordingFeatures>((resolve, reject) => {
        const entry: Pending = { task: { taskId: nextTaskId++, path, range }, resolve, reject };
        if (!useInline && worker === null) {
          try {
            worker = start();
          } catch {
            useInline = true;
          }
        }
        if (useInline || worker === null) return inline(entry);
        pending.set(entry.task.taskId, entry);
        worker.ref();
        worker.postMessage(entry.task);
      });
    },
    async close() {
      const active = worker;
      worker = null;
      for (const p of pending.values()) p.reject(new Error('the feature thread was closed'));
      pending.clear();
      await active?.terminate();
    },
  };
}
