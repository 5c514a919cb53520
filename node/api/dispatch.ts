/**
 * The one entry point of both hosts (Electron IPC and the web host): looks the method up in
 * the method table (shared/api/methods.ts), validates every argument with its schema, calls the implementation and turns any
 * failure into an ApiError.
 */
import * as v from 'valibot';
import { ApiError } from '../../shared/api/contract.ts';
import { API_METHODS } from '../../shared/api/methods.ts';
import type { AuscultApi } from '../../shared/api/contract.ts';
import type { ApiMethod } from '../../shared/api/methods.ts';
import { methodSpec } from '../../shared/api/methods.ts';
import { consoleLogger, toApiError } from './errors.ts';
import type { ErrorLogger } from './errors.ts';

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && (API_METHODS as readonly string[]).includes(method);
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(typeof value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function plural(count: number): string {
  return `${count} argument${count === 1 ? '' : 's'}`;
}

/** Validates `args` for `method`; throws ApiError 'invalid-argument' naming the argument. */
export function validateArguments(method: ApiMethod, args: unknown): unknown[] {
  const spec = methodSpec(method);
  const expected = spec.args;
  const names = expected.map(([name]) => name).join(', ');
  const fewest = expected.length - (spec.optionalArgs ?? 0);
  if (!Array.isArray(args) || args.length < fewest || args.length > expected.length) {
    const got = Array.isArray(args) ? plural(args.length) : `${describe(args)} for its arguments`;
    const count =
      fewest < expected.length
        ? `${fewest} to ${plural(expected.length)}`
        : plural(expected.length);
    const wanted = expected.length ? `${count} (${names})` : 'no arguments';
    throw new ApiError('invalid-argument', `${method} takes ${wanted}, got ${got}.`);
  }
  return expected.map(([name, schema], index) => {
    const result = v.safeParse(schema, args[index]);
    if (result.success) return result.output;
    const [issue] = result.issues;
    const path = v.getDotPath(issue);
    const where = path ? `${name}.${path}` : name;
    throw new ApiError(
      'invalid-argument',
      `${method}: argument ${index + 1} (${where}) ${issue.message}.`,
    );
  });
}

export interface DispatchOptions {
  /** Where unexpected errors are logged with their stack; default console.error. */
  readonly log?: ErrorLogger;
}

/**
 * Calls `method` ('domain.verb', one of API_METHODS) of `service` with `args` (an array, as it
 * came over IPC or HTTP). Rejects with ApiError: 'invalid-argument' for an unknown method or an
 * argument that fails its schema (the message names it), else what the call raised, mapped by
 * toApiError ('not-found', 'invalid-input', 'disk-full', 'internal').
 */
export async function dispatch(
  service: AuscultApi,
  method: string,
  args: unknown,
  options: DispatchOptions = {},
): Promise<unknown> {
  if (!isApiMethod(method)) {
    throw new ApiError('invalid-argument', `There is no API method ${describe(method)}.`);
  }
  const valid = validateArguments(method, args);
  const [domain, verb] = method.split('.');
  const functions = service[domain as keyof AuscultApi] as unknown as Record<
    string,
    (...callArgs: unknown[]) => Promise<unknown>
  >;
  try {
    return await functions[verb](...valid);
  } catch (error) {
    throw toApiError(error, method, options.log ?? consoleLogger);
  }
}
