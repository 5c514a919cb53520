/**
 * The method table (shared/api/methods.ts) is the API contract: the names, binary flags and body
 * limits derive from it, and the compiler holds it to AuscultApi (the @ts-expect-error lines
 * below fail `tsc -p tests` if a wrong table ever compiles).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { AuscultApi } from '../../../shared/api/contract.ts';
import { MAX_BINARY_BODY_BYTES, MAX_JSON_BODY_BYTES } from '../../../shared/api/limits.ts';
import {
  API_METHODS,
  BINARY_ARGUMENT_METHODS,
  BINARY_RESULT_METHODS,
  METHOD_TABLE,
  methodSpec,
} from '../../../shared/api/methods.ts';
import type { MethodTable } from '../../../shared/api/methods.ts';

describe('the method table', () => {
  it('names every method of AuscultApi once, as domain.verb', () => {
    expect(API_METHODS).toHaveLength(new Set(API_METHODS).size);
    expect(API_METHODS).toContain('sessions.append');
    const domains = Object.keys(METHOD_TABLE) as (keyof AuscultApi)[];
    const count = domains.reduce(
      (sum, domain) => sum + Object.keys(METHOD_TABLE[domain]).length,
      0,
    );
    expect(API_METHODS).toHaveLength(count);
  });

  it('derives the binary lists and body limits from the rows', () => {
    expect(BINARY_ARGUMENT_METHODS).toEqual(['recordings.appendImport', 'sessions.append']);
    expect(BINARY_RESULT_METHODS).toEqual(['recordings.audio']);
    expect(methodSpec('sessions.append').maxBodyBytes).toBe(MAX_BINARY_BODY_BYTES);
    expect(methodSpec('settings.set').maxBodyBytes).toBe(MAX_JSON_BODY_BYTES);
    expect(methodSpec('review.peaks').args.map(([name]) => name)).toEqual(['recordingId', 'count']);
  });

  it('is checked against AuscultApi at compile time', () => {
    const sessions = METHOD_TABLE.sessions;
    // @ts-expect-error A domain without one of its methods is not a MethodTable row.
    const missing: MethodTable['sessions'] = { start: sessions.start, append: sessions.append };
    const wrongSchema: MethodTable['diagnoses'] = {
      run: METHOD_TABLE.diagnoses.run,
      list: {
        ...METHOD_TABLE.diagnoses.list,
        // @ts-expect-error A schema whose output is a number cannot check a string parameter.
        args: [['recordingId', v.number()]],
      },
    };
    expect([missing, wrongSchema]).toHaveLength(2);
  });
});
