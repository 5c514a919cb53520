/** Experts' verdicts: recording one on a stored diagnosis, and reading them back. */
import type { ExpertVerdict, VerdictInput } from '../../shared/verdicts/expertVerdict.ts';
import { checkedVerdictCause, latestPerDiagnosis } from '../../shared/verdicts/expertVerdict.ts';
import type { LibraryContext } from './context.ts';

/**
 * Records `input` on the diagnosis, against its automatic top cause (kept with the verdict).
 * Rejects with NotFoundError for an unknown diagnosis, VerdictRuleError when a confirmation has
 * nothing to confirm or names another cause, or a correction names the diagnosis' own cause.
 * The input's limits are the API's (shared/api/methods.ts).
 */
export async function recordVerdict(
  library: LibraryContext,
  diagnosisId: string,
  input: VerdictInput,
): Promise<ExpertVerdict> {
  const diagnosis = await library.store.diagnoses.get(diagnosisId);
  const automaticCauseId = diagnosis.report.causes[0]?.id ?? null;
  const causeId = checkedVerdictCause(input, automaticCauseId);
  return library.store.verdicts.insert({
    ...input,
    causeId,
    otherCause: causeId === 'other' ? input.otherCause.trim() : '',
    expertName: input.expertName.trim(),
    diagnosisId,
    automaticCauseId,
  });
}

/**
 * The newest verdict on each of the entries' diagnoses, by diagnosis id (one query per machine
 * of the entries): what the fault-log exports print beside each entry.
 */
export async function latestVerdictsOfEntries(
  library: Pick<LibraryContext, 'store'>,
  entries: readonly { readonly machineId: string }[],
): Promise<Map<string, ExpertVerdict>> {
  const machineIds = [...new Set(entries.map((entry) => entry.machineId))];
  const lists = await Promise.all(machineIds.map((id) => library.store.verdicts.listByMachine(id)));
  return new Map(latestPerDiagnosis(lists.flat()).map((verdict) => [verdict.diagnosisId, verdict]));
}
