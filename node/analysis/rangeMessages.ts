/**
 * What the pool and its range workers say to each other, and how an error crosses the thread
 * boundary (structured clone keeps neither custom classes nor their extra fields).
 */
import type { FrameRange } from './frameRanges.ts';
import type { RangeJobName } from './rangeJobs.ts';

export interface RangeTaskMessage {
  readonly taskId: number;
  readonly job: RangeJobName;
  readonly path: string;
  readonly range: FrameRange;
  readonly options: unknown;
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly code: string | undefined;
}

export type RangeResultMessage =
  | { readonly taskId: number; readonly ok: true; readonly partial: unknown }
  | { readonly taskId: number; readonly ok: false; readonly error: SerializedError };

/** What a worker posts: once `ready` when its module has loaded, then one result per task. */
export type WorkerMessage = RangeResultMessage | { readonly ready: true };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      code: typeof code === 'string' ? code : undefined,
    };
  }
  return { name: 'Error', message: String(error), stack: undefined, code: undefined };
}

/**
 * Rebuilds a worker's error on this side: RangeError and TypeError keep their class (callers
 * test for them), every other error keeps its name and code; the worker's stack is kept.
 */
export function deserializeError(serialized: SerializedError, context: string): Error {
  const message = `${context}: ${serialized.message}`;
  const error =
    serialized.name === 'RangeError'
      ? new RangeError(message)
      : serialized.name === 'TypeError'
        ? new TypeError(message)
        : new Error(message);
  if (error.name !== serialized.name) error.name = serialized.name;
  if (serialized.code !== undefined) Object.assign(error, { code: serialized.code });
  if (serialized.stack !== undefined)
    error.stack = `${error.name}: ${message}\n[worker] ${serialized.stack}`;
  return error;
}
