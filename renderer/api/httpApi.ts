/**
 * The AuscultApi over the web host's HTTP protocol (docs/hosts.md, shared/api/httpProtocol.ts):
 * `POST /api/<domain>/<verb>` with `{ args }`, a binary argument as the octet-stream body with
 * the other arguments in `X-Auscult-Args`. The access token, when the host needs one, travels as
 * its cookie, so the page sends nothing for it.
 */
import { ApiError } from '../../shared/api/contract.ts';
import {
  apiFromCall,
  BINARY_ARGUMENT_METHODS,
  BINARY_RESULT_METHODS,
} from '../../shared/api/methods.ts';
import type { AuscultApi } from '../../shared/api/contract.ts';
import type { ApiMethod } from '../../shared/api/methods.ts';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
  JSON_CONTENT_TYPE,
  resultFromEnvelope,
} from '../../shared/api/httpProtocol.ts';

/** The request of one call: JSON arguments, or the binary last argument as the body. */
export function requestFor(method: ApiMethod, args: readonly unknown[]): RequestInit {
  if (BINARY_ARGUMENT_METHODS.includes(method)) {
    const body = args[args.length - 1];
    if (!(body instanceof ArrayBuffer)) {
      throw new ApiError(
        'invalid-argument',
        `${method} needs an ArrayBuffer as its last argument.`,
      );
    }
    return {
      method: 'POST',
      headers: {
        'Content-Type': BINARY_CONTENT_TYPE,
        [ARGS_HEADER]: encodeArgsHeader(args.slice(0, -1)),
      },
      body,
    };
  }
  return {
    method: 'POST',
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
    body: JSON.stringify({ args }),
  };
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    // fetch rejects only when no answer came at all (host stopped, network down).
    throw new ApiError(
      'internal',
      'Auscult could not reach its host; check that it is still running.',
      { reason: 'host-unreachable' },
    );
  }
}

/** One call to the web host at `origin`: what createHttpApi is made of. */
export function httpCall(location: { readonly origin: string }) {
  return async (method: ApiMethod, args: unknown[]): Promise<unknown> => {
    const response = await send(
      new URL(apiPath(method), location.origin).href,
      requestFor(method, args),
    );
    const type = response.headers.get('Content-Type') ?? '';
    if (
      response.ok &&
      BINARY_RESULT_METHODS.includes(method) &&
      type.startsWith(BINARY_CONTENT_TYPE)
    ) {
      return await response.arrayBuffer();
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError(
        'internal',
        `The host answered ${response.status} without a readable body.`,
        { reason: 'bad-answer', params: { status: response.status } },
      );
    }
    return resultFromEnvelope(json);
  };
}

/** An AuscultApi talking to the web host at `origin` (the page's own origin in practice). */
export function createHttpApi(location: { readonly origin: string }): AuscultApi {
  return apiFromCall(httpCall(location));
}
