import { describe, expect, it } from 'vitest';
import type { RecordingStatus } from '../../../../renderer/features/record/liveRecording.ts';
import { throttleStatus } from '../../../../renderer/features/record/statusThrottle.ts';
import type { Timers } from '../../../../renderer/features/record/statusThrottle.ts';

/** Timers driven by hand: `fire()` runs what is due, as if the interval passed. */
function manualTimers() {
  let next: (() => void) | null = null;
  let cleared = 0;
  const timers: Timers = {
    set: (callback) => {
      next = callback;
      return callback;
    },
    clear: (handle) => {
      if (handle === next) next = null;
      cleared++;
    },
  };
  return {
    timers,
    pending: () => next !== null,
    cleared: () => cleared,
    fire: () => {
      const run = next;
      next = null;
      run?.();
    },
  };
}

const base: RecordingStatus = {
  phase: 'recording',
  capturedSeconds: 0,
  writtenSeconds: 0,
  backlogSeconds: 0,
  stoppedForBacklog: false,
  error: null,
  result: null,
};
const progress = (seconds: number): RecordingStatus => ({
  ...base,
  capturedSeconds: seconds,
  writtenSeconds: seconds,
});

describe('throttleStatus', () => {
  it('shows the first status at once and chunk progress at most once per interval, the latest', () => {
    const shown: RecordingStatus[] = [];
    const clock = manualTimers();
    const listener = throttleStatus((s) => shown.push(s), 500, clock.timers);
    listener(progress(0));
    for (const seconds of [0.5, 1, 1.5]) listener(progress(seconds));
    expect(shown.map((s) => s.writtenSeconds)).toEqual([0]);
    clock.fire();
    expect(shown.map((s) => s.writtenSeconds)).toEqual([0, 1.5]);
    clock.fire();
    expect(shown).toHaveLength(2);
  });

  it('passes a change of phase, error or backlog stop at once and drops the pending progress', () => {
    const shown: RecordingStatus[] = [];
    const clock = manualTimers();
    const listener = throttleStatus((s) => shown.push(s), 500, clock.timers);
    listener(progress(0));
    listener(progress(0.5));
    expect(clock.pending()).toBe(true);
    listener({ ...progress(1), phase: 'stopping' });
    expect(clock.pending()).toBe(false);
    expect(clock.cleared()).toBe(1);
    listener({ ...progress(1), phase: 'stopping', stoppedForBacklog: true });
    listener({ ...progress(1), phase: 'stopping', stoppedForBacklog: true, error: 'disk full' });
    listener({ ...progress(1), phase: 'failed', stoppedForBacklog: true, error: 'disk full' });
    expect(shown.map((s) => [s.phase, s.stoppedForBacklog, s.error])).toEqual([
      ['recording', false, null],
      ['stopping', false, null],
      ['stopping', true, null],
      ['stopping', true, 'disk full'],
      ['failed', true, 'disk full'],
    ]);
  });
});
