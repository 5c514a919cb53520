/**
 * The waveform adapter: the only module that imports wavesurfer.js (docs/architecture.md). It shows a
 * recording from precomputed peaks (the host's `review.peaks`, so a long file is never decoded in
 * the page), streams playback from a URL through a media element, and carries one region (the
 * stretch to analyse) and wheel zoom. The time axis is drawn by the page (chart/TimeAxis.tsx):
 * the Timeline plugin makes one DOM element per notch over the whole recording and measures each,
 * which takes seconds per zoom step on an hour of audio. Callers get typed events and plain methods.
 */
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import ZoomPlugin from 'wavesurfer.js/dist/plugins/zoom.esm.js';
import { Emitter } from './emitter.ts';
import { withAdoptedShadowStyles } from './shadowStyles.ts';
import { fitPxPerSecond, MAX_PX_PER_SECOND, visibleRange } from './zoom.ts';

export interface TimeRange {
  readonly startSeconds: number;
  readonly endSeconds: number;
}

export interface WaveformOptions {
  readonly container: HTMLElement;
  readonly audioUrl: string;
  /** Largest |sample| per bucket, evenly covering the recording. */
  readonly peaks: readonly number[];
  readonly durationSeconds: number;
  readonly region: TimeRange;
  /** The region cannot be made shorter than this (default 0.5 s). */
  readonly minRegionSeconds?: number;
  readonly heightPx?: number;
}

export interface WaveformEvents extends Record<string, unknown[]> {
  playing: [playing: boolean];
  time: [seconds: number];
  /** The stretch of audio on screen (scroll, zoom, resize). */
  view: [range: TimeRange];
  /** The user finished moving or resizing the region. */
  region: [range: TimeRange];
  zoom: [pxPerSecond: number];
  error: [message: string];
}

export interface Waveform {
  on<E extends keyof WaveformEvents>(
    event: E,
    listener: (...args: WaveformEvents[E]) => void,
  ): () => void;
  playPause(): Promise<void>;
  /** Sets the scale in pixels per second (0 or anything up to the fit scale shows it all). */
  zoom(pxPerSecond: number): void;
  /** The scale that shows the whole recording in the current width. */
  fitScale(): number;
  setRegion(range: TimeRange): void;
  destroy(): void;
}

const COLORS = {
  wave: '#7d8ea3',
  progress: '#1f5fae',
  cursor: '#b3261e',
  region: 'rgba(240, 164, 0, 0.18)',
};

function createSurfer(
  options: WaveformOptions,
  regions: ReturnType<typeof RegionsPlugin.create>,
): WaveSurfer {
  return withAdoptedShadowStyles(() =>
    WaveSurfer.create({
      container: options.container,
      height: options.heightPx ?? 96,
      waveColor: COLORS.wave,
      progressColor: COLORS.progress,
      cursorColor: COLORS.cursor,
      normalize: true,
      url: options.audioUrl,
      peaks: [Float32Array.from(options.peaks)],
      duration: options.durationSeconds,
      backend: 'MediaElement',
      plugins: [
        regions,
        ZoomPlugin.create({ scale: 0.25, maxZoom: MAX_PX_PER_SECOND, exponentialZooming: true }),
      ],
    }),
  );
}

type Regions = ReturnType<typeof RegionsPlugin.create>;
type Region = ReturnType<Regions['addRegion']>;

/** The one draggable, resizable region of the stretch to analyse. */
function addAnalysisRegion(regions: Regions, range: TimeRange, minLengthSeconds: number): Region {
  return regions.addRegion({
    start: range.startSeconds,
    end: range.endSeconds,
    color: COLORS.region,
    drag: true,
    resize: true,
    minLength: minLengthSeconds,
  });
}

/** Creates the waveform in `options.container`; call `destroy()` when done. */
export function createWaveform(options: WaveformOptions): Waveform {
  const events = new Emitter<WaveformEvents>();
  const regions = RegionsPlugin.create();
  const surfer = createSurfer(options, regions);
  const duration = options.durationSeconds;
  // The region is added once the peaks are in (the 'decode' event): the plugin places regions
  // by the known duration, and must not wait for the media element, which may still be loading.
  let region: Region | null = null;
  let wanted = options.region;
  const placeRegion = () => {
    if (region) return;
    region = addAnalysisRegion(regions, wanted, options.minRegionSeconds ?? 0.5);
    const placed = region;
    placed.on('update-end', () =>
      events.emit('region', { startSeconds: placed.start, endSeconds: placed.end }),
    );
  };
  const emitView = () => {
    const wrapper = surfer.getWrapper();
    events.emit(
      'view',
      visibleRange(surfer.getScroll(), surfer.getWidth(), wrapper.scrollWidth, duration),
    );
  };
  const unsubscribe = [
    surfer.on('decode', placeRegion),
    surfer.on('play', () => events.emit('playing', true)),
    surfer.on('pause', () => events.emit('playing', false)),
    surfer.on('timeupdate', (seconds) => events.emit('time', seconds)),
    surfer.on('scroll', (start, end) =>
      events.emit('view', { startSeconds: start, endSeconds: end }),
    ),
    surfer.on('zoom', (pxPerSecond) => {
      events.emit('zoom', pxPerSecond);
      requestAnimationFrame(emitView);
    }),
    surfer.on('redraw', emitView),
    surfer.on('resize', emitView),
    surfer.on('error', (error) => events.emit('error', error.message)),
  ];
  return {
    on: (event, listener) => events.on(event, listener),
    playPause: () => surfer.playPause(),
    zoom: (pxPerSecond) => surfer.zoom(pxPerSecond),
    fitScale: () => fitPxPerSecond(surfer.getWidth(), duration),
    setRegion: (range) => {
      wanted = range;
      region?.setOptions({ start: range.startSeconds, end: range.endSeconds });
    },
    destroy: () => {
      unsubscribe.forEach((off) => off());
      events.clear();
      surfer.destroy();
    },
  };
}
