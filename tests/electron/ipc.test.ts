import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract.ts';
import { API_METHODS } from '../../shared/api/methods.ts';
import type { ApiMethod } from '../../shared/api/methods.ts';
import { bindApiToIpc, createIpcHandler } from '../../electron/ipcApi.ts';
import type { IpcHandler } from '../../electron/ipcApi.ts';
import { API_CHANNELS, ipcSenderRefusal, methodForChannel } from '../../electron/ipcSecurity.ts';
import type { IpcInvokeEvent } from '../../electron/ipcSecurity.ts';

const fromApp: IpcInvokeEvent = {
  senderFrame: { url: 'app://auscult/index.html#/machines', parent: null },
};

describe('IPC senders', () => {
  it('trusts the app page in its main frame', () => {
    expect(ipcSenderRefusal(fromApp)).toBeNull();
  });

  it.each<[string, IpcInvokeEvent, RegExp]>([
    ['a destroyed frame', { senderFrame: null }, /no longer exists/],
    [
      'a sub-frame of the app page',
      { senderFrame: { url: 'app://auscult/index.html', parent: {} } },
      /sub-frame/,
    ],
    [
      'a web page',
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      /evil\.example/,
    ],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }, /file:/],
    [
      'another app:// host',
      { senderFrame: { url: 'app://evil/index.html', parent: null } },
      /app:\/\/evil/,
    ],
    [
      'the app host on a port',
      { senderFrame: { url: 'app://auscult:8080/index.html', parent: null } },
      /8080/,
    ],
    [
      'the app host with credentials',
      { senderFrame: { url: 'app://x@auscult/', parent: null } },
      /x@auscult/,
    ],
    ['about:blank', { senderFrame: { url: 'about:blank', parent: null } }, /about:blank/],
    [
      'devtools',
      { senderFrame: { url: 'devtools://devtools/bundled/inspector.html', parent: null } },
      /devtools/,
    ],
  ])('refuses %s', (_name, event, reason) => {
    expect(ipcSenderRefusal(event)).toMatch(reason);
  });
});

describe('IPC channels', () => {
  it('are domain:verb for every API method and nothing else', () => {
    expect(API_CHANNELS).toEqual(API_METHODS.map((method) => method.replace('.', ':')));
  });

  it.each([
    ['machines:list', 'machines.list'],
    ['recordings:appendImport', 'recordings.appendImport'],
    ['machines.list', null],
    ['machines:destroy', null],
    ['__proto__', null],
    ['', null],
  ])('maps the channel %j to %j', (channel, method) => {
    expect(methodForChannel(channel)).toBe(method);
  });
});

describe('bindApiToIpc', () => {
  function bind(call: (method: ApiMethod, args: unknown[]) => Promise<unknown>) {
    const handlers = new Map<string, IpcHandler>();
    bindApiToIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, call);
    return handlers;
  }

  it('registers one handler per API channel', () => {
    expect([...bind(async () => null).keys()]).toEqual(API_CHANNELS);
  });

  it('calls the API method of the channel with the arguments and wraps the result', async () => {
    const calls: [ApiMethod, unknown[]][] = [];
    const handlers = bind(async (method, args) => {
      calls.push([method, args]);
      return { id: 'm1' };
    });
    const envelope = await handlers.get('machines:get')?.(fromApp, 'm1');
    expect(envelope).toEqual({ result: { id: 'm1' } });
    expect(calls).toEqual([['machines.get', ['m1']]]);
  });
});

describe('createIpcHandler', () => {
  it('refuses a foreign sender without calling the API', async () => {
    const warnings: string[] = [];
    let called = false;
    const handler = createIpcHandler(
      'settings.get',
      async () => {
        called = true;
      },
      (message) => warnings.push(message),
    );
    const envelope = await handler({ senderFrame: { url: 'https://evil.example/', parent: null } });
    expect(envelope).toEqual({
      error: {
        code: 'unauthorized',
        reason: 'unauthorized',
        params: {},
        message: 'This page may not call Auscult.',
      },
    });
    expect(called).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('settings:get')]);
  });

  it('passes an ApiError on with its code and sentence', async () => {
    const handler = createIpcHandler('machines.get', async () => {
      throw new ApiError('not-found', 'There is no machine "m9".');
    });
    expect(await handler(fromApp, 'm9')).toEqual({
      error: {
        code: 'not-found',
        reason: 'not-found',
        params: {},
        message: 'There is no machine "m9".',
      },
    });
  });

  it('reports any other error as internal, without its message, and logs it on the host', async () => {
    const logged: unknown[] = [];
    const failure = new Error('ENOENT /home/user/secret/path');
    const handler = createIpcHandler(
      'settings.get',
      async () => {
        throw failure;
      },
      (_message, error) => logged.push(error),
    );
    const envelope = await handler(fromApp);
    expect(envelope).toEqual({
      error: {
        code: 'internal',
        reason: 'internal',
        params: {},
        message: expect.not.stringContaining('secret'),
      },
    });
    expect(logged).toEqual([failure]);
  });

  it('sends a binary result as an ArrayBuffer of exactly its bytes', async () => {
    const pool = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const handler = createIpcHandler('recordings.audio', async () => pool.subarray(2, 5));
    const envelope = (await handler(fromApp, 'r1')) as { result: unknown };
    expect(envelope.result).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(envelope.result as ArrayBuffer)]).toEqual([1, 2, 3]);
  });
});
