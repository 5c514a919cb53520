/**
 * Entry point of an analysis worker thread (started by `createAnalysisPool`): says it is ready,
 * then runs each task it is sent and answers with the partial or the error. Loaded by Node
 * directly from .ts (type stripping) or from the CLI's and Electron's builds as .js.
 */
import nodeModule from 'node:module';
import { parentPort } from 'node:worker_threads';
import { serializeError } from './rangeMessages.ts';
import type { RangeResultMessage, RangeTaskMessage, WorkerMessage } from './rangeMessages.ts';
import { runRangeTaskHere } from './runRangeTask.ts';

async function runTask(message: RangeTaskMessage): Promise<RangeResultMessage> {
  try {
    const { job, path, range, options } = message;
    const partial = await runRangeTaskHere(job, { path, range, options });
    return { taskId: message.taskId, ok: true, partial };
  } catch (error) {
    return { taskId: message.taskId, ok: false, error: serializeError(error) };
  }
}

if (parentPort === null) throw new Error('analysisWorker must run as a worker thread');
// The job modules load after this line: Node keeps them compiled (and type-stripped) on disk,
// in NODE_COMPILE_CACHE or os.tmpdir()/node-compile-cache, as Python keeps .pyc files. Node 20
// has no compile cache; failing to cache is harmless.
nodeModule.enableCompileCache?.();
const port = parentPort;
port.on('message', (message: RangeTaskMessage) => {
  void runTask(message).then((result) => port.postMessage(result));
});
port.postMessage({ ready: true } satisfies WorkerMessage);
