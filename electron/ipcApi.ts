/**
 * Binds AuscultApi to IPC: one `ipcMain.handle('domain:verb')` per method, each answering with
 * the envelope of shared/api/httpProtocol.ts after the sender check. Arguments are validated by
 * node/api's dispatch, as for the web host.
 */
import { ApiError } from '../shared/api/contract.ts';
import { API_METHODS, BINARY_RESULT_METHODS } from '../shared/api/methods.ts';
import type { ApiMethod } from '../shared/api/methods.ts';
import { errorEnvelope, ipcChannel } from '../shared/api/httpProtocol.ts';
import type { ApiEnvelope } from '../shared/api/httpProtocol.ts';
import { ipcSenderRefusal } from './ipcSecurity.ts';
import type { IpcInvokeEvent } from './ipcSecurity.ts';

/** Performs one API call (node/api's dispatch on the open library). */
export type ApiCall = (method: ApiMethod, args: unknown[]) => Promise<unknown>;

export type IpcHandler = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<ApiEnvelope>;

/** What binding needs of Electron's ipcMain. */
export interface IpcMainLike {
  handle(channel: string, listener: IpcHandler): void;
}

/** A binary result as an ArrayBuffer of exactly its bytes (IPC would turn a Buffer into a Uint8Array). */
function normaliseResult(method: ApiMethod, result: unknown): unknown {
  if (!BINARY_RESULT_METHODS.includes(method) || !ArrayBuffer.isView(result)) return result;
  const copy = new Uint8Array(result.byteLength);
  copy.set(new Uint8Array(result.buffer, result.byteOffset, result.byteLength));
  return copy.buffer;
}

/** Where refusals and unexpected errors are reported (main's stderr). */
export type IpcLog = (message: string, error?: unknown) => void;

const consoleLog: IpcLog = (message, error) =>
  error === undefined ? console.warn(message) : console.error(message, error);

/** The handler of one method: refuses a foreign sender, else calls and wraps the answer. */
export function createIpcHandler(
  method: ApiMethod,
  call: ApiCall,
  log: IpcLog = consoleLog,
): IpcHandler {
  return async (event, ...args) => {
    const refusal = ipcSenderRefusal(event);
    if (refusal !== null) {
      log(`auscult: refused ${ipcChannel(method)}: ${refusal}.`);
      return errorEnvelope(new ApiError('unauthorized', 'This page may not call Auscult.'));
    }
    try {
      return { result: normaliseResult(method, await call(method, args)) };
    } catch (error) {
      if (!(error instanceof ApiError)) log(`auscult: ${method} failed:`, error);
      return errorEnvelope(error);
    }
  };
}

/** Registers a handler for every API method's channel, and for nothing else. */
export function bindApiToIpc(ipcMain: IpcMainLike, call: ApiCall): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), createIpcHandler(method, call));
  }
}
