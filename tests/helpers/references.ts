/**
 * Loads reference fixtures made by scripts/references/*.py (numpy/scipy), so the tests compare
 * with scipy without running Python.
 *
 * Fixture format, shared by every reference script:
 * - one JSON file per topic under tests/fixtures/references/<group>/<topic>.json, written with
 *   `json.dumps(..., allow_nan=False)` and committed;
 * - top level: {"generator": "scripts/references/<script>.py", "versions": {python, numpy,
 *   scipy}, ...data}, usually with a "cases" list; each case holds its inputs (or the name of a
 *   stored signal), its options under the TypeScript names, the scipy call as a string under
 *   "scipy", and the expected outputs;
 * - every numeric array is {"dtype": "float64" | "float32" | "int32", "shape": [...],
 *   "base64": "..."}: the array's little-endian bytes in C order, in Python
 *   `base64.b64encode(np.ascontiguousarray(a, dtype="<f8").tobytes()).decode()`.
 *   `loadReference` replaces each such object by a typed array (flat, row-major).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REFERENCES_DIR = fileURLToPath(new URL('../fixtures/references/', import.meta.url));

/** What an encoded array becomes after loading. */
export type DecodedArray = Float64Array | Float32Array | Int32Array;

const CONSTRUCTORS = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
} as const;

interface EncodedArray {
  dtype: keyof typeof CONSTRUCTORS;
  shape: number[];
  base64: string;
}

function isEncodedArray(value: unknown): value is EncodedArray {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EncodedArray).base64 === 'string' &&
    typeof (value as EncodedArray).dtype === 'string'
  );
}

/** Decodes one encoded array (little-endian bytes; this also works on big-endian hosts). */
export function decodeArray(encoded: EncodedArray): DecodedArray {
  const Constructor = CONSTRUCTORS[encoded.dtype];
  if (!Constructor) throw new TypeError(`references: unknown dtype ${encoded.dtype}`);
  const bytes = Buffer.from(encoded.base64, 'base64');
  const count = bytes.length / Constructor.BYTES_PER_ELEMENT;
  const expected = encoded.shape.reduce((product, size) => product * size, 1);
  if (count !== expected) {
    throw new RangeError(`references: ${count} values for shape [${encoded.shape.join(', ')}]`);
  }
  const out = new Constructor(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) {
    const offset = i * Constructor.BYTES_PER_ELEMENT;
    if (encoded.dtype === 'float64') out[i] = view.getFloat64(offset, true);
    else if (encoded.dtype === 'float32') out[i] = view.getFloat32(offset, true);
    else out[i] = view.getInt32(offset, true);
  }
  return out;
}

function decodeTree(value: unknown): unknown {
  if (isEncodedArray(value)) return decodeArray(value);
  if (Array.isArray(value)) return value.map(decodeTree);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeTree(item)]));
  }
  return value;
}

/**
 * Reads tests/fixtures/references/<relativePath> and decodes every encoded array in it. The
 * type parameter only describes the expected shape; the file is trusted as committed.
 */
export function loadReference<T>(relativePath: string): T {
  const text = readFileSync(REFERENCES_DIR + relativePath, 'utf8');
  return decodeTree(JSON.parse(text)) as T;
}
