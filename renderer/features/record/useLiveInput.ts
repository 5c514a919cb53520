/**
 * The microphone's live path for the Record screen: asks for the chosen microphone with every
 * processing feature off and checks what the device kept on, builds the capture → worker graph
 * (liveGraph.ts) whose view settings, baseline and frames go through useLiveFeed.ts, and hands
 * a recorder to LiveRecording.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import { useErrorSentence } from '../../api/errors.ts';
import type { SpectrogramRows } from '../../chart/colormap.ts';
import {
  audioConstraints,
  captureFailure,
  microphoneChoices,
  processingKeptOn,
} from './inputDevices.ts';
import type { CaptureFailure, MicrophoneChoice, ProcessingFeature } from './inputDevices.ts';
import { liveCaptureSupported, openLiveGraph } from './liveGraph.ts';
import type { LiveGraph } from './liveGraph.ts';
import type { LiveFrame, WorkerToPage } from './liveMessages.ts';
import type { LiveViewSettings } from './liveViewSettings.ts';
import { useLiveFeed } from './useLiveFeed.ts';
import type { LiveRecorder } from './liveRecording.ts';

export type LivePhase = 'starting' | 'running' | 'suspended' | 'failed';

export interface LiveInput {
  readonly phase: LivePhase;
  /** Why it failed ('ended': the device went away), or null. */
  readonly failure: CaptureFailure | 'ended' | null;
  readonly errorMessage: string | null;
  readonly microphones: readonly MicrophoneChoice[];
  /** The chosen microphone; null for the system's default. */
  readonly deviceId: string | null;
  readonly sampleRateHz: number | null;
  readonly keptOn: readonly ProcessingFeature[];
  /** Present while the live path runs. */
  readonly recorder: LiveRecorder | null;
  chooseDevice(deviceId: string | null): void;
  /** Starts audio the browser holds until a user gesture (autoplay policy). */
  resume(): void;
  retry(): void;
  subscribeRows(listener: (rows: SpectrogramRows) => void): () => void;
  /** Every analysis frame as it arrives (outside React: a frame re-renders nothing). */
  subscribeFrames(listener: (frame: LiveFrame) => void): () => void;
  /** Forgets the peaks the live spectrum holds. */
  resetPeak(): void;
}

interface Opened {
  /** Which device and attempt this state belongs to. */
  readonly key: string;
  readonly phase: LivePhase;
  readonly failure: CaptureFailure | 'ended' | null;
  readonly errorMessage: string | null;
  readonly graph: LiveGraph | null;
  readonly keptOn: readonly ProcessingFeature[];
}

function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** The live input; `view` and `baseline` reach the worker whenever they change. */
export function useLiveInput(
  view: LiveViewSettings,
  baseline: BaselineSpectrumView | null,
): LiveInput {
  const describeError = useErrorSentence();
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [microphones, setMicrophones] = useState<MicrophoneChoice[]>([]);
  const chunkListener = useRef<((samples: ArrayBuffer) => void) | null>(null);
  const flushWaiters = useRef<(() => void)[]>([]);
  const key = `${deviceId ?? ''}|${attempt}`;
  const current = opened !== null && opened.key === key ? opened : null;
  const graph = current?.graph ?? null;
  const { viewAt, publish, subscribeRows, subscribeFrames, resetPeak } = useLiveFeed(
    graph,
    view,
    baseline,
  );

  useEffect(() => {
    let cancelled = false;
    const waiters = flushWaiters.current;
    let stream: MediaStream | null = null;
    let graph: LiveGraph | null = null;
    const settle = (change: Omit<Opened, 'key'>) => {
      if (!cancelled) setOpened({ key, ...change });
    };
    const fail = (failure: Opened['failure'], errorMessage: string | null) =>
      settle({ phase: 'failed', failure, errorMessage, graph: null, keptOn: [] });
    const onMessage = (message: WorkerToPage) => {
      if (cancelled) return;
      if (message.type === 'frame') {
        publish(message.frame);
      } else if (message.type === 'chunk') {
        chunkListener.current?.(message.samples);
      } else if (message.type === 'flushed') {
        flushWaiters.current.splice(0).forEach((resolve) => resolve());
      } else if (message.type === 'error') {
        fail('other', message.message);
      }
    };
    const open = async () => {
      if (!liveCaptureSupported()) return fail('unsupported', null);
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: audioConstraints(deviceId) });
        if (cancelled) return;
        const track = stream.getAudioTracks()[0];
        const keptOn = processingKeptOn(track.getSettings());
        graph = await openLiveGraph(stream, viewAt, onMessage);
        if (cancelled) return;
        const running = graph;
        const phaseNow = (): LivePhase => running.state();
        settle({ phase: phaseNow(), failure: null, errorMessage: null, graph, keptOn });
        running.onStateChange(() =>
          settle({ phase: phaseNow(), failure: null, errorMessage: null, graph: running, keptOn }),
        );
        track.onended = () => fail('ended', null);
        // Labels are visible only now that the page may use a microphone.
        const devices = await navigator.mediaDevices.enumerateDevices();
        if (!cancelled) setMicrophones(microphoneChoices(devices));
      } catch (error) {
        fail(captureFailure(error), describeError(error));
      }
    };
    void open();
    return () => {
      cancelled = true;
      chunkListener.current = null;
      waiters.splice(0).forEach((resolve) => resolve());
      graph?.close();
      stopStream(stream);
    };
  }, [key, deviceId, describeError, viewAt, publish]);

  useEffect(() => {
    const refresh = () => {
      void navigator.mediaDevices
        .enumerateDevices()
        .then((devices) => setMicrophones(microphoneChoices(devices)));
    };
    navigator.mediaDevices?.addEventListener('devicechange', refresh);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', refresh);
  }, []);

  const recorder = useMemo<LiveRecorder | null>(
    () =>
      graph && {
        sampleRateHz: graph.sampleRateHz,
        startChunks: (chunkSamples, onChunk) => {
          chunkListener.current = onChunk;
          graph.post({ type: 'record', chunkSamples });
        },
        flush: () =>
          new Promise<void>((resolve) => {
            flushWaiters.current.push(resolve);
            graph.post({ type: 'flush' });
          }),
      },
    [graph],
  );

  return {
    phase: current?.phase ?? 'starting',
    failure: current?.failure ?? null,
    errorMessage: current?.errorMessage ?? null,
    microphones,
    deviceId,
    sampleRateHz: graph?.sampleRateHz ?? null,
    keptOn: current?.keptOn ?? [],
    recorder: current?.phase === 'running' ? recorder : null,
    chooseDevice: setDeviceId,
    resume: () => graph?.resume(),
    retry: () => setAttempt((n) => n + 1),
    subscribeRows,
    subscribeFrames,
    resetPeak,
  };
}
