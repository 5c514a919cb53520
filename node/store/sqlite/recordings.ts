/** Recording rows, in SQLite. A row is written only once its audio is in the audio store. */
import type { DatabaseSync } from 'node:sqlite';
import type {
  OriginalFile,
  OriginalFormat,
  RecordingOrigin,
  RecordingSummary,
} from '../../../shared/api/contract.ts';
import { codecFromJson } from '../../../shared/api/recordingCodec.ts';
import { storedCalibrationFromJson } from '../../../shared/audio/calibration/storedCalibration.ts';
import { NotFoundError } from '../errors.ts';
import type { RecordingStore } from '../types.ts';
import { warningsFromJson } from '../../../shared/api/recordingNotices.ts';
import { assertRow, hasRow, json, number, rowVersion, text } from './rows.ts';
import type { Row } from './rows.ts';
import type { Clock, Synchronous } from './synchronous.ts';

const COLUMNS = `id, machine_id, name, origin, sample_rate_hz, channel_count, duration_seconds,
  size_bytes, created_at, warnings, codec, original_format, original_size_bytes, mic_calibration`;

function original(row: Row): OriginalFile | null {
  const format = row.original_format;
  if (format === null || format === undefined) return null;
  return {
    format: text(row, 'original_format') as OriginalFormat,
    sizeBytes: number(row, 'original_size_bytes'),
  };
}

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
    warnings: warningsFromJson(json(row, 'warnings')),
    codec: row.codec === null ? null : codecFromJson(json(row, 'codec')),
    original: original(row),
    ...(row.mic_calibration === null
      ? {}
      : { calibration: storedCalibrationFromJson(json(row, 'mic_calibration')) }),
  };
}

export function sqliteRecordings(db: DatabaseSync, clock: Clock): Synchronous<RecordingStore> {
  return {
    list(machineId) {
      assertRow(db, 'machines', 'machine', machineId);
      return db
        .prepare(
          `SELECT ${COLUMNS} FROM recordings WHERE machine_id = ? ORDER BY created_at, rowid`,
        )
        .all(machineId)
        .map(toSummary);
    },
    get(recordingId) {
      const row = db.prepare(`SELECT ${COLUMNS} FROM recordings WHERE id = ?`).get(recordingId);
      if (!row) throw new NotFoundError('recording', recordingId);
      return toSummary(row);
    },
    exists: (recordingId) => hasRow(db, 'recordings', recordingId),
    insert(recording, originalAudioKey = null) {
      if ((recording.original === null) !== (originalAudioKey === null)) {
        throw new TypeError('a recording has an original file exactly when it has its key');
      }
      db.prepare(
        `INSERT INTO recordings (${COLUMNS}, original_audio_key, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        recording.id,
        recording.machineId,
        recording.name,
        recording.origin,
        recording.sampleRateHz,
        recording.channelCount,
        recording.durationSeconds,
        recording.sizeBytes,
        recording.createdAt,
        JSON.stringify(recording.warnings),
        recording.codec === null ? null : JSON.stringify(recording.codec),
        recording.original?.format ?? null,
        recording.original?.sizeBytes ?? null,
        recording.calibration ? JSON.stringify(recording.calibration) : null,
        originalAudioKey,
        recording.createdAt,
      );
    },
    originalAudioKey(recordingId) {
      const row = db
        .prepare('SELECT original_audio_key AS key FROM recordings WHERE id = ?')
        .get(recordingId);
      if (!row) throw new NotFoundError('recording', recordingId);
      return row.key === null ? null : text(row, 'key');
    },
    version: (recordingId) => rowVersion(db, 'recordings', 'recording', recordingId),
    setCalibration(recordingId, calibration) {
      // An UPDATE: the sync trigger queues the row for the hub.
      const result = db
        .prepare(
          `UPDATE recordings SET mic_calibration = ?, updated_at = ?, version = version + 1
           WHERE id = ?`,
        )
        .run(
          calibration ? JSON.stringify(calibration) : null,
          clock.now().toISOString(),
          recordingId,
        );
      if (Number(result.changes) === 0) throw new NotFoundError('recording', recordingId);
    },
  };
}
