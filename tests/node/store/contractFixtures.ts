/**
 * What the store contract's parts share: the harness each store gives them, and a machine, a
 * report and a recording row to write.
 */
import type { RecordingSummary } from '../../../shared/api/contract.ts';
import type { LibraryStore } from '../../../node/store/types.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';

export interface StoreHarness {
  /** A new, empty store for one test; `reopen` opens another connection to the same one. */
  fresh(): Promise<{ store: LibraryStore; reopen(): Promise<LibraryStore>; spec: string[] }>;
}

/** A version 4 UUID, as every row's id is. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const lathe = parseMachineProfile({ id: 'lathe', name: 'Lathe 1', lineFrequencyHz: 50 });

export const report: DiagnosisReport = {
  file: 'a.wav',
  sampleRateHz: 16000,
  durationSeconds: 2,
  anomalous: true,
  anomalyScore: 7.5,
  threshold: 3,
  findings: [],
  causes: [
    {
      id: 'unbalance',
      componentId: 'spindle',
      confidence: 0.8,
      severity: 'serious',
      evidence: [],
      action: '',
    },
  ],
} as unknown as DiagnosisReport;

/** A recording row for `machineId` (the contract does not need its audio). */
export function recordingRow(id: string, machineId: string, createdAt: string): RecordingSummary {
  return {
    id,
    machineId,
    name: `${id}.wav`,
    origin: 'imported' as const,
    sampleRateHz: 16000,
    channelCount: 1,
    durationSeconds: 2,
    sizeBytes: 64044,
    createdAt,
    warnings: [],
    codec: null,
    original: null,
  };
}
