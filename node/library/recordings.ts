/** Recording rows. A row is written only after its WAV file is complete in recordings/. */
import type { RecordingOrigin, RecordingSummary } from '../../shared/api/contract.ts';
import { NotFoundError } from './errors.ts';
import type { Library } from './library.ts';
import { assertMachineExists } from './machines.ts';
import { number, text } from './rows.ts';
import type { Row } from './rows.ts';

const COLUMNS = `id, machine_id, name, origin, sample_rate_hz, channel_count, duration_seconds,
  size_bytes, created_at`;

function toSummary(row: Row): RecordingSummary {
  return {
    id: text(row, 'id'),
    machineId: text(row, 'machine_id'),
    name: text(row, 'name'),
    origin: text(row, 'origin') as RecordingOrigin,
    sampleRateHz: number(row, 'sample_rate_hz'),
    channelCount: number(row, 'channel_count'),
    durationSeconds: number(row, 'duration_seconds'),
    sizeBytes: number(row, 'size_bytes'),
    createdAt: text(row, 'created_at'),
  };
}

/** A machine's recordings, oldest first. Throws NotFoundError for an unknown machine. */
export function listRecordings(library: Library, machineId: string): RecordingSummary[] {
  assertMachineExists(library, machineId);
  return library.db
    .prepare(`SELECT ${COLUMNS} FROM recordings WHERE machine_id = ? ORDER BY created_at, rowid`)
    .all(machineId)
    .map(toSummary);
}

/** One recording. Throws NotFoundError. */
export function getRecording(library: Library, recordingId: string): RecordingSummary {
  const row = library.db.prepare(`SELECT ${COLUMNS} FROM recordings WHERE id = ?`).get(recordingId);
  if (!row) throw new NotFoundError('recording', recordingId);
  return toSummary(row);
}

/** Adds the row of a recording whose file is already in place at `library.recordingPath(id)`. */
export function insertRecording(library: Library, recording: RecordingSummary): void {
  library.db
    .prepare(`INSERT INTO recordings (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      recording.id,
      recording.machineId,
      recording.name,
      recording.origin,
      recording.sampleRateHz,
      recording.channelCount,
      recording.durationSeconds,
      recording.sizeBytes,
      recording.createdAt,
    );
}
