/** Machines and their profiles, in PostgreSQL. */
import type { MachineSummary } from '../../../shared/api/contract.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import type { MachineProfile } from '../../../shared/diagnosis/profile.ts';
import { NotFoundError } from '../errors.ts';
import { NOT_REVIEW_ONLY } from '../reviewRows.ts';
import type { Clock } from '../types.ts';
import type { MachineStore } from '../types.ts';
import { currentBaselineSummary } from './baselines.ts';
import { hasRow, iso, isoOrNull, rowVersion } from './sql.ts';
import type { Row, Sql } from './sql.ts';
import { toVerdict, verdictFields } from './verdicts.ts';

/**
 * Machines with their counts and newest verdict in one query (as the SQLite store does): a
 * fault-log entry counts as open until verified or dismissed, unless archived. The newest
 * diagnosis is found per machine through diagnoses_by_machine (LATERAL … LIMIT 1), not by
 * ranking every diagnosis of the hub in each call: the list's cost grows with the machines, not
 * with the years of diagnoses (npm run bench:hub: 1 000 machines, 78-175 ms before, 48-127 after).
 */
const SUMMARY_SELECT = `
  SELECT m.id, m.name, m.profile, m.is_demo, m.created_at, m.updated_at,
    (SELECT count(*)::int FROM recordings r WHERE r.machine_id = m.id) AS recording_count,
    (SELECT max(r.created_at) FROM recordings r WHERE r.machine_id = m.id) AS last_recording_at,
    -- Answered by the partial index fault_log_open_by_machine (migration 7): keep the same WHERE.
    (SELECT count(*)::int FROM fault_log f WHERE f.machine_id = m.id AND NOT f.archived
      AND f.status NOT IN ('verified', 'dismissed')) AS open_fault_count,
    EXISTS (SELECT 1 FROM baselines b WHERE b.machine_id = m.id) AS has_baseline,
    ${verdictFields('d')}
  FROM machines m
  LEFT JOIN LATERAL (SELECT * FROM diagnoses x WHERE x.machine_id = m.id
    ORDER BY x.created_at DESC, x.seq DESC LIMIT 1) d ON true`;

/** The stored profile, checked again on the way out. */
function storedProfile(row: Row): MachineProfile {
  return parseMachineProfile(row.profile);
}

function toSummary(row: Row, profile: MachineProfile): MachineSummary {
  return {
    id: String(row.id),
    name: String(row.name),
    lineFrequencyHz: profile.lineFrequencyHz,
    recordingCount: Number(row.recording_count),
    hasBaseline: row.has_baseline === true,
    isDemo: row.is_demo === true,
    lastRecordingAt: isoOrNull(row.last_recording_at),
    openFaultCount: Number(row.open_fault_count),
    latestVerdict: toVerdict(row),
  };
}

export function postgresMachines(sql: Sql, clock: Clock): MachineStore {
  return {
    async list() {
      const { rows } = await sql.query(
        `${SUMMARY_SELECT} WHERE ${NOT_REVIEW_ONLY('m.id')} ORDER BY m.created_at, m.seq`,
      );
      return rows.map((row) => toSummary(row, storedProfile(row)));
    },
    async get(machineId) {
      const { rows } = await sql.query(`${SUMMARY_SELECT} WHERE m.id = $1`, [machineId]);
      if (rows.length === 0) throw new NotFoundError('machine', machineId);
      const profile = storedProfile(rows[0]);
      return {
        ...toSummary(rows[0], profile),
        profile,
        createdAt: iso(rows[0].created_at),
        updatedAt: iso(rows[0].updated_at),
        baseline: await currentBaselineSummary(sql, machineId),
      };
    },
    exists: (machineId) => hasRow(sql, 'machines', machineId),
    async profile(machineId) {
      const { rows } = await sql.query('SELECT profile FROM machines WHERE id = $1', [machineId]);
      if (rows.length === 0) throw new NotFoundError('machine', machineId);
      return storedProfile(rows[0]);
    },
    async insert(profile, options = {}) {
      const id = options.id ?? clock.newId();
      const at = clock.now();
      await sql.query(
        `INSERT INTO machines (id, name, profile, is_demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)`,
        [id, profile.name, JSON.stringify(profile), options.isDemo === true, at],
      );
      return id;
    },
    async updateProfile(machineId, profile) {
      const { rowCount } = await sql.query(
        `UPDATE machines SET name = $1, profile = $2, updated_at = $3, version = version + 1
         WHERE id = $4`,
        [profile.name, JSON.stringify(profile), clock.now(), machineId],
      );
      if (!rowCount) throw new NotFoundError('machine', machineId);
    },
    version: (machineId) => rowVersion(sql, 'machines', 'machine', machineId),
  };
}
