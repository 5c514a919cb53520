/** Machines and their profiles. */
import type { MachineDetail, MachineSummary } from '../../shared/api/contract.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import { currentBaselineSummary } from './baselines.ts';
import { NotFoundError } from './errors.ts';
import type { Library } from './library.ts';
import { number, text } from './rows.ts';
import type { Row } from './rows.ts';

const SUMMARY_COLUMNS = `
  m.id, m.name, m.profile, m.is_demo, m.created_at, m.updated_at,
  (SELECT count(*) FROM recordings r WHERE r.machine_id = m.id) AS recording_count,
  EXISTS (SELECT 1 FROM baselines b WHERE b.machine_id = m.id) AS has_baseline`;

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
  };
}

/** Every machine, oldest first (the demo machine leads a new library). */
export function listMachines(library: Library): MachineSummary[] {
  const rows = library.db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM machines m ORDER BY m.created_at, m.rowid`)
    .all();
  return rows.map((row) => toSummary(row, storedProfile(row)));
}

/** One machine with its profile and current baseline. Throws NotFoundError. */
export function getMachine(library: Library, machineId: string): MachineDetail {
  const row = library.db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM machines m WHERE m.id = ?`)
    .get(machineId);
  if (!row) throw new NotFoundError('machine', machineId);
  const profile = storedProfile(row);
  return {
    ...toSummary(row, profile),
    profile,
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
    baseline: currentBaselineSummary(library, machineId),
  };
}

/** The machine's profile. Throws NotFoundError. */
export function getMachineProfile(library: Library, machineId: string): MachineProfile {
  const row = library.db.prepare('SELECT profile FROM machines WHERE id = ?').get(machineId);
  if (!row) throw new NotFoundError('machine', machineId);
  return storedProfile(row);
}

/** Throws NotFoundError unless the machine exists. */
export function assertMachineExists(library: Library, machineId: string): void {
  if (!library.db.prepare('SELECT 1 FROM machines WHERE id = ?').get(machineId)) {
    throw new NotFoundError('machine', machineId);
  }
}

/** Adds a machine with a validated profile; returns its id. Its name is the profile's name. */
export function insertMachine(
  library: Library,
  profile: MachineProfile,
  options: { readonly isDemo?: boolean; readonly id?: string } = {},
): string {
  const id = options.id ?? library.newId();
  const at = library.now().toISOString();
  library.db
    .prepare(
      `INSERT INTO machines (id, name, profile, is_demo, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, profile.name, JSON.stringify(profile), options.isDemo ? 1 : 0, at, at);
  return id;
}

/** Replaces a machine's profile (and so its name). Throws NotFoundError. */
export function updateMachineProfile(
  library: Library,
  machineId: string,
  profile: MachineProfile,
): void {
  const result = library.db
    .prepare('UPDATE machines SET name = ?, profile = ?, updated_at = ? WHERE id = ?')
    .run(profile.name, JSON.stringify(profile), library.now().toISOString(), machineId);
  if (Number(result.changes) === 0) throw new NotFoundError('machine', machineId);
}
