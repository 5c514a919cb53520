/**
 * Which IPC messages main trusts (VS Code's rule: check every message's channel, origin and
 * frame). Only the app's own page, in its main frame, may call the API, and only on a channel
 * that names an API method.
 */
import { API_METHODS } from '../shared/api/methods.ts';
import type { ApiMethod } from '../shared/api/methods.ts';
import { ipcChannel } from '../shared/api/httpProtocol.ts';
import { isAppUrl } from './appOrigin.ts';

/** What the checks read of Electron's WebFrameMain. */
export interface IpcSenderFrame {
  readonly url: string;
  /** null for a main (top-level) frame. */
  readonly parent: unknown;
}

/** What the checks read of Electron's IpcMainInvokeEvent. */
export interface IpcInvokeEvent {
  /** null when the frame has navigated away or been destroyed since it sent the message. */
  readonly senderFrame: IpcSenderFrame | null;
}

const METHOD_BY_CHANNEL: ReadonlyMap<string, ApiMethod> = new Map(
  API_METHODS.map((method) => [ipcChannel(method), method]),
);

/** Every channel main listens on: `domain:verb` for each API method, nothing else. */
export const API_CHANNELS: readonly string[] = [...METHOD_BY_CHANNEL.keys()];

/** The API method a channel names, or null for any other channel. */
export function methodForChannel(channel: string): ApiMethod | null {
  return METHOD_BY_CHANNEL.get(channel) ?? null;
}

/**
 * Why a message must be refused, or null when its sender is the app's page: the sending frame
 * still exists, is a main frame (an iframe, even one of ours, may not call), and its URL is on
 * `app://auscult`.
 */
export function ipcSenderRefusal(event: IpcInvokeEvent): string | null {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return 'the sending frame no longer exists';
  if (frame.parent !== null) return 'the message comes from a sub-frame';
  if (!isAppUrl(frame.url)) return `the message comes from ${JSON.stringify(frame.url)}`;
  return null;
}
