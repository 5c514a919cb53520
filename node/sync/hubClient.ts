/**
 * The desktop's client of a hub's sync routes (shared/sync/protocol.ts) and of its JSON sign-in
 * for devices (node/hub/signInRoutes.ts). Failures come as three kinds the engine treats apart:
 * the hub cannot be reached or failed (retry later), it refused this device (stop), or it
 * answered something else (report).
 */
import type {
  AudioPart,
  AudioUploadState,
  ChangesResponse,
  PushRequest,
  PushResponse,
} from '../../shared/sync/protocol.ts';

/** How long one request may take before it counts as a cut connection. */
export const HUB_REQUEST_TIMEOUT_MS = 60_000;

/** No answer, a cut connection or a 5xx: try again later. */
export class HubUnreachableError extends Error {
  override readonly name = 'HubUnreachableError';
}

/** 401 or 403: the device token was revoked (or never valid). */
export class HubRefusedError extends Error {
  override readonly name = 'HubRefusedError';
}

/** Any other answer that is not what the protocol says; `status` is the HTTP status. */
export class HubAnswerError extends Error {
  override readonly name = 'HubAnswerError';
  readonly status: number;
  readonly body: unknown;
  constructor(message: string, status: number, body: unknown) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export interface HubUser {
  readonly name: string;
  readonly role: string;
  readonly plantIds: readonly string[];
}

/** The hub's address without a trailing slash. */
export function hubBase(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError('a hub URL starts with http:// or https://');
  }
  return parsed.origin + parsed.pathname.replace(/\/+$/, '');
}

async function request(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(HUB_REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new HubUnreachableError(`cannot reach ${url}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    throw new HubUnreachableError(`${url} answered ${response.status}`);
  }
  return response;
}

async function bodyOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new HubUnreachableError(`the hub's answer was cut off: ${(error as Error).message}`);
  }
}

/** The answer's JSON when 2xx; the error kinds above otherwise. */
async function answer<T>(response: Response): Promise<T> {
  if (response.ok) return (await bodyOf(response)) as T;
  const body = await response.json().catch(() => null);
  if (response.status === 401 || response.status === 403) {
    throw new HubRefusedError(`the hub refused this device (${response.status})`);
  }
  const message = (body as { message?: unknown } | null)?.message;
  throw new HubAnswerError(
    `the hub answered ${response.status}${typeof message === 'string' ? `: ${message}` : ''}`,
    response.status,
    body,
  );
}

/** Signs in as a device; the hub answers a token for this device only (never kept: the password). */
export async function signInDevice(
  url: string,
  name: string,
  password: string,
  deviceName: string,
  plantId?: string,
): Promise<{ token: string; user: HubUser; plantId: string | null }> {
  const response = await request(`${hubBase(url)}/hub/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password, deviceName, plantId }),
  });
  if ([401, 403, 429].includes(response.status)) {
    // Wrong password, not their plant, too many tries: the caller words it, not "revoked".
    throw new HubAnswerError('sign-in refused', response.status, await response.json());
  }
  return answer(response);
}

export interface HubClient {
  audioState(recordingId: string, part: AudioPart): Promise<AudioUploadState>;
  /** Sends bytes from `startByte`; a 409 (the hub holds another amount) answers its state. */
  putChunk(
    recordingId: string,
    part: AudioPart,
    startByte: number,
    bytes: Uint8Array,
    totalBytes: number,
    sha256: string,
  ): Promise<AudioUploadState>;
  push(body: PushRequest): Promise<PushResponse>;
  changes(since: string | null, limit: number): Promise<ChangesResponse>;
}

export function createHubClient(url: string, token: string): HubClient {
  const base = `${hubBase(url)}/hub/sync`;
  const auth = { Authorization: `Bearer ${token}` };
  const audioUrl = (id: string, part: AudioPart) =>
    `${base}/audio/${encodeURIComponent(id)}/${part}`;
  return {
    async audioState(recordingId, part) {
      return answer(await request(audioUrl(recordingId, part), { headers: auth }));
    },
    async putChunk(recordingId, part, startByte, bytes, totalBytes, sha256) {
      const endByte = startByte + bytes.length - 1;
      const response = await request(audioUrl(recordingId, part), {
        method: 'PUT',
        headers: {
          ...auth,
          'Content-Type': 'application/octet-stream',
          'Content-Range': `bytes ${startByte}-${endByte}/${totalBytes}`,
          'X-Auscult-Sha256': sha256,
        },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
      if (response.status !== 409) return answer(response);
      // The refusal carries the upload's state: where to resume.
      const refusal = (await bodyOf(response)) as { state?: AudioUploadState } | null;
      if (!refusal?.state)
        throw new HubAnswerError('a refused chunk without a state', 409, refusal);
      return refusal.state;
    },
    async push(body) {
      const response = await request(`${base}/push`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return answer(response);
    },
    async changes(since, limit) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (since !== null) query.set('since', since);
      return answer(await request(`${base}/changes?${query}`, { headers: auth }));
    },
  };
}
