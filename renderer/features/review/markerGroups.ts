/**
 * The profile's characteristic frequencies as chart markers, in groups the technician switches
 * on and off: shaft speed and its harmonics, bearing defect frequencies, gear mesh with its
 * sidebands, ball-screw frequencies, mains (the 2× line of electrical faults), belt.
 */
import type { SelectionAnalysis } from '../../../shared/api/contract.ts';
import type { CharacteristicKind } from '../../../shared/diagnosis/characteristicFrequencies.ts';

export type Marker = SelectionAnalysis['markers'][number];

export const MARKER_GROUPS = ['shaft', 'bearing', 'gear', 'screw', 'line', 'belt'] as const;
export type MarkerGroup = (typeof MARKER_GROUPS)[number];

const GROUP_OF_KIND: Readonly<Record<CharacteristicKind, MarkerGroup>> = {
  'shaft-order': 'shaft',
  'bearing-bpfo': 'bearing',
  'bearing-bpfi': 'bearing',
  'bearing-bsf': 'bearing',
  'bearing-2bsf': 'bearing',
  'bearing-ftf': 'bearing',
  'gear-mesh': 'gear',
  'gear-sideband': 'gear',
  'ballscrew-rotation': 'screw',
  'ballscrew-ball-pass': 'screw',
  belt: 'belt',
  line: 'line',
  'line-2x': 'line',
  'pole-pass': 'line',
  'pole-pass-sideband': 'line',
};

/** Line colours per group, told apart from the spectrum (orange) and the band (blue). */
export const MARKER_COLORS: Readonly<Record<MarkerGroup, string>> = {
  shaft: '#2e7d32',
  bearing: '#c2185b',
  gear: '#6a1b9a',
  screw: '#00838f',
  line: '#5d4037',
  belt: '#827717',
};

/** Highest shaft order drawn: more harmonics crowd the chart without adding evidence. */
export const MAX_DRAWN_ORDER = 5;

const SHORT_LABEL: Readonly<Partial<Record<CharacteristicKind, string>>> = {
  'bearing-bpfo': 'BPFO',
  'bearing-bpfi': 'BPFI',
  'bearing-bsf': 'BSF',
  'bearing-2bsf': '2BSF',
  'bearing-ftf': 'FTF',
  'gear-mesh': 'GMF',
  'ballscrew-ball-pass': 'BP',
  belt: 'belt',
  line: 'L',
  'line-2x': '2L',
  'pole-pass': 'PP',
};

/** The order of a shaft-order marker from its id (`shaft:<shaftId>:<order>x`), else null. */
export function shaftOrder(marker: Marker): number | null {
  const match = /:(\d+(?:\.\d+)?)x$/.exec(marker.id);
  return marker.kind === 'shaft-order' && match ? Number(match[1]) : null;
}

/**
 * Whether a marker is drawn at all: shaft orders only as whole harmonics 1×…MAX_DRAWN_ORDER×
 * (half orders and the rest would hide the spectrum); sidebands are drawn unlabelled.
 */
export function isDrawn(marker: Marker): boolean {
  const order = shaftOrder(marker);
  if (marker.kind !== 'shaft-order') return true;
  return order !== null && Number.isInteger(order) && order >= 1 && order <= MAX_DRAWN_ORDER;
}

/** The few characters written beside a marker line ('' for sidebands and screw rotation). */
export function markerLabel(marker: Marker): string {
  const order = shaftOrder(marker);
  if (order !== null) return `${order}×`;
  return SHORT_LABEL[marker.kind] ?? '';
}

export function markerGroup(marker: Marker): MarkerGroup {
  return GROUP_OF_KIND[marker.kind];
}

/** The groups that have at least one drawn marker, in MARKER_GROUPS order. */
export function groupsPresent(markers: readonly Marker[]): MarkerGroup[] {
  const present = new Set(markers.filter(isDrawn).map(markerGroup));
  return MARKER_GROUPS.filter((group) => present.has(group));
}

export interface PlotMarker {
  readonly frequencyHz: number;
  readonly label: string;
  readonly color: string;
}

/** The markers to draw: drawn ones of the switched-on groups, below `maxFrequencyHz`. */
export function visibleMarkers(
  markers: readonly Marker[],
  shown: ReadonlySet<MarkerGroup>,
  maxFrequencyHz: number,
): PlotMarker[] {
  return markers
    .filter((m) => isDrawn(m) && shown.has(markerGroup(m)) && m.frequencyHz <= maxFrequencyHz)
    .map((m) => ({
      frequencyHz: m.frequencyHz,
      label: markerLabel(m),
      color: MARKER_COLORS[markerGroup(m)],
    }));
}
