/**
 * The reports domain of the API: the printed reports as PDF bytes (node/reports draws them).
 * The diagnosis report prints the stored diagnosis (verdict, causes) with the spectrum of the
 * same stretch as Review computes it, against the machine's current baseline.
 */
import type { AuscultApi } from '../../shared/api/contract.ts';
import { diagnosisPdf } from '../reports/diagnosisPdf.ts';
import { faultLogPdf } from '../reports/faultLogPdf.ts';
import { latestVerdictsOfEntries } from '../workflows/verdicts.ts';
import type { LibraryContext } from '../workflows/context.ts';
import type { FeatureSource } from '../workflows/features.ts';
import { faultLogCsvBytes, filteredEntries } from './faultLogCsv.ts';
import { analyseSelection } from './selection.ts';

/** The bytes as an ArrayBuffer of their own (a Buffer's may be a shared pool's). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The status of the newest fault-log entry made from the diagnosis, or null when none was. */
async function faultStatusOf(library: LibraryContext, machineId: string, diagnosisId: string) {
  const entries = await library.store.faultLog.listByMachine(machineId);
  return entries.find((entry) => entry.diagnosisId === diagnosisId)?.status ?? null;
}

/** `machineIds`: only these machines' entries go into the fault-log report (null: all). */
export function reportsApi(
  library: LibraryContext,
  features: FeatureSource,
  machineIds: readonly string[] | null,
): AuscultApi['reports'] {
  const { store } = library;
  return {
    async diagnosis(diagnosisId, options) {
      const stored = await store.diagnoses.get(diagnosisId);
      const recording = await store.recordings.get(stored.recordingId);
      const machine = await store.machines.get(stored.machineId);
      const startSeconds = stored.region?.startSeconds ?? 0;
      const endSeconds = stored.region?.endSeconds ?? recording.durationSeconds;
      const view = await analyseSelection(
        library,
        features,
        recording.id,
        startSeconds,
        endSeconds,
      );
      const bytes = await diagnosisPdf(
        {
          machineName: machine.name,
          recording: {
            name: recording.name,
            recordedAt: recording.createdAt,
            durationSeconds: recording.durationSeconds,
            sampleRateHz: recording.sampleRateHz,
          },
          region: stored.region,
          report: stored.report,
          hasBaseline: stored.baselineId !== null,
          spectrum: view,
          faultStatus: await faultStatusOf(library, machine.id, diagnosisId),
          generatedAt: library.now(),
        },
        options,
      );
      return ownBuffer(bytes);
    },
    async faultLog(filters, options) {
      const entries = await filteredEntries(library, filters, machineIds);
      const visible = machineIds === null ? null : new Set(machineIds);
      // The report names the machine a filter asks for; another plant's names stay out.
      const machines = (await store.machines.list()).filter((m) => visible?.has(m.id) ?? true);
      const bytes = await faultLogPdf(
        {
          entries,
          filters,
          machineNames: new Map(machines.map((m) => [m.id, m.name])),
          verdicts: await latestVerdictsOfEntries(library, entries),
          generatedAt: library.now(),
        },
        options,
      );
      return ownBuffer(bytes);
    },
    async faultLogCsv(filters, language) {
      return ownBuffer(await faultLogCsvBytes(library, filters, language, machineIds));
    },
  };
}
