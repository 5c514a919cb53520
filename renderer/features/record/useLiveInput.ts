/**
 * The microphone's live path for the Record screen: asks for the chosen microphone with every
 * processing feature off and checks what the device kept on, builds the capture → worker graph
 * (liveGraph.ts), hands the worker the view settings and the baseline, and passes analysis
 * frames and waterfall lines to subscribers (not React state: a frame re-renders nothing) and
 * a recorder to LiveRecording.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import type { LiveAnalysisView, LiveFrame, WorkerToPage } from './liveMessages.ts';
import { liveViewAxis } from './liveViewSettings.ts';
import type { LiveViewSettings } from './liveViewSettings.ts';
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

/** What the worker needs of the person's view settings at `sampleRateHz`. */
export function analysisView(view: LiveViewSettings, sampleRateHz: number): LiveAnalysisView {
  return {
    axis: liveViewAxis(view, sampleRateHz),
    averagingSeconds: view.averagingSeconds,
    peakHold: view.peakHold,
  };
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
  const settings = useRef({ view, baseline });
  const rowListeners = useRef(new Set<(rows: SpectrogramRows) => void>());
  const frameListeners = useRef(new Set<(frame: LiveFrame) => void>());
  const chunkListener = useRef<((samples: ArrayBuffer) => void) | null>(null);
  const flushWaiters = useRef<(() => void)[]>([]);
  const key = `${deviceId ?? ''}|${attempt}`;

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
        frameListeners.current.forEach((listener) => listener(message.frame));
        const rows = message.frame.spectrogram;
        if (rows) rowListeners.current.forEach((listener) => listener(rows));
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
        graph = await openLiveGraph(
          stream,
          (sampleRateHz) => analysisView(settings.current.view, sampleRateHz),
          onMessage,
        );
        if (cancelled) return;
        graph.post({ type: 'baseline', baseline: settings.current.baseline });
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
  }, [key, deviceId, describeError]);

  useEffect(() => {
    const refresh = () => {
      void navigator.mediaDevices
        .enumerateDevices()
        .then((devices) => setMicrophones(microphoneChoices(devices)));
    };
    navigator.mediaDevices?.addEventListener('devicechange', refresh);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', refresh);
  }, []);

  const current = opened !== null && opened.key === key ? opened : null;
  const graph = current?.graph ?? null;

  useEffect(() => {
    settings.current = { view, baseline };
  }, [view, baseline]);
  useEffect(() => {
    if (graph) graph.post({ type: 'view', view: analysisView(view, graph.sampleRateHz) });
  }, [graph, view]);
  useEffect(() => {
    graph?.post({ type: 'baseline', baseline });
  }, [graph, baseline]);

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

  const subscribeRows = useCallback((listener: (rows: SpectrogramRows) => void) => {
    const listeners = rowListeners.current;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  // A new graph (or none, once the microphone stops) is a new source: readers start afresh.
  const subscribeFrames = useCallback(
    (listener: (frame: LiveFrame) => void) => {
      const listeners = frameListeners.current;
      if (graph) listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    [graph],
  );

  const resetPeak = useCallback(() => graph?.post({ type: 'resetPeak' }), [graph]);

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
