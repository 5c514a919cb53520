import { describe, it } from 'vitest';
import { ascii, chunk, ds64Payload, riff, simpleWav } from '../../helpers/wavBytes.ts';
import type { Ds64Spec } from '../../helpers/wavBytes.ts';
import { bad, DATA, expectMalformed, FMT } from '../../helpers/malformedWav.ts';
import type { MalformedCase } from '../../helpers/malformedWav.ts';

const floatWav = (format: 'float32' | 'float64', samples: number[], channelCount = 1) =>
  simpleWav({ format, samples, channelCount });
const rf64 = (chunks: Uint8Array[], magic = 'RF64') =>
  riff(chunks, { magic, sizeField: 0xffffffff });
const ds64 = (spec: Partial<Ds64Spec> = {}) =>
  chunk('ds64', ds64Payload({ riffSize: 100, dataSize: 8, sampleCount: 4, ...spec }));

// Float files: fmt is 16 bytes, so the first sample sits at byte 44.
const sampleCases: MalformedCase[] = [
  bad('a NaN float32 sample', 'invalid-sample', 44 + 8, floatWav('float32', [0, 0.5, NaN, 1])),
  bad('a +Inf float32 sample', 'invalid-sample', 44, floatWav('float32', [Infinity, 0])),
  bad(
    'a -Inf float32 sample',
    'invalid-sample',
    44 + 12,
    floatWav('float32', [0, 0, 0, -Infinity]),
  ),
  bad('a NaN float64 sample', 'invalid-sample', 44 + 8, floatWav('float64', [0.25, NaN])),
  bad('an infinite float64 sample', 'invalid-sample', 44, floatWav('float64', [Infinity])),
  bad(
    'a float64 beyond the float32 range',
    'invalid-sample',
    44 + 8,
    floatWav('float64', [0, 1e300]),
  ),
  bad(
    'a NaN in the right channel of a mix',
    'invalid-sample',
    44 + 12,
    floatWav('float32', [0, 0, 1, NaN], 2),
  ),
];

const rf64Cases: MalformedCase[] = [
  bad('RF64 without a ds64 chunk', 'missing-ds64', 12, rf64([FMT, DATA])),
  bad('BW64 without a ds64 chunk', 'missing-ds64', 12, rf64([FMT, DATA], 'BW64')),
  bad('RF64 with nothing after its header', 'truncated-chunk-header', 12, rf64([])),
  bad(
    'RF64 with a 20-byte ds64',
    'ds64-too-small',
    12,
    rf64([chunk('ds64', new Uint8Array(20)), FMT, DATA]),
  ),
  bad('RF64 with an empty ds64', 'ds64-too-small', 12, rf64([chunk('ds64'), FMT, DATA])),
  bad(
    'a ds64 longer than the file',
    'truncated-chunk',
    12,
    rf64([
      chunk('ds64', ds64Payload({ riffSize: 0, dataSize: 0, sampleCount: 0 }), { sizeField: 4000 }),
    ]),
  ),
  bad(
    'a ds64 RIFF size beyond 2^53',
    'ds64-size-out-of-range',
    20,
    rf64([ds64({ riffSize: 2n ** 60n }), FMT, DATA]),
  ),
  bad(
    'a ds64 data size beyond 2^53',
    'ds64-size-out-of-range',
    28,
    rf64([ds64({ dataSize: 2n ** 64n - 1n }), FMT, DATA]),
  ),
  // ds64 with one table entry is 48 bytes: fmt at 60, the LIST chunk at 84.
  bad(
    'a ds64 table size beyond the file',
    'truncated-chunk',
    84,
    rf64([
      ds64({ table: [{ id: 'LIST', size: 2 ** 40 }] }),
      FMT,
      chunk('LIST', ascii('INFO'), { sizeField: 0xffffffff }),
      DATA,
    ]),
  ),
];

const allCases = [...sampleCases, ...rf64Cases];

describe('decodeWav on malformed samples and RF64 headers', () => {
  it.each(allCases)('rejects $name with $code at byte $byteOffset', expectMalformed, 1000);
});
