/**
 * What every hub test starts from: a throwaway PostgreSQL cluster (postgresCluster.ts) with the
 * hub's schema, the people a test signs in as (all with HUB_PASSWORD), a pool on it and a
 * work folder. The test then runs the hub in-process (startHub) or as a child process.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addUser } from '../../node/hub/people.ts';
import type { Role } from '../../node/hub/people.ts';
import { migratePostgresDatabase } from '../../node/store/postgres/postgresStore.ts';
import { startPostgresCluster } from './postgresCluster.ts';

export const HUB_PASSWORD = 'a password long enough';

/** The people to add, by name: their role and plants (plants are made as they are named). */
export type HubPeople = Readonly<Record<string, { role: Role; plants: readonly string[] }>>;

export interface HubDatabase {
  /** The connection URL for `startHub` or `auscult hub serve --database`. */
  readonly url: string;
  readonly pool: pg.Pool;
  /** A temporary folder of the test's own, removed by close(). */
  readonly folder: string;
  /** The user ids of the people added, by name. */
  readonly userIds: Readonly<Record<string, string>>;
  /** Ends the pool, stops the cluster and removes the folder (stop the hub first). */
  close(): Promise<void>;
}

export async function startHubDatabase(people: HubPeople, name: string): Promise<HubDatabase> {
  const cluster = await startPostgresCluster();
  const folder = await mkdtemp(join(tmpdir(), `auscult-${name}-`));
  const url = await cluster.newDatabase();
  await migratePostgresDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const clock = { now: () => new Date(), newId: randomUUID };
  const userIds: Record<string, string> = {};
  for (const [userName, person] of Object.entries(people)) {
    const user = { name: userName, password: HUB_PASSWORD, ...person };
    userIds[userName] = (await addUser(pool, clock, user)).id;
  }
  return {
    url,
    pool,
    folder,
    userIds,
    async close() {
      await pool.end();
      await cluster.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Signs `name` in on the hub at `hubUrl` as a browser does; its session cookie (`name=value`). */
export async function signInCookie(hubUrl: string, name: string): Promise<string> {
  const response = await fetch(new URL('hub/sign-in', hubUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: HUB_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${name}: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}
