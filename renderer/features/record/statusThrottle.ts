/**
 * The recording's status for the screen, at a pace a person reads: a change of phase, error,
 * result or backlog stop passes at once; progress alone (seconds captured and written, which
 * change with every chunk) passes at most once per interval, the latest value. Each pass
 * re-renders the Record screen, which costs a laptop's processor more than the numbers are
 * worth at chunk rate.
 */
import type { RecordingStatus } from './liveRecording.ts';

/** Progress is shown at most this often. */
export const STATUS_INTERVAL_MS = 500;

export interface Timers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function isMilestone(next: RecordingStatus, shown: RecordingStatus | null): boolean {
  return (
    shown === null ||
    next.phase !== shown.phase ||
    next.error !== shown.error ||
    next.result !== shown.result ||
    next.stoppedForBacklog !== shown.stoppedForBacklog
  );
}

/** A status listener that hands `deliver` milestones at once and progress throttled. */
export function throttleStatus(
  deliver: (status: RecordingStatus) => void,
  intervalMs = STATUS_INTERVAL_MS,
  timers: Timers = browserTimers,
): (status: RecordingStatus) => void {
  let shown: RecordingStatus | null = null;
  let latest: RecordingStatus | null = null;
  let timer: unknown = null;
  const show = (status: RecordingStatus) => {
    shown = status;
    deliver(status);
  };
  return (status) => {
    latest = status;
    if (isMilestone(status, shown)) {
      if (timer !== null) timers.clear(timer);
      timer = null;
      show(status);
      return;
    }
    timer ??= timers.set(() => {
      timer = null;
      if (latest !== null && latest !== shown) show(latest);
    }, intervalMs);
  };
}
