/**
 * Record and Stop for the Record screen: a LiveRecording per press of Record, its status as
 * React state, a warning before the page is left mid-recording, and an orderly stop when the
 * screen closes or the microphone goes away while recording.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { LiveRecording } from './liveRecording.ts';
import type { LiveRecorder, RecordingStatus } from './liveRecording.ts';
import { throttleStatus } from './statusThrottle.ts';

export interface RecordingSession {
  /** Null before the first Record. */
  readonly status: RecordingStatus | null;
  /** True from Record until the host answered Stop. */
  readonly active: boolean;
  record(): void;
  stop(): void;
}

export function useRecordingSession(
  machineId: string | null,
  recorder: LiveRecorder | null,
  /** The input device's name: the recording keeps its microphone calibration. */
  deviceName: string | null = null,
): RecordingSession {
  const api = useApi();
  const describeError = useErrorSentence();
  const [status, setStatus] = useState<RecordingStatus | null>(null);
  const recording = useRef<LiveRecording | null>(null);
  const active =
    status !== null &&
    (status.phase === 'starting' || status.phase === 'recording' || status.phase === 'stopping');

  const record = useCallback(() => {
    if (!recorder || machineId === null || recording.current) return;
    const next = new LiveRecording({
      sessions: api.sessions,
      recorder,
      machineId,
      deviceName,
      describeError,
      onStatus: throttleStatus((s) => {
        setStatus(s);
        if (s.phase === 'done' || s.phase === 'failed') {
          if (recording.current === next) recording.current = null;
        }
      }),
    });
    recording.current = next;
    void next.start();
  }, [api, describeError, machineId, recorder, deviceName]);

  const stop = useCallback(() => {
    void recording.current?.stop();
  }, []);

  // The live path went away (device unplugged, another microphone chosen): end what was captured.
  useEffect(() => {
    if (recorder === null) void recording.current?.stop();
  }, [recorder]);

  // Leaving the screen stops the recording; the host still finalises and keeps it.
  useEffect(() => () => void recording.current?.stop(), []);

  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  return { status, active, record, stop };
}
