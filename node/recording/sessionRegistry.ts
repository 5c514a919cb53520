/**
 * The live recordings in progress (sessions.start … stop), by session id. A session left without
 * a call for SESSION_IDLE_MS (a closed page, a lost network) is finalised as if stopped: its
 * audio becomes a recording, never deleted. Closing the registry (host shutdown) does the same.
 */
import type { StoredCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import type {
  RecordingSummary,
  SessionProgress,
  SessionResult,
  StoredDiagnosis,
} from '../../shared/api/contract.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { isDiskFull } from '../files/diskFull.ts';
import { NotFoundError } from '../store/errors.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { startLiveSession } from './liveSession.ts';
import type { LiveSession, LiveSessionOptions } from './liveSession.ts';

/** Sessions recording at once (each holds a file; a browser records one microphone). */
export const MAX_LIVE_SESSIONS = 4;
/** A session without a call this long is finalised. */
export const SESSION_IDLE_MS = 60_000;
/** How many ended sessions are remembered, to answer a late call with the reason. */
const REMEMBERED_ENDINGS = 100;

export interface SessionRegistryOptions extends LiveSessionOptions {
  /** Default SESSION_IDLE_MS. */
  readonly idleMs?: number;
  /** How often idle sessions are looked for; default 5 s. */
  readonly sweepMs?: number;
  /** The diagnosis of a new recording (null: none, e.g. no baseline yet). */
  readonly diagnose?: (recording: RecordingSummary) => Promise<StoredDiagnosis | null>;
  /** Where failures of sessions closed by the registry itself are reported. */
  readonly log?: (message: string, error: unknown) => void;
}

export interface SessionRegistry {
  /** `calibration`: the input device's, copied into the recording. */
  start(
    machineId: string,
    sampleRateHz: number,
    calibration?: StoredCalibration | null,
  ): Promise<string>;
  append(sessionId: string, chunk: ArrayBuffer): Promise<SessionProgress>;
  stop(sessionId: string): Promise<SessionResult>;
  /** Session ids in progress. */
  readonly openIds: readonly string[];
  /** Finalises every open session (without diagnosis) and stops the idle sweep. */
  close(): Promise<void>;
}

export function createSessionRegistry(
  library: LibraryContext,
  options: SessionRegistryOptions = {},
): SessionRegistry {
  return new OpenSessions(library, options);
}

class OpenSessions implements SessionRegistry {
  readonly #library: LibraryContext;
  readonly #options: SessionRegistryOptions;
  readonly #sessions = new Map<string, LiveSession>();
  readonly #endings = new Map<string, string>();
  readonly #sweep: ReturnType<typeof setInterval>;
  #starting = 0;

  constructor(library: LibraryContext, options: SessionRegistryOptions) {
    this.#library = library;
    this.#options = options;
    this.#sweep = setInterval(() => this.#closeIdle(), options.sweepMs ?? 5000);
    this.#sweep.unref();
  }

  get openIds(): readonly string[] {
    return [...this.#sessions.keys()];
  }

  async start(
    machineId: string,
    sampleRateHz: number,
    calibration: StoredCalibration | null = null,
  ): Promise<string> {
    if (this.#sessions.size + this.#starting >= MAX_LIVE_SESSIONS) {
      throw new InputError(
        `${MAX_LIVE_SESSIONS} recordings are already in progress; stop one first`,
        'too-many-sessions',
        { limit: MAX_LIVE_SESSIONS },
      );
    }
    this.#starting++;
    try {
      const session = await startLiveSession(this.#library, machineId, sampleRateHz, {
        ...this.#options,
        ...(calibration ? { calibration } : {}),
      });
      this.#sessions.set(session.id, session);
      return session.id;
    } finally {
      this.#starting--;
    }
  }

  async append(sessionId: string, chunk: ArrayBuffer): Promise<SessionProgress> {
    return this.#find(sessionId).append(chunk);
  }

  async stop(sessionId: string): Promise<SessionResult> {
    const recording = await this.#end(this.#find(sessionId), 'it was stopped');
    const diagnosis = (await this.#options.diagnose?.(recording)) ?? null;
    return { recording, diagnosis };
  }

  async close(): Promise<void> {
    clearInterval(this.#sweep);
    const open = [...this.#sessions.values()];
    await Promise.all(
      open.map((session) =>
        this.#end(session, 'the host was shut down').catch((error: unknown) =>
          this.#report(`Auscult: could not finalise recording session ${session.id}`, error),
        ),
      ),
    );
  }

  #find(sessionId: string): LiveSession {
    const session = this.#sessions.get(sessionId);
    if (session) return session;
    const ending = this.#endings.get(sessionId);
    throw new NotFoundError(
      'session',
      sessionId,
      ending
        ? `the recording session "${sessionId}" is over: ${ending}`
        : `there is no recording session "${sessionId}" in progress`,
    );
  }

  /** Stops the session and forgets it, whatever the outcome; rejects when nothing was recorded. */
  async #end(session: LiveSession, reason: string): Promise<RecordingSummary> {
    this.#sessions.delete(session.id);
    this.#endings.set(session.id, reason);
    for (const id of this.#endings.keys()) {
      if (this.#endings.size <= REMEMBERED_ENDINGS) break;
      this.#endings.delete(id);
    }
    let recording: RecordingSummary | null;
    try {
      recording = await session.stop();
    } catch (error) {
      // Not listed for lack of room: the session stays, so Stop (or the idle sweep) can list it
      // once there is space, without a restart.
      if (isDiskFull(error)) {
        this.#sessions.set(session.id, session);
        this.#endings.delete(session.id);
      }
      throw error;
    }
    if (recording === null) {
      throw new InputError(
        'nothing was recorded (no audio arrived before Stop); nothing was saved',
        'nothing-recorded',
      );
    }
    return recording;
  }

  #closeIdle(): void {
    const now = Date.now();
    const idleMs = this.#options.idleMs ?? SESSION_IDLE_MS;
    for (const session of [...this.#sessions.values()]) {
      if (now - session.lastActivityMs <= idleMs) continue;
      const reason = `no audio arrived for ${Math.round(idleMs / 100) / 10} s, so it was saved as a recording`;
      this.#end(session, reason)
        .then((recording) => this.#options.diagnose?.(recording))
        .catch((error: unknown) => {
          if (!(error instanceof InputError)) {
            this.#report(`Auscult: could not finalise idle recording session ${session.id}`, error);
          }
        });
    }
  }

  #report(message: string, error: unknown): void {
    (this.#options.log ?? ((m, e) => console.error(m, e)))(message, error);
  }
}
