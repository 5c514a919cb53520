/**
 * The store contract, fault-log pages (FaultLogStore.page): keyset pages newest first that
 * neither repeat nor skip, and filters applied by the store that let through exactly what the
 * page's own filter (shared/faultLog/filter.ts) lets through. Every store runs it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FaultLogPageQuery, LibraryStore } from '../../../node/store/types.ts';
import type { FaultLogFilters } from '../../../shared/api/contract.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { filterFaultLog, NO_FILTERS } from '../../../shared/faultLog/filter.ts';
import { lathe, recordingRow, report } from './contractFixtures.ts';
import type { StoreHarness } from './contractFixtures.ts';

const normal = { ...report, anomalous: false, causes: [] } as unknown as DiagnosisReport;
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

export function describeFaultLogPageContract(name: string, harness: StoreHarness): void {
  describe(`the store contract, fault-log pages: ${name}`, () => {
    let store: LibraryStore;
    let machines: string[];
    beforeEach(async () => {
      ({ store } = await harness.fresh());
      machines = [
        await store.machines.insert(lathe),
        await store.machines.insert({ ...lathe, name: 'Press 2' }),
      ];
      const notes = ['Rattle at the chuck', 'quiet', 'RATTLE again', 'hum', 'squeal', 'rattle?'];
      for (const [index, note] of notes.entries()) {
        const machineId = machines[index % 2];
        const recordingId = crypto.randomUUID();
        await store.recordings.insert(
          recordingRow(recordingId, machineId, '2026-03-01T00:00:00.000Z'),
        );
        const made = index % 3 === 1 ? normal : report;
        const diagnosis = await store.diagnoses.insert({
          recordingId,
          machineId,
          baselineId: null,
          report: made,
        });
        await tick();
        const entry = await store.faultLog.add({
          machineId,
          diagnosisId: diagnosis.id,
          recordingId,
          causeId: made === report ? 'unbalance' : null,
          note,
          recordedBy: index < 3 ? 'Li' : 'Sam',
        });
        if (index === 2) await store.faultLog.setArchived(entry.id, true, 'Li');
        if (index === 4) {
          await store.faultLog.transition(entry.id, {
            toStatus: 'acknowledged',
            by: 'Li',
            reason: '',
            followUpRecordingId: null,
          });
        }
      }
    });

    async function allPages(filters: FaultLogFilters, machineIds: string[] | null = null) {
      const ids: string[] = [];
      let after: FaultLogPageQuery['after'] = null;
      for (let page = 0; page < 10; page++) {
        const rows = await store.faultLog.page({ limit: 2, after, filters, machineIds });
        expect(rows.entries.length).toBeLessThanOrEqual(2);
        ids.push(...rows.entries.map((entry) => entry.id));
        after = rows.next;
        if (after === null) return ids;
      }
      throw new Error('the pages did not end');
    }

    it('pages newest first without repeating or skipping, entries as summaries holds them', async () => {
      const all = await store.faultLog.summaries();
      const everything = { ...NO_FILTERS, showArchived: true };
      expect(await allPages(everything)).toEqual(all.map((entry) => entry.id));
      const first = await store.faultLog.page({
        limit: 3,
        after: null,
        filters: everything,
        machineIds: null,
      });
      expect(first.entries).toEqual(all.slice(0, 3));
    });

    it('lets through exactly what the page filter does, for every filter', async () => {
      const all = await store.faultLog.summaries();
      const middle = Date.parse(all[3].createdAt);
      const cases: Partial<FaultLogFilters>[] = [
        {},
        { showArchived: true },
        { machineId: machines[1] },
        { causeId: 'unbalance' },
        { status: 'acknowledged' },
        { severity: 'serious' },
        { fromMs: middle },
        { untilMs: middle, showArchived: true },
        { text: 'rattle' },
        { text: 'RATTLE li', showArchived: true },
        { text: 'press squeal' },
        { text: 'nothing like this' },
      ];
      for (const filters of cases) {
        const full = { ...NO_FILTERS, ...filters };
        const expected = filterFaultLog(all, full).map((entry) => entry.id);
        expect(await allPages(full), JSON.stringify(filters)).toEqual(expected);
      }
      const pressOnly = await allPages({ ...NO_FILTERS, showArchived: true }, [machines[1]]);
      expect(pressOnly).toEqual(all.filter((e) => e.machineId === machines[1]).map((e) => e.id));
    });

    it('counts what every page together lists, for every filter and only the machines asked', async () => {
      const all = await store.faultLog.summaries();
      const cases: Partial<FaultLogFilters>[] = [
        {},
        { showArchived: true },
        { machineId: machines[1] },
        { causeId: 'unbalance' },
        { status: 'acknowledged' },
        { severity: 'serious' },
        { fromMs: Date.parse(all[3].createdAt) },
        { text: 'RATTLE li', showArchived: true },
        { text: 'nothing like this' },
      ];
      const counts: number[] = [];
      for (const filters of cases) {
        const full = { ...NO_FILTERS, ...filters };
        const counted = await store.faultLog.count({ filters: full, machineIds: null });
        expect(counted, JSON.stringify(filters)).toBe(filterFaultLog(all, full).length);
        counts.push(counted);
      }
      // The cases count different numbers: a count that ignored the filters would fail here.
      expect(new Set(counts).size).toBeGreaterThan(3);
      const everything = { ...NO_FILTERS, showArchived: true };
      expect(await store.faultLog.count({ filters: everything, machineIds: [machines[1]] })).toBe(
        all.filter((e) => e.machineId === machines[1]).length,
      );
      expect(await store.faultLog.count({ filters: everything, machineIds: [] })).toBe(0);
    });
  });
}
