import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract.ts';
import { API_METHODS } from '../../shared/api/methods.ts';
import { apiFromDesktopBridge } from '../../shared/api/httpProtocol.ts';
import type { ApiEnvelope } from '../../shared/api/httpProtocol.ts';
import { createDesktopBridge } from '../../electron/bridge.ts';

function bridgeWith(answer: (channel: string, args: unknown[]) => ApiEnvelope) {
  const invocations: [string, unknown[]][] = [];
  const bridge = createDesktopBridge(async (channel, ...args) => {
    invocations.push([channel, args]);
    return answer(channel, args);
  });
  return { bridge, invocations };
}

describe('the preload bridge', () => {
  it('has exactly one function per API method, grouped by domain, and nothing else', () => {
    const { bridge } = bridgeWith(() => ({ result: null }));
    const names = Object.entries(bridge).flatMap(([domain, functions]) =>
      Object.entries(functions as Record<string, unknown>).map(([verb, value]) => {
        expect(typeof value).toBe('function');
        return `${domain}.${verb}`;
      }),
    );
    expect(names.sort()).toEqual([...API_METHODS].sort());
  });

  it.each(API_METHODS.map((method) => [method]))(
    'sends %s on its own channel with its arguments',
    async (method) => {
      const { bridge, invocations } = bridgeWith(() => ({ result: 'ok' }));
      const [domain, verb] = method.split('.');
      const functions = (
        bridge as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>
      )[domain];
      expect(await functions[verb]('a', 2)).toEqual({ result: 'ok' });
      expect(invocations).toEqual([[method.replace('.', ':'), ['a', 2]]]);
    },
  );

  it('cannot be extended or changed by the page', () => {
    const { bridge } = bridgeWith(() => ({ result: null }));
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.machines)).toBe(true);
  });

  it('becomes an AuscultApi that resolves results and rejects with the ApiError code', async () => {
    const { bridge } = bridgeWith((channel) =>
      channel === 'machines:list'
        ? { result: [{ id: 'm1' }] }
        : {
            error: {
              code: 'not-found',
              reason: 'not-found',
              params: { entity: 'machine' },
              message: 'There is no machine "m9".',
            },
          },
    );
    const api = apiFromDesktopBridge(bridge);
    expect(await api.machines.list()).toEqual([{ id: 'm1' }]);
    const failure = await api.machines.get('m9').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'not-found', message: 'There is no machine "m9".' });
  });
});
