/**
 * The analysis pool: worker threads that run named range jobs (rangeJobs.ts) over frame ranges
 * of a file. One pool lives as long as its owner (the API service, the CLI) and serves every
 * analysis of stored recordings: features, spectra, spectrograms, peaks. Each task goes to the
 * next idle worker, so a worker slowed by a busy core takes fewer ranges; several callers may
 * run jobs at once, and their tasks queue in order of arrival.
 *
 * Workers are unreferenced while idle: a pool that is never closed does not keep Node alive.
 * A worker that cannot start (its file is missing, the Node it runs on cannot load it) makes the
 * pool run every task in the calling thread from then on, with the same job code and so the
 * same results; `onFallback` hears why, once. A worker that dies after it has started fails the
 * task it held, and a new one takes its place for the next task.
 *
 * With `callerRuns`, the calling thread is one of the pool's threads: it takes a task whenever it
 * is idle and no started worker is, so a command line, whose main thread has nothing else to do,
 * starts one worker fewer and begins the first task (the plan) at once instead of after a
 * worker's start-up (~60 ms of CPU each, which a 2-core machine feels in wall time). Not for a
 * server: a task runs there synchronously for hundreds of milliseconds.
 *
 * The worker is analysisWorker.ts, run by Node 24 from .ts directly; the CLI and Electron builds
 * bundle it as analysisWorker.js next to their main file (scripts/build/workerEntries.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FrameRange } from './frameRanges.ts';
import type { RangeJobName, RangeJobOptions, RangeJobPartial } from './rangeJobs.ts';
import { deserializeError } from './rangeMessages.ts';
import type { RangeResultMessage, RangeTaskMessage, WorkerMessage } from './rangeMessages.ts';
import { runRangeTaskHere } from './runRangeTask.ts';

export interface AnalysisPool {
  /** Threads the pool computes on (1 for the inline pool), the caller's included if it runs tasks. */
  readonly threadCount: number;
  /**
   * Runs `job` once per range (each in some worker, opening `path` itself) and resolves to the
   * partials in the order of `ranges`. Rejects with the first failure, its class (RangeError,
   * TypeError) and message kept.
   */
  run<Name extends RangeJobName>(
    job: Name,
    path: string,
    ranges: readonly FrameRange[],
    options: RangeJobOptions<Name>,
  ): Promise<RangeJobPartial<Name>[]>;
  /** Stops every worker; tasks still running or queued reject. Later runs reject. */
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  /** Threads computing, the caller's included with `callerRuns`; default availableParallelism(). */
  readonly threads?: number;
  /** The calling thread runs tasks too, in place of one worker (a command line's main thread). */
  readonly callerRuns?: boolean;
  /** 'now': start the workers at once (a command about to analyse); default: at the first task. */
  readonly start?: 'now' | 'first-task';
  /** The worker's module; default analysisWorker.ts (or .js in a build) beside this file. */
  readonly workerUrl?: URL;
  /** Told once why the pool runs its tasks in the calling thread instead of workers. */
  readonly onFallback?: (error: Error) => void;
}

interface QueuedTask {
  readonly message: RangeTaskMessage;
  resolve(partial: unknown): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly worker: Worker;
  task: QueuedTask | null;
  /** It said it was ready: its module loaded. */
  started: boolean;
}

const WORKER_URL = new URL('./analysisWorker.ts', import.meta.url);

/** Default thread count: what the OS says this process may use in parallel. */
function defaultThreadCount(): number {
  return availableParallelism();
}

/**
 * A pool of `options.threads` workers (default: the cores available). Throws RangeError for a
 * thread count that is not a positive integer.
 */
export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const threads = options.threads ?? defaultThreadCount();
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw new RangeError(`createAnalysisPool: threads must be an integer >= 1, got ${threads}`);
  }
  return new WorkerAnalysisPool(threads, options);
}

/** A pool that runs every task in the calling thread, one after another (tests, scripts). */
export function createInlineAnalysisPool(): AnalysisPool {
  let closed = false;
  return {
    threadCount: 1,
    async run(job, path, ranges, options) {
      const partials = [];
      for (const range of ranges) {
        if (closed) throw new Error('AnalysisPool.run: the pool is closed');
        partials.push(await runRangeTaskHere(job, { path, range, options }));
      }
      return partials;
    },
    async close() {
      closed = true;
    },
  };
}

class WorkerAnalysisPool implements AnalysisPool {
  readonly threadCount: number;
  readonly #options: AnalysisPoolOptions;
  readonly #queue: QueuedTask[] = [];
  readonly #workers: PoolWorker[] = [];
  #nextTaskId = 0;
  #closed = false;
  /** Workers to run: one fewer than threadCount when the caller runs tasks. */
  readonly #workerCount: number;
  #callerBusy = false;
  /** Set when no worker could start: tasks run in this thread. */
  #inline = false;
  #drainingHere = false;

  constructor(threads: number, options: AnalysisPoolOptions) {
    this.threadCount = threads;
    this.#options = options;
    this.#workerCount = options.callerRuns ? threads - 1 : threads;
    if (options.start === 'now') this.#fillWorkers();
  }

