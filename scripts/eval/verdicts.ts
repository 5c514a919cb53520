/**
 * The experts' verdicts of a library as labelled examples: per machine, how often the automatic
 * top cause agreed with the expert (the newest verdict of each diagnosis counts). The library is
 * `AUSCULT_EVAL_HOME`, else the default one (AUSCULT_HOME, else the OS's data folder); it is
 * opened without creating the demo.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, openLibrary } from '../../node/library/library.ts';
import { resolveLibraryHome } from '../../node/library/home.ts';
import { verdictAgreement } from '../../shared/verdicts/agreement.ts';
import type { Agreement } from '../../shared/verdicts/agreement.ts';
import { fraction, formatTable } from './table.ts';

/** The library `npm run eval` reads verdicts from. */
export function evalLibraryHome(env: Readonly<Record<string, string | undefined>>): string {
  return resolveLibraryHome(env.AUSCULT_EVAL_HOME || undefined);
}

export interface MachineAgreement extends Agreement {
  readonly machineName: string;
}

/** Each machine's agreement, machines without verdicts left out, then the total. */
export async function readAgreement(home: string): Promise<{
  machines: MachineAgreement[];
  total: Agreement;
}> {
  if (!existsSync(join(home, DATABASE_FILE))) {
    return { machines: [], total: verdictAgreement([]) };
  }
  const library = await openLibrary(home, { demo: false });
  try {
    const machines: MachineAgreement[] = [];
    const all = [];
    for (const machine of await library.store.machines.list()) {
      const verdicts = await library.store.verdicts.listByMachine(machine.id);
      if (verdicts.length === 0) continue;
      machines.push({ machineName: machine.name, ...verdictAgreement(verdicts) });
      all.push(...verdicts);
    }
    // Each diagnosis belongs to one machine, so the total is the machines' examples together.
    return { machines, total: verdictAgreement(all) };
  } finally {
    await library.close();
  }
}

function percent(agreement: Agreement): string {
  const ratio = agreement.agreementRatio;
  return ratio === null ? '—' : `${(100 * ratio).toFixed(0)} %`;
}

/** The report's section: a table per machine and the total, or "no verdicts yet". */
export async function evaluateVerdicts(home: string): Promise<string> {
  const { machines, total } = await readAgreement(home);
  if (total.examples === 0) return 'no verdicts yet';
  const row = (name: string, a: Agreement) => [name, fraction(a.agreed, a.examples), percent(a)];
  return formatTable(
    ['machine', 'top cause agreed / examples', 'agreement'],
    [...machines.map((m) => row(m.machineName, m)), row('all machines', total)],
  );
}
