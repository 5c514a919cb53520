/**
 * The desktop's sync engine (docs/sync.md): passes one at a time, in the background every
 * SYNC_INTERVAL_MS while linked and shortly after local writes; a hub that cannot be reached is
 * tried again after a growing pause (1 s, 2 s, … 60 s); a hub that refuses this device stops the
 * engine until it is linked again. Nothing here ever holds up the page: a pass runs beside it.
 */
import type { HubLinkProblem, HubLinkStatus } from '../../shared/sync/hubLink.ts';
import type { Library } from '../library/library.ts';
import {
  createHubClient,
  HubAnswerError,
  HubRefusedError,
  HubUnreachableError,
} from './hubClient.ts';
import type { HubClient } from './hubClient.ts';
import { readLink, saveOutcome } from './linkState.ts';
import { outboxMark, pendingRowCount, queuedAudio } from './outbox.ts';
import { syncPass, withDatabase } from './syncPass.ts';
import type { PassReport } from './syncPass.ts';

export const SYNC_INTERVAL_MS = 30_000;
/** How long after a local write a pass starts, so that a burst of writes makes one pass. */
export const WRITE_DEBOUNCE_MS = 2_000;
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 60_000;
const CLOSE_WAIT_MS = 2_000;

export interface SyncEngineOptions {
  readonly intervalMs?: number;
  readonly debounceMs?: number;
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
  /** Makes the client for a link (tests may wrap it). */
  readonly client?: (url: string, token: string) => HubClient;
}

export interface SyncEngine {
  status(): Promise<HubLinkStatus>;
  /** One pass now (after the one running, if any); rejects with the client's errors. */
  syncOnce(): Promise<PassReport>;
  /** One pass now; a failure is kept in the status, not thrown. */
  syncNow(): Promise<HubLinkStatus>;
  /** Runs passes in the background until `close()`. */
  start(): void;
  /** Something may have been written here: a pass soon if the outbox moved. */
  nudge(): void;
  /** The link changed (connected, disconnected): forget a refusal and sync soon. */
  relinked(): void;
  close(): Promise<void>;
}

/** The problem a failed pass leaves in the status. */
export function problemOf(error: unknown): HubLinkProblem {
  if (error instanceof HubRefusedError) return { code: 'hub-refused', params: {} };
  if (error instanceof HubUnreachableError) return { code: 'hub-unreachable', params: {} };
  // The desktop only sends rows of its own schema: a hub that cannot read them is older.
  if (error instanceof HubAnswerError && error.status === 400)
    return { code: 'hub-outdated', params: { status: error.status } };
  if (error instanceof HubAnswerError)
    return { code: 'hub-error', params: { status: error.status } };
  return { code: 'hub-error', params: { status: 0 } };
}

export async function linkStatus(library: Library, syncing: boolean): Promise<HubLinkStatus> {
  return withDatabase(library, () => {
    const db = library.store.db;
    const link = readLink(db);
    const audio = queuedAudio(db);
    return {
      hubUrl: link?.hubUrl ?? null,
      userName: link?.userName ?? null,
      plantId: link?.plantId ?? null,
      pendingRows: pendingRowCount(db),
      pendingAudioBytes: audio.reduce((sum, item) => sum + item.sizeBytes, 0),
      lastSyncAt: link?.lastSyncAt ?? null,
      syncing,
      lastError: link?.lastError ?? null,
    };
  });
}

export function createSyncEngine(library: Library, options: SyncEngineOptions = {}): SyncEngine {
  const makeClient = options.client ?? createHubClient;
  const intervalMs = options.intervalMs ?? SYNC_INTERVAL_MS;
  const firstRetryMs = options.firstRetryMs ?? FIRST_RETRY_MS;
  const maxRetryMs = options.maxRetryMs ?? MAX_RETRY_MS;
  let queue: Promise<unknown> = Promise.resolve();
  let syncing = false;
  let running = false;
  let refused = false;
  let retryMs = 0;
  let timer: NodeJS.Timeout | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let lastMark = '';

  const pass = async (): Promise<PassReport> => {
    const link = await withDatabase(library, () => readLink(library.store.db));
    if (link === null) throw new HubAnswerError('this library is not linked to a hub', 0, null);
    syncing = true;
    try {
      const report = await syncPass(library, makeClient(link.hubUrl, link.deviceToken));
      await withDatabase(library, () => {
        saveOutcome(library.store.db, null, library.now());
        // A pass that finished but could not read some rows says so until one reads them all.
        const { unreadable } = report.pulled;
        const problem = { code: 'rows-unreadable' as const, params: { count: unreadable } };
        if (unreadable > 0) saveOutcome(library.store.db, problem, library.now());
      });
      return report;
    } catch (error) {
      const problem = problemOf(error);
      await withDatabase(library, () => saveOutcome(library.store.db, problem, library.now()));
      throw error;
    } finally {
      syncing = false;
    }
  };
  const syncOnce = (): Promise<PassReport> => {
    const next = queue.then(pass, pass);
    queue = next.catch(() => undefined);
    return next;
  };
  const schedule = (delayMs: number) => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    // A pass that fails after close() (the library closed under it) has no one to tell.
    timer = setTimeout(() => void background().catch(() => undefined), delayMs);
    timer.unref();
  };
  const background = async () => {
    if (!running) return;
    const link = await withDatabase(library, () => readLink(library.store.db));
    if (link === null || refused) return schedule(intervalMs);
    try {
      await syncOnce();
      retryMs = 0;
      schedule(intervalMs);
    } catch (error) {
      if (error instanceof HubRefusedError) {
        refused = true;
        return;
      }
      retryMs = retryMs === 0 ? firstRetryMs : Math.min(maxRetryMs, retryMs * 2);
      schedule(retryMs);
    }
  };
  const outboxMoved = async () => {
    const mark = await withDatabase(library, () => outboxMark(library.store.db));
    const moved = mark !== lastMark;
    lastMark = mark;
    return moved;
  };
  return {
    status: () => linkStatus(library, syncing),
    syncOnce,
    async syncNow() {
      refused = false;
      await syncOnce().catch(() => undefined);
      return linkStatus(library, syncing);
    },
    start() {
      running = true;
      void outboxMoved().then(
        () => schedule(0),
        () => undefined,
      );
    },
    nudge() {
      // A pending nudge is not pushed back: a page that calls more often than the debounce (a
      // status poll, a live recording's chunks) would otherwise hold every pass off until the
      // interval. A burst of writes still makes one pass.
      if (!running || retryMs > 0 || refused || debounce) return;
      debounce = setTimeout(() => {
        debounce = null;
        void outboxMoved().then(
          (moved) => (moved ? schedule(0) : undefined),
          () => undefined,
        );
      }, options.debounceMs ?? WRITE_DEBOUNCE_MS);
      debounce.unref();
    },
    relinked() {
      refused = false;
      retryMs = 0;
      schedule(0);
    },
    async close() {
      running = false;
      if (timer) clearTimeout(timer);
      if (debounce) clearTimeout(debounce);
      // A pass moving a large file is not waited for long: the hub resumes it next time.
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([
        queue,
        new Promise((resolve) => (wait = setTimeout(resolve, CLOSE_WAIT_MS))),
      ]);
      clearTimeout(wait);
    },
  };
}
