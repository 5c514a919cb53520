/** What the hub's own routes (/hub/…) work with. */
import type { Sql } from '../store/postgres/sql.ts';
import type { Clock } from '../store/types.ts';
import type { SignInLimiter } from './rateLimit.ts';

export interface HubRouteContext {
  readonly sql: Sql;
  readonly clock: Clock;
  readonly limiter: SignInLimiter;
  readonly secureCookies: boolean;
}
