/**
 * The API as a signed-in person may use it on the hub: the role check (roles.ts), the plant check
 * (scope.ts), then the same service and argument validation as the laptop's hosts. Lists answer
 * only the caller's plants; a machine made on the hub belongs to its maker's first plant.
 */
import { ApiError } from '../../shared/api/errors.ts';
import type { FaultLogEntry, MachineDetail, MachineSummary } from '../../shared/api/contract.ts';
import type { ApiMethod } from '../../shared/api/methods.ts';
import { dispatch } from '../api/dispatch.ts';
import type { AuscultService } from '../api/service.ts';
import type { Sql } from '../store/postgres/sql.ts';
import type { HubUser } from './people.ts';
import { mayCall } from './roles.ts';
import { seesPlant } from './scope.ts';
import type { Scope } from './scope.ts';

export type HubCall = (user: HubUser, method: ApiMethod, args: unknown[]) => Promise<unknown>;

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

export function createHubCall(service: AuscultService, scope: Scope, sql: Sql): HubCall {
  return async (user, method, args) => {
    if (!mayCall(user.role, method)) {
      throw new ApiError('forbidden', `A ${user.role} may not call ${method}.`);
    }
    await scope.check(user, method, args);
    const result = await dispatch(service, method, args);
    scope.remember(user, method, result);
    if (method === 'machines.list') {
      return onlyTheirPlants(scope, user, result as MachineSummary[], (m) => m.id);
    }
    if (method === 'faultLog.list') {
      return onlyTheirPlants(scope, user, result as FaultLogEntry[], (e) => e.machineId);
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
}
