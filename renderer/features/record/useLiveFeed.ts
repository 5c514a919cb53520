/**
 * What a live graph (liveGraph.ts) hands its readers, the same for the Record screen's
 * microphone (useLiveInput) and the expert's received stream (features/live/useRemoteAnalysis):
 * the view settings and the baseline reach the worker whenever they change, and analysis frames
 * and waterfall lines go to subscribers (not React state: a frame re-renders nothing).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import type { SpectrogramRows } from '../../chart/colormap.ts';
import type { LiveGraph } from './liveGraph.ts';
import type { LiveAnalysisView, LiveFrame } from './liveMessages.ts';
import { liveViewAxis } from './liveViewSettings.ts';
import type { LiveViewSettings } from './liveViewSettings.ts';

export interface LiveFeed {
  /** The worker's view at `sampleRateHz` from the settings as they are now (a graph opening). */
  viewAt(sampleRateHz: number): LiveAnalysisView;
  /** Hands an analysis frame (and its waterfall lines) to the subscribers. */
  publish(frame: LiveFrame): void;
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

/** The feed of `graph` (null while none runs); `viewAt` and `publish` never change. */
export function useLiveFeed(
  graph: LiveGraph | null,
  view: LiveViewSettings,
  baseline: BaselineSpectrumView | null,
): LiveFeed {
  const viewNow = useRef(view);
  const rowListeners = useRef(new Set<(rows: SpectrogramRows) => void>());
  const frameListeners = useRef(new Set<(frame: LiveFrame) => void>());

  useEffect(() => {
    viewNow.current = view;
  }, [view]);
  // A new graph gets both as well: its init carried only the view of the moment it opened.
  useEffect(() => {
    if (graph) graph.post({ type: 'view', view: analysisView(view, graph.sampleRateHz) });
  }, [graph, view]);
  useEffect(() => {
    graph?.post({ type: 'baseline', baseline });
  }, [graph, baseline]);

  const viewAt = useCallback(
    (sampleRateHz: number) => analysisView(viewNow.current, sampleRateHz),
    [],
  );
  const publish = useCallback((frame: LiveFrame) => {
    frameListeners.current.forEach((listener) => listener(frame));
    const rows = frame.spectrogram;
    if (rows) rowListeners.current.forEach((listener) => listener(rows));
  }, []);

  const subscribeRows = useCallback((listener: (rows: SpectrogramRows) => void) => {
    const listeners = rowListeners.current;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  // A new graph (or none, once the source stops) is a new source: readers start afresh.
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
  return { viewAt, publish, subscribeRows, subscribeFrames, resetPeak };
}
