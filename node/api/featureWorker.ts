/**
 * Entry point of the feature worker thread (started by createFeatureThread): computes the
 * features of each file it is sent, with the WASM FFT as the CLI does. Node runs it from .ts
 * directly (type stripping), so it and its imports use erasable TypeScript only.
 */
import { parentPort } from 'node:worker_threads';
import { enableWasmFft } from '../../shared/dsp/fft.ts';
import { extractFileFeatures } from '../diagnosis/featuresFromFile.ts';
import { InputError } from '../diagnosis/inputError.ts';
import type { FeatureAnswer, FeatureTask } from './featureMessages.ts';

async function answer(task: FeatureTask): Promise<FeatureAnswer> {
  try {
    await enableWasmFft();
    const { features } = await extractFileFeatures(task.path, task.range);
    return { taskId: task.taskId, ok: true, features };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return {
      taskId: task.taskId,
      ok: false,
      failure: {
        kind: error instanceof InputError ? 'input' : 'other',
        name: failure.name,
        message: failure.message,
        stack: failure.stack,
        ...(error instanceof InputError ? { reason: error.reason, params: error.params } : {}),
      },
    };
  }
}

if (parentPort === null) throw new Error('featureWorker.ts must run as a worker thread');
const port = parentPort;
// One task at a time, in order: the thread is there to keep the host's own thread free.
let queue = Promise.resolve();
port.on('message', (task: FeatureTask) => {
  queue = queue.then(async () => port.postMessage(await answer(task)));
});
