/**
 * A signed-in client of the hub for the benchmark: a desktop (device token, as the desktop app
 * will hold) or a browser (session cookie), calling the API over HTTP exactly as the page does
 * (renderer/api/httpApi.ts builds the requests), timing every call.
 */
import { ApiError } from '../../shared/api/contract.ts';
import { apiPath, resultFromEnvelope } from '../../shared/api/httpProtocol.ts';
import type { ApiMethod } from '../../shared/api/methods.ts';
import { requestFor } from '../../renderer/api/httpApi.ts';

/** Requests sent again after the hub closed their connection before answering, by path. */
export const resent = new Map<string, number>();

const CONNECTION_CLOSED = ['UND_ERR_SOCKET', 'EPIPE', 'ECONNRESET'];
const TRIES = 4;

/**
 * fetch, sent again (up to TRIES times) when the connection closed before any answer: seen as
 * the answer never coming or as the request's write failing. Under this load it happens a few
 * times a run (the keep-alive race: the hub's 5 s idle timeout ends a connection the client has
 * just picked to reuse, which a loaded machine's late timers make common). The hub acts on a
 * request only once it has all of it, and a chunk appended twice would be refused as more than
 * the import announced, so sending again is safe here; a desktop's uploader must do the same.
 */
async function sendOnce(url: URL, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = ((error as Error).cause as { code?: string } | undefined)?.code ?? '';
      if (!CONNECTION_CLOSED.includes(code) || attempt === TRIES) throw error;
      resent.set(url.pathname, (resent.get(url.pathname) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export interface TimedCall {
  readonly method: ApiMethod;
  readonly ms: number;
  /** Bytes of the answer's body. */
  readonly answerBytes: number;
}

export interface HubClient {
  readonly name: string;
  call(method: ApiMethod, args: unknown[]): Promise<unknown>;
  /** Every call made so far, in order (failed ones too). */
  readonly calls: TimedCall[];
}

/** Signs `name` in; with `deviceName` as a desktop (bearer token), else as a browser (cookie). */
export async function signIn(
  hubUrl: string,
  name: string,
  password: string,
  deviceName?: string,
): Promise<HubClient> {
  const response = await sendOnce(new URL('hub/sign-in', hubUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password, deviceName }),
  });
  if (response.status !== 200) throw new Error(`${name} could not sign in (${response.status})`);
  let credential: Record<string, string>;
  if (deviceName === undefined) {
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    credential = { Cookie: cookie };
    await response.arrayBuffer();
  } else {
    const { token } = (await response.json()) as { token: string };
    credential = { Authorization: `Bearer ${token}` };
  }
  return createClient(hubUrl, name, credential);
}

function createClient(hubUrl: string, name: string, credential: Record<string, string>) {
  const calls: TimedCall[] = [];
  return {
    name,
    calls,
    async call(method: ApiMethod, args: unknown[]): Promise<unknown> {
      const init = requestFor(method, args);
      const start = performance.now();
      const response = await sendOnce(new URL(apiPath(method).slice(1), hubUrl), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...credential },
      });
      // The whole answer read and parsed: what a client waits for before it can show it.
      const text = await response.text();
      const envelope: unknown = JSON.parse(text);
      calls.push({ method, ms: performance.now() - start, answerBytes: Buffer.byteLength(text) });
      return resultFromEnvelope(envelope);
    },
  };
}

/** True for the hub's refusal of a new import while MAX_OPEN_IMPORTS are open. */
export function isTooManyImports(error: unknown): boolean {
  return error instanceof ApiError && error.reason === 'too-many-imports';
}
