/**
 * `npm run eval`'s experts' verdicts: a real library (the demo's, SQLite) seeded with verdicts
 * through the workflow; the newest verdict of each diagnosis counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../node/library/library.ts';
import { recordVerdict } from '../../../node/workflows/verdicts.ts';
import type { VerdictInput } from '../../../shared/verdicts/expertVerdict.ts';
import {
  evalLibraryHome,
  evaluateVerdicts,
  readAgreement,
} from '../../../scripts/eval/verdicts.ts';
import { temporaryFolder } from '../../node/library/libraryFixtures.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
beforeAll(async () => {
  folder = await temporaryFolder('auscult-eval-verdicts-');
});
afterAll(async () => {
  await folder.remove();
});

const verdict = (change: Partial<VerdictInput> = {}): VerdictInput => ({
  decision: 'confirm',
  causeId: null,
  otherCause: '',
  componentId: null,
  severity: null,
  action: '',
  comment: '',
  expertName: 'Dr Wen',
  ...change,
});

describe("the experts' verdicts in npm run eval", () => {
  it('says so when the library has none, or no library is there', async () => {
    expect(await evaluateVerdicts(`${folder.path}/nothing-here`)).toBe('no verdicts yet');
    const home = `${folder.path}/empty`;
    await (await openLibrary(home, { demo: true })).close();
    expect(await evaluateVerdicts(home)).toBe('no verdicts yet');
  });

  it('counts the newest verdict of each diagnosis, per machine and in all', async () => {
    const home = `${folder.path}/seeded`;
    const library = await openLibrary(home, { demo: true });
    try {
      const [demo] = await library.store.machines.list();
      const named = (await library.store.diagnoses.listByMachine(demo.id)).filter(
        (d) => d.report.causes.length > 0,
      );
      const first = named[0];
      // A second stored diagnosis of the same recording, as Review's "save" makes one.
      const second = await library.store.diagnoses.insert({
        recordingId: first.recordingId,
        machineId: first.machineId,
        baselineId: first.baselineId,
        report: first.report,
        region: null,
      });
      const other = first.report.causes[0].id === 'belt' ? 'looseness' : 'belt';
      // First: confirmed, then corrected (the correction counts: a disagreement).
      await recordVerdict(library, first.id, verdict());
      await recordVerdict(library, first.id, verdict({ decision: 'correct', causeId: other }));
      // Second: corrected, then confirmed (an agreement).
      await recordVerdict(
        library,
        second.id,
        verdict({ decision: 'correct', causeId: 'other', otherCause: 'rattle' }),
      );
      await recordVerdict(library, second.id, verdict());
    } finally {
      await library.close();
    }
    const { machines, total } = await readAgreement(home);
    expect(total).toEqual({ examples: 2, agreed: 1, agreementRatio: 0.5 });
    expect(machines).toEqual([{ machineName: 'Demo lathe', ...total }]);
    const report = await evaluateVerdicts(home);
    expect(report).toMatch(/\| Demo lathe\s+\| 1\/2\s+\| 50 %\s+\|/);
    expect(report).toMatch(/\| all machines\s+\| 1\/2\s+\| 50 %\s+\|/);
  });

  it('reads AUSCULT_EVAL_HOME, else the default library', () => {
    expect(evalLibraryHome({ AUSCULT_EVAL_HOME: '/srv/lib' })).toBe('/srv/lib');
    expect(evalLibraryHome({ AUSCULT_EVAL_HOME: '' })).toBe(evalLibraryHome({}));
  });
});
