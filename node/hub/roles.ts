/**
 * What each role may call on the hub, checked on the server for every call. A new API method
 * does not typecheck until it is given its roles here. Technicians record, import and look after
 * their machines; experts review and diagnose; supervisors run the fault log; admins may do
 * everything. Everyone signed in may read what their plants hold.
 */
import type { ApiMethod } from '../../shared/api/methods.ts';
import type { Role } from './people.ts';

const EVERYONE: readonly Role[] = ['technician', 'expert', 'supervisor', 'admin'];
const TECHNICIANS: readonly Role[] = ['technician', 'admin'];
const REVIEWERS: readonly Role[] = ['technician', 'expert', 'admin'];
const FAULT_LOG_KEEPERS: readonly Role[] = ['technician', 'supervisor', 'admin'];
const EXPERTS: readonly Role[] = ['expert', 'admin'];
const ADMINS: readonly Role[] = ['admin'];

export const METHOD_ROLES: Readonly<Record<ApiMethod, readonly Role[]>> = {
  'machines.list': EVERYONE,
  'machines.get': EVERYONE,
  'machines.create': TECHNICIANS,
  'machines.update': TECHNICIANS,
  'machines.trend': EVERYONE,
  'recordings.list': EVERYONE,
  'recordings.verdicts': EVERYONE,
  'recordings.beginImport': TECHNICIANS,
  'recordings.appendImport': TECHNICIANS,
  'recordings.finishImport': TECHNICIANS,
  'recordings.cancelImport': TECHNICIANS,
  'recordings.audio': EVERYONE,
  'recordings.audioUrl': EVERYONE,
  // Whoever knows the microphone a file came through: the technician who imported it, or the
  // expert reviewing it.
  'recordings.setCalibration': REVIEWERS,
  'sessions.start': TECHNICIANS,
  'sessions.append': TECHNICIANS,
  'sessions.stop': TECHNICIANS,
  'review.selection': EVERYONE,
  'review.spectrogram': EVERYONE,
  'review.peaks': EVERYONE,
  // The experts' start screen: what awaits their verdict in their plants.
  'review.queue': EXPERTS,
  'faultLog.list': EVERYONE,
  'faultLog.page': EVERYONE,
  'faultLog.add': EVERYONE,
  'faultLog.transition': FAULT_LOG_KEEPERS,
  'faultLog.setArchived': FAULT_LOG_KEEPERS,
  'faultLog.history': EVERYONE,
  'faultLog.get': EVERYONE,
  'verdicts.record': EXPERTS,
  'verdicts.list': EVERYONE,
  'verdicts.listByMachine': EVERYONE,
  // Bundles move a library's rows in and out whole; on a hub they are not yet limited to the
  // caller's plants (a review's machine has no plant), so only admins may use them there.
  'bundles.beginOpen': ADMINS,
  'bundles.appendOpen': ADMINS,
  'bundles.finishOpen': ADMINS,
  'bundles.cancelOpen': ADMINS,
  'bundles.reviews': ADMINS,
  'bundles.adopt': ADMINS,
  'bundles.pack': ADMINS,
  'bundles.reply': ADMINS,
  'baselines.build': TECHNICIANS,
  'baselines.job': TECHNICIANS,
  'baselines.spectrum': EVERYONE,
  'diagnoses.run': REVIEWERS,
  'diagnoses.list': EVERYONE,
  'diagnoses.save': REVIEWERS,
  'settings.get': EVERYONE,
  'settings.set': ADMINS,
  // Calibrations belong to the microphones technicians record with.
  'settings.micCalibration': EVERYONE,
  'settings.micCalibrations': EVERYONE,
  'settings.setMicCalibration': TECHNICIANS,
  'settings.removeMicCalibration': TECHNICIANS,
  // A diagnosis report is checked against the diagnosis' plant (scope.ts); the fault-log report
  // holds the caller's plants' entries only (hubApi.ts passes their machines).
  'reports.diagnosis': EVERYONE,
  'reports.faultLog': EVERYONE,
  'reports.faultLogCsv': EVERYONE,
  // A desktop's link to a hub; on the hub itself the service answers that they do not apply.
  // Everyone may ask for the status: that answer is how the page knows to hide its Hub panel.
  'hubLink.status': EVERYONE,
  'hubLink.connect': ADMINS,
  'hubLink.disconnect': ADMINS,
  'hubLink.syncNow': ADMINS,
};

/**
 * The methods that change what the hub holds: each call of one writes a line of the audit log
 * (hubApi.ts). Typed as a record so a new method must be placed on one side or the other.
 */
export const METHOD_WRITES: Readonly<Record<ApiMethod, boolean>> = {
  'machines.list': false,
  'machines.get': false,
  'machines.create': true,
  'machines.update': true,
  'machines.trend': false,
  'recordings.list': false,
  'recordings.verdicts': false,
  'recordings.beginImport': true,
  // A chunk is audited with its upload (begin and finish), not one line per chunk.
  'recordings.appendImport': false,
  'recordings.finishImport': true,
  'recordings.cancelImport': true,
  'recordings.audio': false,
  'recordings.audioUrl': false,
  'recordings.setCalibration': true,
  'sessions.start': true,
  'sessions.append': false,
  'sessions.stop': true,
  'review.selection': false,
  'review.spectrogram': false,
  'review.peaks': false,
  'review.queue': false,
  'faultLog.list': false,
  'faultLog.page': false,
  'faultLog.add': true,
  'faultLog.transition': true,
  'faultLog.setArchived': true,
  'faultLog.history': false,
  'faultLog.get': false,
  'verdicts.record': true,
  'verdicts.list': false,
  'verdicts.listByMachine': false,
  'baselines.build': true,
  'baselines.job': false,
  'baselines.spectrum': false,
  'diagnoses.run': true,
  'diagnoses.list': false,
  'diagnoses.save': true,
  'settings.get': false,
  'settings.set': true,
  'settings.micCalibration': false,
  'settings.micCalibrations': false,
  'settings.setMicCalibration': true,
  'settings.removeMicCalibration': true,
  'reports.diagnosis': false,
  'reports.faultLog': false,
  'reports.faultLogCsv': false,
  'bundles.beginOpen': true,
  'bundles.appendOpen': false,
  'bundles.finishOpen': true,
  'bundles.cancelOpen': true,
  'bundles.reviews': false,
  'bundles.adopt': true,
  'bundles.pack': false,
  'bundles.reply': false,
  'hubLink.status': false,
  'hubLink.connect': false,
  'hubLink.disconnect': false,
  'hubLink.syncNow': false,
};

/**
 * Live remote listening (node/hub/live/): technicians open calls for their plants' machines,
 * experts join the calls of their plants. Neither is an API method: both go over /hub/live.
 */
export const LIVE_ROLES = { open: TECHNICIANS, join: EXPERTS } as const;

export function mayLive(role: Role, act: keyof typeof LIVE_ROLES): boolean {
  return LIVE_ROLES[act].includes(role);
}

export function mayCall(role: Role, method: ApiMethod): boolean {
  return METHOD_ROLES[method].includes(role);
}
