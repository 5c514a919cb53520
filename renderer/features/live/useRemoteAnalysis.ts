/**
 * The expert's analysis of the audio received from the technician: the Record screen's live
 * path (a MediaStreamAudioSourceNode → the capture worklet → the analysis worker, with the
 * project's own FFT) on the remote stream, handing frames and waterfall lines to subscribers.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import type { SpectrogramRows } from '../../chart/colormap.ts';
import { openWorkletGraph } from '../record/liveGraph.ts';
import type { LiveGraph } from '../record/liveGraph.ts';
import type { LiveFrame } from '../record/liveMessages.ts';
import type { LiveViewSettings } from '../record/liveViewSettings.ts';
import { analysisView } from '../record/useLiveInput.ts';

export interface RemoteAnalysis {
  readonly sampleRateHz: number | null;
  readonly error: string | null;
  subscribeFrames(listener: (frame: LiveFrame) => void): () => void;
  subscribeRows(listener: (rows: SpectrogramRows) => void): () => void;
  resetPeak(): void;
}

export function useRemoteAnalysis(
  stream: MediaStream | null,
  view: LiveViewSettings,
  baseline: BaselineSpectrumView | null,
): RemoteAnalysis {
  const [graph, setGraph] = useState<LiveGraph | null>(null);
  const [error, setError] = useState<string | null>(null);
  const settings = useRef({ view, baseline });
  const frameListeners = useRef(new Set<(frame: LiveFrame) => void>());
  const rowListeners = useRef(new Set<(rows: SpectrogramRows) => void>());

  useEffect(() => {
    if (stream === null) return;
    let cancelled = false;
    let opened: LiveGraph | null = null;
    openWorkletGraph(
      stream,
      (sampleRateHz) => analysisView(settings.current.view, sampleRateHz),
      (message) => {
        if (message.type === 'frame') {
          frameListeners.current.forEach((listener) => listener(message.frame));
          const rows = message.frame.spectrogram;
          if (rows) rowListeners.current.forEach((listener) => listener(rows));
        } else if (message.type === 'error') {
          setError(message.message);
        }
      },
    )
      .then((next) => {
        if (cancelled) return next.close();
        opened = next;
        next.post({ type: 'baseline', baseline: settings.current.baseline });
        // The expert pressed Join: that gesture lets the context run.
        next.resume();
        setGraph(next);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(String(failure));
      });
    return () => {
      cancelled = true;
      opened?.close();
      setGraph(null);
    };
  }, [stream]);

  useEffect(() => {
    settings.current = { view, baseline };
  }, [view, baseline]);
  useEffect(() => {
    if (graph) graph.post({ type: 'view', view: analysisView(view, graph.sampleRateHz) });
  }, [graph, view]);
  useEffect(() => {
    graph?.post({ type: 'baseline', baseline });
  }, [graph, baseline]);

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
  const subscribeRows = useCallback((listener: (rows: SpectrogramRows) => void) => {
    const listeners = rowListeners.current;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  const resetPeak = useCallback(() => graph?.post({ type: 'resetPeak' }), [graph]);
  return {
    sampleRateHz: graph?.sampleRateHz ?? null,
    error,
    subscribeFrames,
    subscribeRows,
    resetPeak,
  };
}
