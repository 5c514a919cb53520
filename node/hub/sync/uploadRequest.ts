/**
 * What an audio upload request says, checked before a byte of its body is read: which recording
 * and part (the path), which bytes of which file (Content-Range, X-Auscult-Sha256). Every
 * refusal is one sentence; nothing here touches the database.
 */
import type { IncomingMessage } from 'node:http';
import { ID_PATTERN } from '../../../shared/api/limits.ts';
import { MAX_SYNC_CHUNK_BYTES } from '../../../shared/sync/protocol.ts';
import type { AudioPart } from '../../../shared/sync/protocol.ts';
import { MAX_COMPRESSED_BYTES } from '../../audio/decoders/decodeToWav.ts';
import { MAX_AUDIO_BYTES } from '../../workflows/recordingAudio.ts';

export const SYNC_AUDIO_PREFIX = '/hub/sync/audio/';

/** The largest file of each part, in bytes: as large as the library takes. */
export const MAX_UPLOAD_BYTES: Readonly<Record<AudioPart, number>> = {
  audio: MAX_AUDIO_BYTES,
  original: MAX_COMPRESSED_BYTES,
};

/** Longest recording id that syncs an original (its key, `<id>-original`, is an id too). */
const MAX_ORIGINAL_ID_LENGTH = 64 - '-original'.length;

export type Checked<T> = { ok: true; value: T } | { ok: false; status: 400 | 413; problem: string };

/** The recording id and part of `/hub/sync/audio/{recordingId}/{part}`. */
export function uploadTarget(pathname: string): Checked<{ recordingId: string; part: AudioPart }> {
  const parts = pathname.slice(SYNC_AUDIO_PREFIX.length).split('/');
  const [recordingId, part] = parts;
  if (parts.length !== 2 || !ID_PATTERN.test(recordingId)) {
    return {
      ok: false,
      status: 400,
      problem: 'The path must be /hub/sync/audio/{recordingId}/{part}.',
    };
  }
  if (part !== 'audio' && part !== 'original') {
    return { ok: false, status: 400, problem: "The part must be 'audio' or 'original'." };
  }
  if (part === 'original' && recordingId.length > MAX_ORIGINAL_ID_LENGTH) {
    return { ok: false, status: 400, problem: 'A recording with an original needs a shorter id.' };
  }
  return { ok: true, value: { recordingId, part } };
}

export interface ChunkHeaders {
  readonly startByte: number;
  /** Inclusive, as Content-Range counts. */
  readonly endByte: number;
  readonly totalBytes: number;
  readonly sha256: string;
}

/** Digits only (no sign, no exponent), at most 15 of them: a byte count that is a safe integer. */
function byteCount(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

/** The Content-Range and X-Auscult-Sha256 of a chunk, checked against the part's limits. */
export function chunkHeaders(request: IncomingMessage, part: AudioPart): Checked<ChunkHeaders> {
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers['content-range'] ?? '');
  const [start, end, total] = (range?.slice(1) ?? []).map(byteCount);
  if (!range || start == null || end == null || total == null || end < start || end >= total) {
    return {
      ok: false,
      status: 400,
      problem: 'Content-Range must be "bytes first-last/total" with first ≤ last < total.',
    };
  }
  if (total > MAX_UPLOAD_BYTES[part]) {
    return {
      ok: false,
      status: 413,
      problem: `The file is larger than the hub takes (${MAX_UPLOAD_BYTES[part]} bytes).`,
    };
  }
  if (end - start + 1 > MAX_SYNC_CHUNK_BYTES) {
    return {
      ok: false,
      status: 413,
      problem: `A chunk may have at most ${MAX_SYNC_CHUNK_BYTES} bytes.`,
    };
  }
  const sha256 = String(request.headers['x-auscult-sha256'] ?? '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    return {
      ok: false,
      status: 400,
      problem: 'X-Auscult-Sha256 must be the hex SHA-256 of the whole file.',
    };
  }
  return { ok: true, value: { startByte: start, endByte: end, totalBytes: total, sha256 } };
}
