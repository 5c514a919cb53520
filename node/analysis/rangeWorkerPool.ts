/**
 * A pool of worker threads that run named range jobs (rangeJobs.ts) over frame ranges of a file.
 * Each task goes to the next idle worker, so a worker slowed by a busy core takes fewer ranges.
 * Workers are unreferenced while idle: a pool that is never closed does not keep Node alive.
 *
 * The workers are .ts files that Node 24 runs directly (type stripping, on by default). Under
 * Vitest that works as well: the worker is plain Node, outside Vite's module graph.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FrameRange } from './frameRanges.ts';
import type { RangeJobName, RangeJobOptions, RangeJobPartial } from './rangeJobs.ts';
import { deserializeError } from './rangeMessages.ts';
import type { RangeResultMessage, RangeTaskMessage } from './rangeMessages.ts';

export interface RangeWorkerPool {
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
  /** Stops every worker; tasks still running or queued reject. */
  close(): Promise<void>;
}

interface QueuedTask {
  readonly message: RangeTaskMessage;
  resolve(partial: unknown): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly worker: Worker;
  task: QueuedTask | null;
}

const WORKER_URL = new URL('./rangeWorker.ts', import.meta.url);

/** Default thread count: what the OS says this process may use in parallel. */
export function defaultThreadCount(): number {
  return availableParallelism();
}

/**
 * Starts `threads` workers (default `os.availableParallelism()`); they load while the caller
 * prepares its tasks. Throws RangeError for a thread count that is not a positive integer.
 */
export function createRangeWorkerPool(threads = defaultThreadCount()): RangeWorkerPool {
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw new RangeError(`createRangeWorkerPool: threads must be an integer >= 1, got ${threads}`);
  }
  return new WorkerThreadPool(threads);
}

class WorkerThreadPool implements RangeWorkerPool {
  readonly threadCount: number;
  readonly #queue: QueuedTask[] = [];
  readonly #workers: PoolWorker[] = [];
  #nextTaskId = 0;
  #closed = false;

  constructor(threads: number) {
    this.threadCount = threads;
    for (let i = 0; i < threads; i++) this.#startWorker();
  }

  run<Name extends RangeJobName>(
    job: Name,
    path: string,
    ranges: readonly FrameRange[],
    options: RangeJobOptions<Name>,
  ): Promise<RangeJobPartial<Name>[]> {
    if (this.#closed) return Promise.reject(new Error('RangeWorkerPool.run: the pool is closed'));
    if (this.#workers.length === 0) {
      return Promise.reject(new Error('RangeWorkerPool.run: every worker has failed'));
    }
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
    const error = new Error('RangeWorkerPool: closed while tasks were pending');
    for (const task of this.#queue.splice(0)) task.reject(error);
    const stopping = this.#workers.splice(0);
    for (const entry of stopping) entry.task?.reject(error);
    await Promise.all(stopping.map((entry) => entry.worker.terminate()));
  }

  #startWorker(): void {
    const entry: PoolWorker = { worker: new Worker(WORKER_URL), task: null };
    entry.worker.on('message', (result: RangeResultMessage) => this.#settle(entry, result));
    entry.worker.on('error', (error) => this.#fail(entry, error));
    entry.worker.on('exit', (code) => {
      if (this.#workers.includes(entry)) {
        this.#fail(entry, new Error(`a range worker stopped with exit code ${code}`));
      }
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    entry.worker.unref();
    this.#workers.push(entry);
  }

  /** Gives queued tasks to idle workers; a busy worker keeps Node alive until it answers. */
  #dispatch(): void {
    for (const entry of this.#workers) {
      const task = entry.task === null ? this.#queue.shift() : undefined;
      if (task === undefined) continue;
      entry.task = task;
      entry.worker.ref();
      entry.worker.postMessage(task.message);
    }
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

  /** A worker died: its task fails, and the queue too when no worker is left to run it. */
  #fail(entry: PoolWorker, error: Error): void {
    const index = this.#workers.indexOf(entry);
    if (index < 0) return;
    this.#workers.splice(index, 1);
    entry.task?.reject(error);
    entry.task = null;
    if (this.#workers.length === 0) for (const task of this.#queue.splice(0)) task.reject(error);
  }
}

/** One-shot form: a pool for these tasks only, closed when they are done or one fails. */
export async function runRangeJob<Name extends RangeJobName>(
  job: Name,
  path: string,
  ranges: readonly FrameRange[],
  options: RangeJobOptions<Name>,
  threads = defaultThreadCount(),
): Promise<RangeJobPartial<Name>[]> {
  const pool = createRangeWorkerPool(Math.max(1, Math.min(threads, ranges.length)));
  try {
    return await pool.run(job, path, ranges, options);
  } finally {
    await pool.close();
  }
}