  run<Name extends RangeJobName>(
    job: Name,
    path: string,
    ranges: readonly FrameRange[],
    options: RangeJobOptions<Name>,
  ): Promise<RangeJobPartial<Name>[]> {
    if (this.#closed) return Promise.reject(new Error('AnalysisPool.run: the pool is closed'));
    const results = ranges.map(
      (range) =>
        new Promise<RangeJobPartial<Name>>((resolve, reject) => {
          const message: RangeTaskMessage = {
            taskId: this.#nextTaskId++,
            job,
            path,
            range,
            options,
          };
          this.#queue.push({ message, resolve: resolve as (partial: unknown) => void, reject });
        }),
    );
    this.#dispatch();
    return Promise.all(results);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const error = new Error('AnalysisPool: closed while tasks were pending');
    for (const task of this.#queue.splice(0)) task.reject(error);
    const stopping = this.#workers.splice(0);
    for (const entry of stopping) entry.task?.reject(error);
    await Promise.all(stopping.map((entry) => entry.worker.terminate()));
  }

  #fillWorkers(): void {
    while (!this.#inline && this.#workers.length < this.#workerCount) this.#startWorker();
  }

  #startWorker(): void {
    let worker: Worker;
    try {
      worker = new Worker(this.#options.workerUrl ?? WORKER_URL);
    } catch (error) {
      this.#fallBack(error as Error);
      return;
    }
    const entry: PoolWorker = { worker, task: null, started: false };
    worker.on('message', (message: WorkerMessage) => this.#onMessage(entry, message));
    worker.on('error', (error) => this.#onStopped(entry, error));
    worker.on('exit', (code) =>
      this.#onStopped(entry, new Error(`an analysis worker stopped with exit code ${code}`)),
    );
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    this.#workers.push(entry);
  }

  /**
   * Gives queued tasks to idle workers (started if need be; with `callerRuns`, only to workers
   * that have started, the caller taking the rest); a busy worker keeps Node alive.
   */
  #dispatch(): void {
    if (this.#inline || this.#workerCount === 0) return void this.#runQueueHere();
    if (this.#queue.length > 0) this.#fillWorkers();
    const callerRuns = this.#options.callerRuns === true;
    for (const entry of this.#workers) {
      const idle = entry.task === null && (entry.started || !callerRuns);
      const task = idle ? this.#queue.shift() : undefined;
      if (task === undefined) continue;
      entry.task = task;
      entry.worker.ref();
      entry.worker.postMessage(task.message);
    }
    if (callerRuns && !this.#callerBusy && this.#queue.length > 0) void this.#runOneHere();
  }

  /** The caller's turn: one queued task in this thread, then the next dispatch. */
  async #runOneHere(): Promise<void> {
    const task = this.#queue.shift();
    if (task === undefined) return;
    this.#callerBusy = true;
    try {
      const { job, path, range, options } = task.message;
      await runRangeTaskHere(job, { path, range, options }).then(task.resolve, task.reject);
    } finally {
      this.#callerBusy = false;
      if (!this.#closed) this.#dispatch();
    }
  }

  #onMessage(entry: PoolWorker, message: WorkerMessage): void {
    if ('ready' in message) {
      entry.started = true;
      if (!this.#closed) this.#dispatch();
      return;
    }
    this.#settle(entry, message);
  }

  #settle(entry: PoolWorker, result: RangeResultMessage): void {
    const task = entry.task;
    entry.task = null;
    entry.worker.unref();
    if (task !== null && result.ok) task.resolve(result.partial);
    else if (task !== null && !result.ok) {
      task.reject(deserializeError(result.error, `range job ${task.message.job}`));
    }
    this.#dispatch();
  }

  /**
   * A worker stopped ('error', then 'exit'; or 'exit' alone). One that never started means no
   * worker can: the pool falls back to this thread, its task included. One that had started
   * fails its task; the next dispatch starts another in its place.
   */
  #onStopped(entry: PoolWorker, error: Error): void {
    const index = this.#workers.indexOf(entry);
    if (index < 0) return;
    this.#workers.splice(index, 1);
    const task = entry.task;
    entry.task = null;
    if (!entry.started) {
      if (task !== null) this.#queue.unshift(task);
      this.#fallBack(error);
      return;
    }
    task?.reject(error);
    if (!this.#closed) this.#dispatch();
  }

  #fallBack(error: Error): void {
    if (this.#inline) return;
    this.#inline = true;
    const stopping = this.#workers.splice(0);
    for (const entry of stopping) {
      if (entry.task !== null) this.#queue.unshift(entry.task);
      void entry.worker.terminate();
    }
    this.#options.onFallback?.(error);
    void this.#runQueueHere();
  }

  /** Runs the queue in this thread, one task at a time, in order. */
  async #runQueueHere(): Promise<void> {
    if (this.#drainingHere) return;
    this.#drainingHere = true;
    try {
      for (let task = this.#queue.shift(); task !== undefined; task = this.#queue.shift()) {
        const { job, path, range, options } = task.message;
        await runRangeTaskHere(job, { path, range, options }).then(task.resolve, task.reject);
      }
    } finally {
      this.#drainingHere = false;
    }
  }
}
