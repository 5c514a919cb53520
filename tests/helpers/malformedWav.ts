/** The table format of the malformed-WAV tests and the one check every row goes through. */
import { expect } from 'vitest';
import { WavFormatError } from '../../shared/audio/wavErrors.ts';
import type { WavErrorCode } from '../../shared/audio/wavErrors.ts';
import { decodeWav } from '../../shared/audio/wavReader.ts';
import { chunk, concat, fmtPayload, sampleBytes } from './wavBytes.ts';
import type { Bytes } from './wavBytes.ts';

export interface MalformedCase {
  readonly name: string;
  readonly code: WavErrorCode;
  readonly byteOffset: number;
  readonly bytes: Uint8Array;
}

export const bad = (
  name: string,
  code: WavErrorCode,
  byteOffset: number,
  bytes: Bytes,
): MalformedCase => ({ name, code, byteOffset, bytes: concat(bytes) });

/** A valid 16-byte PCM fmt chunk and a small data chunk to build files around. */
export const FMT = chunk('fmt ', fmtPayload());
export const DATA = chunk('data', sampleBytes('pcm16', [0, 1, -1, 2]));

/** The reader refuses `bytes` with a WavFormatError of `code` at `byteOffset`, within 1 s. */
export async function expectMalformed({ bytes, code, byteOffset }: MalformedCase): Promise<void> {
  const startedMs = performance.now();
  const error: unknown = await decodeWav(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WavFormatError);
  expect(error).toMatchObject({ code, byteOffset });
  expect((error as Error).message).toMatch(new RegExp(`\\(at byte ${byteOffset}\\)$`));
  expect(performance.now() - startedMs).toBeLessThan(1000);
}
