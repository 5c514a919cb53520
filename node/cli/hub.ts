/**
 * `auscult hub migrate` and `auscult hub add-user`: setting up a hub's PostgreSQL database from
 * the command line (README "Running a hub").
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Serves until SIGINT or SIGTERM; the URL is printed as soon as the hub listens. */
async function serve(args: Extract<HubArgs, { action: 'serve' }>, print: (text: string) => void) {
  const { startHub } = await import('../hub/server.ts');
  const workFolder = args.workFolder ?? join(tmpdir(), `auscult-hub-${args.port}`);
  const { loadIceServers } = await import('../hub/live/iceServers.ts');
  let iceServers;
  try {
    iceServers = await loadIceServers(args.iceServersFile ?? null);
  } catch (error) {
    throw new InputError(`cannot use the ICE servers: ${(error as Error).message}`);
  }
  const hub = await withDatabaseErrors(() =>
    startHub({ ...args, databaseUrl: args.databaseUrl, workFolder, iceServers }),
  );
  print(`Auscult Hub serves ${hub.url} (sign in at ${hub.url}hub/sign-in); Ctrl+C stops it.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await hub.close();
}

export async function runHub(
  args: HubArgs,
  print: (text: string) => void = () => undefined,
): Promise<CommandOutput> {
  const where = redactedUrl(args.databaseUrl);
  if (args.action === 'serve') {
    await serve(args, print);
    return { stdout: 'The hub has stopped.\n', warnings: [] };
  }
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
