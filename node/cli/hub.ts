/**
 * `auscult hub migrate` and `auscult hub add-user`: setting up a hub's PostgreSQL database from
 * the command line (README "Running a hub").
 */
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { addUser, PeopleError } from '../hub/people.ts';
import { LibraryError } from '../store/errors.ts';
import {
  migratePostgresDatabase,
  openPostgresStore,
  redactedUrl,
} from '../store/postgres/postgresStore.ts';
import type { CommandOutput } from './commands.ts';
import { InputError } from './errors.ts';
import type { HubArgs } from './hubArgs.ts';

/** The password in a file: its first line, without the line break an editor adds. */
async function passwordFrom(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the password file "${path}" (${(error as Error).message})`);
  }
  return text.split(/\r?\n/)[0];
}

async function withDatabaseErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LibraryError || error instanceof PeopleError) {
      throw new InputError(error.message);
    }
    throw error;
  }
}

export async function runHub(args: HubArgs): Promise<CommandOutput> {
  const where = redactedUrl(args.databaseUrl);
  if (args.action === 'migrate') {
    const applied = await withDatabaseErrors(() => migratePostgresDatabase(args.databaseUrl));
    const stdout =
      applied.length === 0
        ? `The database ${where} is up to date.\n`
        : `Applied migrations ${applied.join(', ')} to ${where}.\n`;
    return { stdout, warnings: [] };
  }
  const password = await passwordFrom(args.passwordFile);
  const clock = { now: () => new Date(), newId: randomUUID };
  const store = await withDatabaseErrors(() => openPostgresStore(args.databaseUrl, clock));
  try {
    const user = await withDatabaseErrors(() =>
      addUser(store.pool, clock, {
        name: args.name,
        role: args.role,
        password,
        plants: args.plants,
      }),
    );
    const plants = user.plantIds.length === 0 ? 'every plant' : `${user.plantIds.length} plant(s)`;
    return {
      stdout: `Added ${user.role} "${user.name}" (${plants}) to ${where}.\n`,
      warnings: [],
    };
  } finally {
    await store.close();
  }
}
