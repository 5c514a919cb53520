/**
 * `auscult log export`: the fault log of a library folder as a CSV file or a PDF report
 * (docs/formats.md, "Fault log CSV" and "Fault log PDF"). The library is opened as the web host opens it (migrated if older; interrupted
 * recordings no running process is writing are recovered, and that is printed as a warning) but
 * no demo machine is made, and a folder without a library is refused rather than created: an
 * export should not leave a new library behind a typo.
 */
import type { FaultLogEntry } from '../../shared/api/contract.ts';
import { faultLogCsv } from '../../shared/faultLog/csv.ts';
import { NO_FILTERS } from '../../shared/faultLog/filter.ts';
import { writeFileAtomic } from '../diagnosis/jsonFiles.ts';
import { resolveLibraryHome } from '../library/home.ts';
import type { Library } from '../library/library.ts';
import { faultLogPdf } from '../reports/faultLogPdf.ts';
import { latestVerdictsOfEntries } from '../workflows/verdicts.ts';
import type { ExpertVerdict } from '../../shared/verdicts/expertVerdict.ts';
import type { LogExportArgs } from './reportArgs.ts';
import type { CommandOutput } from './commands.ts';
import { InputError } from './errors.ts';
import { openExisting } from './existingLibrary.ts';

/** node:sqlite has no flag from Node 22.13 and 23.4; earlier versions cannot open a library. */
function hasSqlite(version: string = process.versions.node): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 4) || (major === 22 && minor >= 13);
}

interface Selection {
  readonly entries: readonly FaultLogEntry[];
  /** The machine --machine named, by id; null without --machine. */
  readonly machineId: string | null;
  readonly machineNames: ReadonlyMap<string, string>;
  /** The newest expert verdict by diagnosis id. */
  readonly verdicts: ReadonlyMap<string, ExpertVerdict>;
}

/** The entries the options select, in the library's order (newest first). */
async function selectedEntries(
  library: Library,
  all: readonly FaultLogEntry[],
  args: LogExportArgs,
): Promise<Selection> {
  let entries = all;
  const machines = await library.store.machines.list();
  const machineNames = new Map(machines.map((m) => [m.id, m.name]));
  let machineId: string | null = null;
  if (args.machine !== undefined) {
    const machine =
      machines.find((m) => m.id === args.machine) ?? machines.find((m) => m.name === args.machine);
    if (!machine) {
      const known = machines.map((m) => `${m.name} (${m.id})`).join(', ') || 'none';
      throw new InputError(
        `--machine "${args.machine}" names no machine of the library in "${library.home}" (its machines: ${known})`,
      );
    }
    machineId = machine.id;
    entries = entries.filter((entry) => entry.machineId === machine.id);
  }
  if (args.status !== undefined) entries = entries.filter((entry) => entry.status === args.status);
  const verdicts = await latestVerdictsOfEntries(library, entries);
  return { entries, machineId, machineNames, verdicts };
}

/** The file's bytes: the CSV text, or the PDF report of the same entries. */
function exportBytes(args: LogExportArgs, selection: Selection): Promise<string | Uint8Array> {
  const { verdicts } = selection;
  if (args.format === 'csv') {
    return Promise.resolve(faultLogCsv(selection.entries, args.lang, { verdicts }));
  }
  return faultLogPdf(
    {
      entries: selection.entries,
      // As the CSV: archived entries are included, and the report says so.
      filters: {
        ...NO_FILTERS,
        machineId: selection.machineId,
        status: args.status ?? null,
        showArchived: true,
      },
      machineNames: selection.machineNames,
      verdicts,
      generatedAt: new Date(),
    },
    { language: args.lang, paper: args.paper },
  );
}

export async function runLogExport(args: LogExportArgs): Promise<CommandOutput> {
  if (!hasSqlite()) {
    throw new InputError(
      `log export needs Node 22.13 or later to read a library (this is Node ${process.versions.node})`,
    );
  }
  const warnings: string[] = [];
  const library = await openExisting(resolveLibraryHome(args.home), warnings);
  try {
    const all = await library.store.faultLog.summaries();
    const selection = await selectedEntries(library, all, args);
    const { entries } = selection;
    await writeFileAtomic(args.outPath, await exportBytes(args, selection));
    const count = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
    return {
      stdout: `Fault log exported to ${args.outPath}: ${count} of ${all.length}.\n`,
      warnings,
    };
  } finally {
    await library.close();
  }
}
