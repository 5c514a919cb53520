/** Which machine the Record screen starts with, remembered between visits. */
import type { MachineSummary } from '../../../shared/api/contract.ts';

const LAST_MACHINE_KEY = 'auscult.record.machineId';

/** The last machine recorded if it still exists, else the demo machine, else the first; null for none. */
export function defaultMachineId(
  machines: readonly Pick<MachineSummary, 'id' | 'isDemo'>[],
  lastUsedId: string | null,
): string | null {
  if (lastUsedId !== null && machines.some((m) => m.id === lastUsedId)) return lastUsedId;
  return (machines.find((m) => m.isDemo) ?? machines[0])?.id ?? null;
}

export function readLastMachineId(): string | null {
  try {
    return window.localStorage.getItem(LAST_MACHINE_KEY);
  } catch {
    // Storage may be disabled; the screen then starts with the demo machine.
    return null;
  }
}

export function rememberLastMachineId(machineId: string): void {
  try {
    window.localStorage.setItem(LAST_MACHINE_KEY, machineId);
  } catch {
    // Not fatal: only the default choice is lost.
  }
}
