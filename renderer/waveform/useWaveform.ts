import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { createWaveform } from './waveform.ts';
import type { TimeRange, Waveform } from './waveform.ts';
import { canZoom, stepZoom } from './zoom.ts';

export interface WaveformSource {
  readonly audioUrl: string;
  readonly peaks: readonly number[];
  readonly durationSeconds: number;
}

export interface WaveformState {
  readonly playing: boolean;
  readonly timeSeconds: number;
  /** The stretch on screen. */
  readonly view: TimeRange;
  readonly error: string | null;
  readonly canZoomIn: boolean;
  readonly canZoomOut: boolean;
  readonly playPause: () => void;
  readonly zoomIn: () => void;
  readonly zoomOut: () => void;
  readonly zoomToFit: () => void;
  /** Moves the region (e.g. back to the default) without a `onRegion` call. */
  readonly setRegion: (range: TimeRange) => void;
}

interface Live {
  readonly playing: boolean;
  readonly timeSeconds: number;
  readonly view: TimeRange;
  readonly pxPerSecond: number;
  /** The scale that shows the whole recording in the current width. */
  readonly fitScale: number;
  readonly error: string | null;
}

/**
 * A waveform in `container` for `source` (a new source makes a new waveform), with the region
 * starting at `initialRegion`; `onRegion` hears the user's region changes.
 */
export function useWaveform(
  container: RefObject<HTMLElement | null>,
  source: WaveformSource,
  initialRegion: TimeRange,
  onRegion: (range: TimeRange) => void,
): WaveformState {
  const waveform = useRef<Waveform | null>(null);
  const latest = useRef({ onRegion, initialRegion });
  useEffect(() => {
    latest.current = { onRegion, initialRegion };
  });
  const [live, setLive] = useState<Live>({
    playing: false,
    timeSeconds: 0,
    view: { startSeconds: 0, endSeconds: source.durationSeconds },
    pxPerSecond: 0,
    fitScale: 0,
    error: null,
  });
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = createWaveform({
      container: element,
      ...source,
      region: latest.current.initialRegion,
    });
    waveform.current = created;
    const update = (patch: Partial<Live>) => setLive((previous) => ({ ...previous, ...patch }));
    const offs = [
      created.on('playing', (playing) => update({ playing })),
      created.on('time', (timeSeconds) => update({ timeSeconds })),
      created.on('view', (view) => update({ view, fitScale: created.fitScale() })),
      created.on('zoom', (pxPerSecond) => update({ pxPerSecond })),
      created.on('error', (error) => update({ error })),
      created.on('region', (range) => latest.current.onRegion(range)),
    ];
    return () => {
      offs.forEach((off) => off());
      created.destroy();
      waveform.current = null;
    };
  }, [container, source]);
  const { pxPerSecond, fitScale } = live;
  const zoom = useCallback(
    (direction: 1 | -1) => {
      const w = waveform.current;
      if (w) w.zoom(stepZoom(pxPerSecond, direction, w.fitScale()));
    },
    [pxPerSecond],
  );
  return {
    ...live,
    canZoomIn: canZoom(pxPerSecond, 1, fitScale),
    canZoomOut: canZoom(pxPerSecond, -1, fitScale),
    playPause: () => void waveform.current?.playPause(),
    zoomIn: () => zoom(1),
    zoomOut: () => zoom(-1),
    zoomToFit: () => waveform.current?.zoom(0),
    setRegion: (range) => waveform.current?.setRegion(range),
  };
}
