/** Machines and their profiles, in SQLite. */
import type { DatabaseSync } from 'node:sqlite';
import type { MachineSummary } from '../../../shared/api/contract.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import type { MachineProfile } from '../../../shared/diagnosis/profile.ts';
import { NotFoundError } from '../errors.ts';
import { NOT_REVIEW_ONLY } from '../reviewRows.ts';
import type { MachineStore } from '../types.ts';
import { currentBaselineSummary } from './baselines.ts';
import { hasRow, number, rowVersion, text, textOrNull } from './rows.ts';
import type { Row } from './rows.ts';
import type { Clock, Synchronous } from './synchronous.ts';
import { rankedDiagnoses, toVerdict, verdictFields } from './verdicts.ts';

/**
 * Machines with their counts and newest verdict in one query: the diagnoses are ranked by id per
 * machine and only each machine's newest report is read, so a list costs no query per machine
 * and no parse of older reports (one machine ranks only its own diagnoses). A fault-log entry counts as open until it is verified or
 * dismissed, unless it is archived.
 */
function summarySelect(rankedWhere = ''): string {
  return `
  WITH ranked AS (${rankedDiagnoses('machine_id', rankedWhere)})
  SELECT m.id, m.name, m.profile, m.is_demo, m.created_at, m.updated_at,
    (SELECT count(*) FROM recordings r WHERE r.machine_id = m.id) AS recording_count,
    (SELECT max(r.created_at) FROM recordings r WHERE r.machine_id = m.id) AS last_recording_at,
    (SELECT count(*) FROM fault_log f WHERE f.machine_id = m.id AND f.archived = 0
      AND f.status NOT IN ('verified', 'dismissed')) AS open_fault_count,
    EXISTS (SELECT 1 FROM baselines b WHERE b.machine_id = m.id) AS has_baseline,
    ${verdictFields('d')}
  FROM machines m
  LEFT JOIN ranked k ON k.machine_id = m.id AND k.v_rank = 1
  LEFT JOIN diagnoses d ON d.id = k.id`;
}

/** The stored profile, checked again: the database is a file a user can edit. */
function storedProfile(row: Row): MachineProfile {
  return parseMachineProfile(JSON.parse(text(row, 'profile')));
}

function toSummary(row: Row, profile: MachineProfile): MachineSummary {
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    lineFrequencyHz: profile.lineFrequencyHz,
    recordingCount: number(row, 'recording_count'),
    hasBaseline: number(row, 'has_baseline') === 1,
    isDemo: number(row, 'is_demo') === 1,
    lastRecordingAt: textOrNull(row, 'last_recording_at'),
    openFaultCount: number(row, 'open_fault_count'),
    latestVerdict: toVerdict(row),
  };
}

export function sqliteMachines(db: DatabaseSync, clock: Clock): Synchronous<MachineStore> {
  const exists = (machineId: string) => hasRow(db, 'machines', machineId);
  return {
    list() {
      const rows = db
        .prepare(
          `${summarySelect()} WHERE ${NOT_REVIEW_ONLY('m.id')} ORDER BY m.created_at, m.rowid`,
        )
        .all();
      return rows.map((row) => toSummary(row, storedProfile(row)));
    },
    get(machineId) {
      // Only this machine's diagnoses are ranked (the index on machine_id), not the library's.
      const row = db
        .prepare(`${summarySelect('WHERE machine_id = ?')} WHERE m.id = ?`)
        .get(machineId, machineId);
      if (!row) throw new NotFoundError('machine', machineId);
      const profile = storedProfile(row);
      return {
        ...toSummary(row, profile),
        profile,
        createdAt: text(row, 'created_at'),
        updatedAt: text(row, 'updated_at'),
        baseline: currentBaselineSummary(db, machineId),
      };
    },
    exists,
    profile(machineId) {
      const row = db.prepare('SELECT profile FROM machines WHERE id = ?').get(machineId);
      if (!row) throw new NotFoundError('machine', machineId);
      return storedProfile(row);
    },
    insert(profile, options = {}) {
      const id = options.id ?? clock.newId();
      const at = clock.now().toISOString();
      db.prepare(
        `INSERT INTO machines (id, name, profile, is_demo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(id, profile.name, JSON.stringify(profile), options.isDemo ? 1 : 0, at, at);
      return id;
    },
    updateProfile(machineId, profile) {
      const result = db
        .prepare(
          `UPDATE machines SET name = ?, profile = ?, updated_at = ?, version = version + 1
           WHERE id = ?`,
        )
        .run(profile.name, JSON.stringify(profile), clock.now().toISOString(), machineId);
      if (Number(result.changes) === 0) throw new NotFoundError('machine', machineId);
    },
    version: (machineId) => rowVersion(db, 'machines', 'machine', machineId),
  };
}
