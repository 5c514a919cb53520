/**
 * Entry point of a range worker thread (started by `createRangeWorkerPool`): runs each task it
 * is sent and answers with the partial or the error. Loaded by Node directly from .ts (type
 * stripping), so it and everything it imports use erasable TypeScript only.
 */
import { enableCompileCache } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { isRangeJobName, rangeJobLoaders } from './rangeJobs.ts';
import type { RangeJob } from './rangeJobs.ts';
import { serializeError } from './rangeMessages.ts';
import type { RangeResultMessage, RangeTaskMessage } from './rangeMessages.ts';

async function runTask(message: RangeTaskMessage): Promise<RangeResultMessage> {
  try {
    if (!isRangeJobName(message.job)) {
      throw new TypeError(`unknown range job ${JSON.stringify(message.job)}`);
    }
    const job = (await rangeJobLoaders[message.job]()) as RangeJob<unknown, unknown>;
    const partial = await job({
      path: message.path,
      range: message.range,
      options: message.options,
    });
    return { taskId: message.taskId, ok: true, partial };
  } catch (error) {
    return { taskId: message.taskId, ok: false, error: serializeError(error) };
  }
}

if (parentPort === null) throw new Error('rangeWorker.ts must run as a worker thread');
// The job modules load after this line: Node keeps them compiled (and type-stripped) on disk,
// in NODE_COMPILE_CACHE or os.tmpdir()/node-compile-cache, as Python keeps .pyc files. From the
// second run on, a worker is ready in ~40 ms instead of ~120 ms. Failing to cache is harmless.
enableCompileCache();
const port = parentPort;
port.on('message', (message: RangeTaskMessage) => {
  void runTask(message).then((result) => port.postMessage(result));
});
