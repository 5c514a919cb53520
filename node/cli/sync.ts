/**
 * `auscult sync`: runs the desktop's sync engine on a library (docs/sync.md), for people without
 * the app and for the fault tests. It prints what each pass moved.
 */
import { readFile } from 'node:fs/promises';
import { ApiError } from '../../shared/api/errors.ts';
import { openLibrary } from '../library/library.ts';
import type { Library } from '../library/library.ts';
import { LibraryError } from '../store/errors.ts';
import { HubAnswerError, HubRefusedError, HubUnreachableError } from '../sync/hubClient.ts';
import { connectToHub } from '../sync/hubLinkApi.ts';
import { readLink } from '../sync/linkState.ts';
import {
  createSyncEngine,
  FIRST_RETRY_MS,
  MAX_RETRY_MS,
  SYNC_INTERVAL_MS,
} from '../sync/syncEngine.ts';
import type { SyncEngine } from '../sync/syncEngine.ts';
import { withDatabase } from '../sync/syncPass.ts';
import type { PassReport } from '../sync/syncPass.ts';
import type { CommandOutput } from './commands.ts';
import { InputError } from './errors.ts';
import type { SyncArgs } from './syncArgs.ts';

/** What a pass moved, and why rows from the hub were skipped. */
export function describePass(report: PassReport): string {
  const { pulled } = report;
  const missing = pulled.skipped - pulled.unreadable;
  const skipped = [
    pulled.unreadable > 0
      ? `${pulled.unreadable} skipped: this version cannot read them (the hub runs a newer ` +
        'Auscult; upgrade this computer)'
      : '',
    missing > 0 ? `${missing} skipped: they refer to rows this library does not have` : '',
  ].filter((part) => part !== '');
  return (
    `Sent ${report.audioFiles} audio file(s) (${report.audioBytes} bytes) and ` +
    `${report.pushedRows} row(s)` +
    (report.refusedRows > 0 ? `, ${report.refusedRows} refused (kept for later)` : '') +
    `; received ${pulled.applied} row(s)` +
    (pulled.kept > 0 ? `, ${pulled.kept} kept ours` : '') +
    skipped.map((part) => `; ${part}`).join('') +
    '.\n'
  );
}

async function link(
  library: Library,
  connect: NonNullable<SyncArgs['connect']>,
  print: (text: string) => void,
) {
  let password: string;
  try {
    password = (await readFile(connect.passwordFile, 'utf8')).split(/\r?\n/)[0];
  } catch (error) {
    throw new InputError(
      `cannot read the password file "${connect.passwordFile}" (${(error as Error).message})`,
    );
  }
  try {
    const choice = await connectToHub(library, { ...connect, password });
    if (choice !== null) {
      throw new InputError(
        `${connect.name} works for several plants: add --plant with one of ${choice.plantIds.join(', ')}`,
      );
    }
  } catch (error) {
    if (error instanceof ApiError)
      throw new InputError(`cannot link to ${connect.url}: ${error.message}`);
    throw error;
  }
  print(`Linked ${library.home} to ${connect.url} as ${connect.name}.\n`);
}

/**
 * Ctrl+C (SIGINT) or SIGTERM: the command stops at its next pause (between passes, or before a
 * hub out of reach is tried again), and a pause under way ends at once.
 */
function stopSignal() {
  let stopped = false;
  let wake = () => {};
  const quit = () => {
    stopped = true;
    wake();
  };
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  return {
    stopped: () => stopped,
    /** Resolves after `ms`, or as soon as a signal comes. */
    pause: (ms: number) =>
      new Promise<void>((resolve) => {
        if (stopped) return resolve();
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    dispose() {
      process.off('SIGINT', quit);
      process.off('SIGTERM', quit);
    },
  };
}

type StopSignal = ReturnType<typeof stopSignal>;

/**
 * Passes until one completes: a hub out of reach is tried again after a growing pause. Null when
 * a signal stopped it before the hub could be reached.
 */
async function passUntilDone(
  engine: SyncEngine,
  print: (text: string) => void,
  signal: StopSignal,
): Promise<PassReport | null> {
  let retryMs = FIRST_RETRY_MS;
  for (;;) {
    try {
      return await engine.syncOnce();
    } catch (error) {
      if (error instanceof HubRefusedError) {
        throw new InputError(
          'the hub refused this device (its token was revoked?): link it again with --connect',
        );
      }
      if (error instanceof HubAnswerError && error.status === 400) {
        throw new InputError(
          `the hub could not read what this computer sent (${error.message}): it runs an older ` +
            'Auscult; upgrade the hub first (docs/sync.md). The changes stay queued here.',
        );
      }
      if (!(error instanceof HubUnreachableError)) throw error;
      if (signal.stopped()) return null;
      print(`The hub cannot be reached (${error.message}); trying again in ${retryMs / 1000} s.\n`);
      await signal.pause(retryMs);
      if (signal.stopped()) return null;
      retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    }
  }
}

/**
 * One pass (`once`) or a pass every SYNC_INTERVAL_MS until a signal; false when a signal stopped
 * it while the hub could not be reached. The engine is closed on return.
 */
async function passesUntilStopped(
  engine: SyncEngine,
  once: boolean,
  print: (text: string) => void,
): Promise<boolean> {
  const signal = stopSignal();
  try {
    do {
      const report = await passUntilDone(engine, print, signal);
      if (report === null) return false;
      print(describePass(report));
      if (!once) await signal.pause(SYNC_INTERVAL_MS);
    } while (!once && !signal.stopped());
    return true;
  } finally {
    signal.dispose();
    await engine.close();
  }
}

export async function runSync(
  args: SyncArgs,
  print: (text: string) => void,
): Promise<CommandOutput> {
  let library: Library;
  try {
    library = await openLibrary(args.home, {
      demo: false,
      log: (message) => print(`${message}\n`),
    });
  } catch (error) {
    if (error instanceof LibraryError) throw new InputError(error.message);
    throw error;
  }
  try {
    if (args.connect) await link(library, args.connect, print);
    const linked = await withDatabase(library, () => readLink(library.store.db));
    if (linked === null) {
      throw new InputError(
        `${library.home} is not linked to a hub: add --connect URL --name N --password-file F`,
      );
    }
    print(`Syncing ${library.home} with ${linked.hubUrl}.\n`);
    const engine = createSyncEngine(library);
    const reached = await passesUntilStopped(engine, args.once, print);
    const status = await engine.status();
    if (!reached) {
      // Not the success of a pass: a script running `sync --once` must not take it for one.
      throw new InputError(
        `stopped before the hub could be reached: ${status.pendingRows} row(s) and ` +
          `${status.pendingAudioBytes} bytes of audio wait for the next sync`,
      );
    }
    return {
      stdout: `Pending: ${status.pendingRows} row(s), ${status.pendingAudioBytes} bytes of audio.\n`,
      warnings: [],
    };
  } finally {
    await library.close();
  }
}
