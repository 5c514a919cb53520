import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../../../renderer/features/machines/previewRows.ts';
import { characteristicFrequencies } from '../../../../shared/diagnosis/characteristicFrequencies.ts';
import { parseMachineProfile } from '../../../../shared/diagnosis/profile.ts';
import { simLatheProfile } from '../../../../shared/simulation/profiles.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

const mill = parseMachineProfile({
  id: 'mill',
  lineFrequencyHz: 60,
  shafts: [{ id: 'spindle', rpm: 1200 }],
  components: [{ type: 'gear', id: 'g1', shaft: 'spindle', teeth: 20 }],
});

describe('buildPreview', () => {
  it('lists a 20-tooth gear on a 1200 rpm shaft meshing at 400 Hz', () => {
    const mesh = buildPreview(mill, false).rows.find((row) => row.kind === 'gear-mesh');
    expectClose(mesh?.frequencyHz ?? NaN, 400, 1e-9);
    expect(mesh).toMatchObject({ partId: 'g1', shaftId: 'spindle', order: 20 });
  });

  it('lists mains and twice mains first', () => {
    const rows = buildPreview(mill, false).rows;
    expect(rows.slice(0, 2).map((r) => [r.kind, r.frequencyHz])).toEqual([
      ['line', 60],
      ['line-2x', 120],
    ]);
  });

  it('shows shaft speed in rpm and Hz', () => {
    expect(buildPreview(mill, false).speeds).toEqual([
      { shaftId: 'spindle', hz: 20, text: 'spindle at 1200 rpm' },
    ]);
  });

  it('leaves sidebands and high shaft orders out of the short list and counts them', () => {
    const short = buildPreview(mill, false);
    expect(short.rows.filter((r) => r.kind === 'shaft-order').map((r) => r.order)).toEqual([1, 2]);
    expect(short.rows.some((r) => r.kind === 'gear-sideband')).toBe(false);
    // 20 shaft orders − 2 shown + 4 mesh sidebands.
    expect(short.hiddenCount).toBe(22);
  });

  it.each([mill, simLatheProfile])('lists every line when asked (%#)', (profile) => {
    const all = buildPreview(profile, true);
    expect(all.rows.map((r) => r.id)).toEqual(
      characteristicFrequencies(profile).map((line) => line.id),
    );
    expect(all.hiddenCount).toBe(0);
  });
});
