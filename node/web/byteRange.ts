/**
 * HTTP range requests on a file (RFC 9110 §14): what a media element sends to seek. One range
 * is served; a header with several ranges, or another unit, is ignored (the whole file, 200),
 * as the RFC allows. A `bytes=` range that is malformed or lies past the end is unsatisfiable
 * (416 with `Content-Range: bytes *\/size`).
 */

export type ByteRangeAnswer =
  | { readonly kind: 'whole' }
  | { readonly kind: 'partial'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' };

const SINGLE_RANGE = /^(\d*)-(\d*)$/;

/**
 * What to send for a `Range` header on a file of `sizeBytes` bytes. `end` is inclusive, as in
 * Content-Range. `bytes=a-b` (b clamped to the last byte), `bytes=a-`, `bytes=-n` (the last n
 * bytes, the whole file when n ≥ size).
 */
export function parseByteRange(header: string | undefined, sizeBytes: number): ByteRangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  const trimmed = header.trim();
  if (!/^bytes\s*=/i.test(trimmed)) return { kind: 'whole' };
  const spec = trimmed.replace(/^bytes\s*=\s*/i, '');
  if (spec.includes(',')) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(spec.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'unsatisfiable' };
  const [, first, last] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || sizeBytes === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, sizeBytes - suffix), end: sizeBytes - 1 };
  }
  const start = Number(first);
  const end = last === '' ? sizeBytes - 1 : Math.min(Number(last), sizeBytes - 1);
  if (!Number.isSafeInteger(start) || start >= sizeBytes || end < start) {
    return { kind: 'unsatisfiable' };
  }
  return { kind: 'partial', start, end };
}

/** Headers of a media answer: status, Content-Length and, for a part, Content-Range. */
export function rangeHeaders(
  answer: ByteRangeAnswer,
  sizeBytes: number,
  contentType: string,
): { status: number; headers: Record<string, string> } {
  const common = { 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache' };
  if (answer.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${sizeBytes}` } };
  }
  if (answer.kind === 'whole') {
    return {
      status: 200,
      headers: { ...common, 'Content-Type': contentType, 'Content-Length': String(sizeBytes) },
    };
  }
  return {
    status: 206,
    headers: {
      ...common,
      'Content-Type': contentType,
      'Content-Length': String(answer.end - answer.start + 1),
      'Content-Range': `bytes ${answer.start}-${answer.end}/${sizeBytes}`,
    },
  };
}
