/**
 * The expert's analysis of the audio received from the technician: the Record screen's live
 * path (a MediaStreamAudioSourceNode → the capture worklet → the analysis worker, with the
 * project's own FFT) on the remote stream, fed to readers as the Record screen's (useLiveFeed).
 */
import { useEffect, useState } from 'react';
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import { openWorkletGraph } from '../record/liveGraph.ts';
import type { LiveGraph } from '../record/liveGraph.ts';
import type { LiveViewSettings } from '../record/liveViewSettings.ts';
import { useLiveFeed } from '../record/useLiveFeed.ts';
import type { LiveFeed } from '../record/useLiveFeed.ts';

export interface RemoteAnalysis extends Pick<
  LiveFeed,
  'subscribeFrames' | 'subscribeRows' | 'resetPeak'
> {
  readonly sampleRateHz: number | null;
  readonly error: string | null;
}

export function useRemoteAnalysis(
  stream: MediaStream | null,
  view: LiveViewSettings,
  baseline: BaselineSpectrumView | null,
): RemoteAnalysis {
  const [graph, setGraph] = useState<LiveGraph | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { viewAt, publish, subscribeFrames, subscribeRows, resetPeak } = useLiveFeed(
    graph,
    view,
    baseline,
  );

  useEffect(() => {
    if (stream === null) return;
    let cancelled = false;
    let opened: LiveGraph | null = null;
    openWorkletGraph(stream, viewAt, (message) => {
      if (message.type === 'frame') publish(message.frame);
      else if (message.type === 'error') setError(message.message);
    })
      .then((next) => {
        if (cancelled) return next.close();
        opened = next;
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
  }, [stream, viewAt, publish]);

  return {
    sampleRateHz: graph?.sampleRateHz ?? null,
    error,
    subscribeFrames,
    subscribeRows,
    resetPeak,
  };
}
