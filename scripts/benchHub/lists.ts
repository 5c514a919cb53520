/**
 * The list half of the hub benchmark: the calls a supervisor's and an admin's screens make,
 * one at a time, each timed from request to the whole answer parsed. The hub answers only the
 * caller's plants, so a supervisor's list is filtered on the server (in SQL for the fault log)
 * and an admin's is everything. The fault log is timed whole (faultLog.list) and by pages of
 * PAGE_ENTRIES (faultLog.page): the first, the next by its cursor, and filtered ones.
 */
import type { FaultLogPage, MachineSummary } from '../../shared/api/contract.ts';
import type { ApiMethod } from '../../shared/api/methods.ts';
import { NO_FILTERS } from '../../shared/faultLog/filter.ts';
import type { HubClient } from './client.ts';
import { MB, msSummary, percentile } from './stats.ts';

export const TARGET_P95_MS = 100;
/** Entries a fault-log page asks for: a screenful and more. */
const PAGE_ENTRIES = 100;
/** Calls made before timing starts: the hub's first use of a query and of a connection. */
const WARM_UP_CALLS = 2;

export interface ListPlan {
  readonly callers: readonly HubClient[];
  /** Calls per method and caller (fewer when `timeLimitSeconds` runs out first). */
  readonly calls: number;
  readonly timeLimitSeconds: number;
}

interface Measured {
  readonly ms: number[];
  readonly answerBytes: number;
}

async function measure(
  client: HubClient,
  method: ApiMethod,
  argsFor: (n: number) => unknown[],
  plan: ListPlan,
): Promise<Measured> {
  for (let n = 0; n < WARM_UP_CALLS; n++) await client.call(method, argsFor(n));
  const from = client.calls.length;
  const deadline = performance.now() + plan.timeLimitSeconds * 1000;
  for (let n = 0; n < plan.calls && performance.now() < deadline; n++) {
    await client.call(method, argsFor(n));
  }
  const timed = client.calls.slice(from);
  return { ms: timed.map((c) => c.ms), answerBytes: timed[timed.length - 1].answerBytes };
}

/** Measures every list and filter call for every caller; resolves to whether all met the target. */
export async function runLists(plan: ListPlan): Promise<boolean> {
  let allMet = true;
  for (const client of plan.callers) {
    const machines = (await client.call('machines.list', [])) as MachineSummary[];
    // Spread over the caller's machines, seeded and uploaded alike, in a fixed order.
    const machineIds = machines.map((m) => m.id);
    const machineAt = (n: number) => [machineIds[(n * 7919) % machineIds.length]];
    const page = (filters = NO_FILTERS, cursor: string | null = null) => [
      { limit: PAGE_ENTRIES, cursor, filters },
    ];
    const first = (await client.call('faultLog.page', page())) as FaultLogPage;
    const cases: [string, ApiMethod, (n: number) => unknown[]][] = [
      ['machines.list', 'machines.list', () => []],
      ['faultLog.list', 'faultLog.list', () => []],
      ['faultLog.page, first', 'faultLog.page', () => page()],
      ['faultLog.page, next', 'faultLog.page', () => page(NO_FILTERS, first.nextCursor)],
      [
        'faultLog.page, open+text',
        'faultLog.page',
        () => page({ ...NO_FILTERS, status: 'open', text: 'squeal' }),
      ],
      [
        'faultLog.page, machine',
        'faultLog.page',
        (n) => page({ ...NO_FILTERS, machineId: machineAt(n)[0] }),
      ],
      ['recordings.list', 'recordings.list', machineAt],
      ['machines.trend', 'machines.trend', machineAt],
    ];
    console.log(`As ${client.name} (${machines.length} machines in their plants):`);
    for (const [label, method, argsFor] of cases) {
      const { ms, answerBytes } = await measure(client, method, argsFor, plan);
      const met = percentile(ms, 0.95) < TARGET_P95_MS;
      allMet &&= met;
      console.log(
        `  ${label.padEnd(25)} ${msSummary(ms)}, answer ${(answerBytes / MB).toFixed(2)} MB — ` +
          `${met ? 'target met' : 'TARGET MISSED'} (p95 < ${TARGET_P95_MS} ms)`,
      );
    }
  }
  return allMet;
}
