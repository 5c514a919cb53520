/** Recording rows, in PostgreSQL. A row is written only once its audio is in the audio store. */
import type {
  OriginalFile,
  OriginalFormat,
  RecordingOrigin,
  RecordingSummary,
} from '../../../shared/api/contract.ts';
import { codecFromJson } from '../../../shared/api/recordingCodec.ts';
import { storedCalibrationFromJson } from '../../../shared/audio/calibration/storedCalibration.ts';
import { warningsFromJson } from '../../../shared/api/recordingNotices.ts';
import { NotFoundError } from '../errors.ts';
import type { Clock, RecordingStore } from '../types.ts';
import { assertRow, hasRow, iso, rowVersion } from './sql.ts';
import type { Row, Sql } from './sql.ts';

const COLUMNS = `id, machine_id, name, origin, sample_rate_hz, channel_count, duration_seconds,
  size_bytes, created_at, warnings, codec, original_format, original_size_bytes, mic_calibration`;

function original(row: Row): OriginalFile | null {
  if (row.original_format === null || row.original_format === undefined) return null;
  return {
    format: row.original_format as OriginalFormat,
    sizeBytes: Number(row.original_size_bytes),
  };
}

function toSummary(row: Row): RecordingSummary {
  return {
    id: String(row.id),
    machineId: String(row.machine_id),
    name: String(row.name),
    origin: row.origin as RecordingOrigin,
    sampleRateHz: Number(row.sample_rate_hz),
    channelCount: Number(row.channel_count),
    durationSeconds: Number(row.duration_seconds),
    // bigint comes back as text: a recording is far below 2^53 bytes.
    sizeBytes: Number(row.size_bytes),
    createdAt: iso(row.created_at),
    warnings: warningsFromJson(row.warnings),
    codec: row.codec === null || row.codec === undefined ? null : codecFromJson(row.codec),
    original: original(row),
    ...(row.mic_calibration === null || row.mic_calibration === undefined
      ? {}
      : { calibration: storedCalibrationFromJson(row.mic_calibration) }),
  };
}

export function postgresRecordings(sql: Sql, clock: Clock): RecordingStore {
  return {
    async list(machineId) {
      await assertRow(sql, 'machines', 'machine', machineId);
      const { rows } = await sql.query(
        `SELECT ${COLUMNS} FROM recordings WHERE machine_id = $1 ORDER BY created_at, seq`,
        [machineId],
      );
      return rows.map(toSummary);
    },
    async get(recordingId) {
      const { rows } = await sql.query(`SELECT ${COLUMNS} FROM recordings WHERE id = $1`, [
        recordingId,
      ]);
      if (rows.length === 0) throw new NotFoundError('recording', recordingId);
      return toSummary(rows[0]);
    },
    exists: (recordingId) => hasRow(sql, 'recordings', recordingId),
    async insert(recording, originalAudioKey = null) {
      if ((recording.original === null) !== (originalAudioKey === null)) {
        throw new TypeError('a recording has an original file exactly when it has its key');
      }
      await sql.query(
        `INSERT INTO recordings (${COLUMNS}, original_audio_key, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $9)`,
        [
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
        ],
      );
    },
    async originalAudioKey(recordingId) {
      const { rows } = await sql.query(
        'SELECT original_audio_key AS key FROM recordings WHERE id = $1',
        [recordingId],
      );
      if (rows.length === 0) throw new NotFoundError('recording', recordingId);
      return rows[0].key === null ? null : String(rows[0].key);
    },
    version: (recordingId) => rowVersion(sql, 'recordings', 'recording', recordingId),
    async setCalibration(recordingId, calibration) {
      const { rowCount } = await sql.query(
        `UPDATE recordings SET mic_calibration = $1, updated_at = $2, version = version + 1
         WHERE id = $3`,
        [calibration ? JSON.stringify(calibration) : null, clock.now(), recordingId],
      );
      if (!rowCount) throw new NotFoundError('recording', recordingId);
    },
  };
}
