/**
 * The API as a signed-in person may use it on the hub: the role check (roles.ts), the plant check
 * (scope.ts), then the same service and argument validation as the laptop's hosts. Lists answer
 * only the caller's plants; a machine made on the hub belongs to its maker's first plant. Every
 * call of a method that writes leaves one line in the audit log, whatever its outcome.
 */
import { ApiError } from '../../shared/api/errors.ts';
import type { AuscultApi, MachineDetail, MachineSummary } from '../../shared/api/contract.ts';
import type { ApiMethod } from '../../shared/api/methods.ts';
import { dispatch } from '../api/dispatch.ts';
import type { AuscultService } from '../api/service.ts';
import type { Sql } from '../store/postgres/sql.ts';
import type { Clock } from '../store/types.ts';
import { audit } from './people.ts';
import type { HubUser } from './people.ts';
import { withOwnDevices } from './ownDevices.ts';
import { mayCall, METHOD_WRITES } from './roles.ts';
import { seesPlant } from './scope.ts';
import type { Scope } from './scope.ts';

export type HubCall = (
  user: HubUser,
  method: ApiMethod,
  args: unknown[],
  address?: string,
) => Promise<unknown>;

/** Methods whose answer spans many machines: the service limits them to the caller's. */
const SPANNING: ReadonlySet<ApiMethod> = new Set([
  'review.queue',
  'faultLog.list',
  'faultLog.page',
  'reports.faultLog',
  'reports.faultLogCsv',
]);

async function onlyTheirPlants<T>(
  scope: Scope,
  user: HubUser,
  items: readonly T[],
  machineOf: (item: T) => string,
): Promise<T[]> {
  if (user.role === 'admin') return [...items];
  const plants = await scope.plantsOf([...new Set(items.map(machineOf))]);
  return items.filter((item) => seesPlant(user, plants.get(machineOf(item)) ?? null));
}

/** What a write acted on: the id it names, or the id of what it made. */
function subjectOf(args: readonly unknown[], result: unknown): string | null {
  if (typeof args[0] === 'string') return args[0];
  if (typeof result === 'string') return result;
  if (typeof result === 'object' && result !== null && 'id' in result) return String(result.id);
  return null;
}

export function createHubCall(
  service: AuscultService,
  scope: Scope,
  sql: Sql,
  clock: Clock,
): HubCall {
  const perform = async (user: HubUser, method: ApiMethod, args: unknown[]) => {
    if (!mayCall(user.role, method)) {
      throw new ApiError('forbidden', `A ${user.role} may not call ${method}.`);
    }
    await scope.check(user, method, args);
    let api: AuscultApi = withOwnDevices(service, user.id);
    if (SPANNING.has(method) && user.role !== 'admin') {
      api = service.limitedTo(await scope.machinesIn(user.plantIds));
    }
    const result = await dispatch(api, method, args);
    scope.remember(user, method, result);
    if (method === 'machines.list') {
      return onlyTheirPlants(scope, user, result as MachineSummary[], (m) => m.id);
    }
    if (method === 'machines.create' && user.plantIds.length > 0) {
      const machine = result as MachineDetail;
      await sql.query('UPDATE machines SET plant_id = $1 WHERE id = $2', [
        user.plantIds[0],
        machine.id,
      ]);
    }
    return result;
  };
  return async (user, method, args, address = '') => {
    if (!METHOD_WRITES[method]) return perform(user, method, args);
    const write = (outcome: string, result: unknown) =>
      audit(sql, clock, {
        userId: user.id,
        action: method,
        address,
        detail: { subjectId: subjectOf(args, result), outcome },
      });
    let result: unknown;
    try {
      result = await perform(user, method, args);
    } catch (error) {
      await write(error instanceof ApiError ? error.code : 'internal', undefined);
      throw error;
    }
    await write('ok', result);
    return result;
  };
}
