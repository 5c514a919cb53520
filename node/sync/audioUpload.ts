/**
 * Uploading one audio file to the hub, resumable: ask where the hub stands, then send chunks of
 * MAX_SYNC_CHUNK_BYTES from there. The hub makes the file visible only once the last chunk
 * arrived and the whole file's SHA-256 matched, so a cut anywhere leaves nothing half-stored.
 */
import { createHash } from 'node:crypto';
import { MAX_SYNC_CHUNK_BYTES } from '../../shared/sync/protocol.ts';
import type { AudioUploadState } from '../../shared/sync/protocol.ts';
import type { AudioStore } from '../store/types.ts';
import { HubAnswerError } from './hubClient.ts';
import type { HubClient } from './hubClient.ts';
import type { QueuedAudio } from './outbox.ts';

/** Reads per hash step; the hash of a file is computed once per process. */
const HASH_READ_BYTES = 4 * 1024 * 1024;
const hashes = new Map<string, { sizeBytes: number; sha256: string }>();

async function fileSha256(audio: AudioStore, key: string, sizeBytes: number): Promise<string> {
  const known = hashes.get(key);
  if (known && known.sizeBytes === sizeBytes) return known.sha256;
  const hash = createHash('sha256');
  for (let start = 0; start < sizeBytes; start += HASH_READ_BYTES) {
    hash.update(await audio.read(key, start, Math.min(sizeBytes, start + HASH_READ_BYTES)));
  }
  const sha256 = hash.digest('hex');
  hashes.set(key, { sizeBytes, sha256 });
  return sha256;
}

export interface UploadResult {
  /** Bytes sent in this call (0 when the hub already had the file). */
  readonly sentBytes: number;
  readonly state: AudioUploadState;
}

/** Sends what the hub lacks of `item`; resolves once the hub holds the whole file. */
export async function uploadAudio(
  client: HubClient,
  audio: AudioStore,
  item: QueuedAudio,
): Promise<UploadResult> {
  const sizeBytes = await audio.size(item.audioKey);
  if (sizeBytes === null) {
    throw new HubAnswerError(`the audio of recording ${item.recordingId} is missing here`, 0, null);
  }
  const sha256 = await fileSha256(audio, item.audioKey, sizeBytes);
  let state = await client.audioState(item.recordingId, item.part);
  let sentBytes = 0;
  while (!state.complete) {
    const start = state.receivedBytes;
    if (start >= sizeBytes && sizeBytes > 0) {
      throw new HubAnswerError(`the hub holds more of ${item.recordingId} than there is`, 0, state);
    }
    const end = Math.min(sizeBytes, start + MAX_SYNC_CHUNK_BYTES);
    const bytes = await audio.read(item.audioKey, start, end);
    const next = await client.putChunk(
      item.recordingId,
      item.part,
      start,
      bytes,
      sizeBytes,
      sha256,
    );
    // A refused chunk (409) answers where the hub stands: resume from there.
    if (next.receivedBytes === start && !next.complete) {
      throw new HubAnswerError(
        `the hub took nothing of ${item.recordingId} at ${start}`,
        409,
        next,
      );
    }
    if (next.receivedBytes > start) sentBytes += next.receivedBytes - start;
    state = next;
  }
  if (state.sha256 !== null && state.sha256 !== sha256) {
    throw new HubAnswerError(`the hub holds other audio for ${item.recordingId}`, 409, state);
  }
  return { sentBytes, state };
}
