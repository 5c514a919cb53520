import { describe, expect, it } from 'vitest';
import {
  groupsPresent,
  isDrawn,
  markerGroup,
  markerLabel,
  MARKER_COLORS,
  shaftOrder,
  visibleMarkers,
} from '../../../../renderer/features/review/markerGroups.ts';
import type { Marker } from '../../../../renderer/features/review/markerGroups.ts';
import { characteristicFrequencies } from '../../../../shared/diagnosis/characteristicFrequencies.ts';
import { simLatheProfile } from '../../../../shared/simulation/profiles.ts';

const markers: Marker[] = characteristicFrequencies(simLatheProfile).map((f) => ({
  id: f.id,
  name: f.name,
  kind: f.kind,
  frequencyHz: f.frequencyHz,
}));
const byId = (id: string) => markers.find((m) => m.id === id) as Marker;

describe('marker groups of the simulated lathe', () => {
  it('puts every characteristic frequency in a group', () => {
    expect(markers.length).toBeGreaterThan(20);
    expect(markers.every((m) => MARKER_COLORS[markerGroup(m)] !== undefined)).toBe(true);
  });

  it('finds shaft, bearing, gear, screw and mains groups, in a fixed order', () => {
    expect(groupsPresent(markers)).toEqual(
      expect.arrayContaining(['shaft', 'bearing', 'gear', 'screw', 'line']),
    );
    const order = groupsPresent(markers);
    expect(order.indexOf('shaft')).toBeLessThan(order.indexOf('bearing'));
  });

  it('reads a shaft order from the marker id', () => {
    expect(shaftOrder(byId('shaft:spindle:1x'))).toBe(1);
    expect(shaftOrder(byId('shaft:spindle:2.5x'))).toBe(2.5);
    expect(shaftOrder(byId('line:2x'))).toBeNull();
  });

  it.each([
    ['shaft:spindle:1x', true, '1×'],
    ['shaft:spindle:5x', true, '5×'],
    ['shaft:spindle:6x', false, '6×'],
    ['shaft:spindle:0.5x', false, '0.5×'],
    ['line:2x', true, '2L'],
  ])('draws %s: %s, labelled %j', (id, drawn, label) => {
    expect(isDrawn(byId(id))).toBe(drawn);
    expect(markerLabel(byId(id))).toBe(label);
  });

  it('labels bearing defect frequencies with their usual abbreviations', () => {
    const labels = markers.filter((m) => markerGroup(m) === 'bearing').map(markerLabel);
    expect(labels).toEqual(expect.arrayContaining(['BPFO', 'BPFI', 'BSF', 'FTF']));
  });
});

describe('visibleMarkers', () => {
  it('keeps drawn markers of the shown groups below the highest frequency', () => {
    const shown = visibleMarkers(markers, new Set(['bearing', 'line'] as const), 200);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((m) => m.frequencyHz <= 200)).toBe(true);
    expect(new Set(shown.map((m) => m.color))).toEqual(
      new Set([MARKER_COLORS.bearing, MARKER_COLORS.line]),
    );
  });

  it('shows nothing with every group switched off', () => {
    expect(visibleMarkers(markers, new Set(), 1e6)).toEqual([]);
  });
});
