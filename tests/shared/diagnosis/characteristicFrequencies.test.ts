import { describe, expect, it } from 'vitest';
import { rollingElementOrders } from '../../../shared/diagnosis/bearingKinematics.ts';
import { characteristicFrequencies } from '../../../shared/diagnosis/characteristicFrequencies.ts';
import type { CharacteristicFrequency } from '../../../shared/diagnosis/characteristicFrequencies.ts';
import { parseMachineProfile, withShaftSpeeds } from '../../../shared/diagnosis/profile.ts';
import { expectClose } from '../../helpers/tolerance.ts';
import { exampleProfileJson } from '../../../shared/simulation/profiles.ts';

const example = parseMachineProfile(exampleProfileJson());
const spindleHz = 1480 / 60;

function byId(list: readonly CharacteristicFrequency[], id: string): CharacteristicFrequency {
  const found = list.find((c) => c.id === id);
  if (!found) throw new Error(`no characteristic frequency ${id}`);
  return found;
}

/** The CWRU test rig: an SKF 6205 drive-end bearing on a motor shaft at 1797 rpm, 60 Hz mains. */
function cwruProfile(bearing: Record<string, unknown>) {
  return parseMachineProfile({
    id: 'cwru',
    lineFrequencyHz: 60,
    shafts: [{ id: 'motor', rpm: 1797 }],
    components: [
      { type: 'bearing', id: 'drive-end', shaft: 'motor', model: 'SKF 6205', ...bearing },
    ],
  });
}

describe('rollingElementOrders', () => {
  const geometry = { balls: 9, ballDiameterMm: 7.94, pitchDiameterMm: 39.04, contactAngleDeg: 0 };

  it.each([
    ['bpfo', 3.5848],
    ['bpfi', 5.4152],
    ['bsf', 2.357],
    ['ftf', 0.39828],
  ] as const)(
    'gives the documented SKF 6205 %s order %f from its geometry within 0.5 %%',
    (key, documented) => {
      const orders = rollingElementOrders(geometry);
      expect(Math.abs(orders[key] / documented - 1)).toBeLessThan(0.005);
    },
  );

  it('uses the D/(2d) convention for BSF, half the CWRU "rolling element" order 4.7135', () => {
    expectClose(2 * rollingElementOrders(geometry).bsf, 4.7135, 0.001);
  });

  it('moves BPFO down and BPFI up as the contact angle falls, keeping BPFO + BPFI = n', () => {
    const flat = rollingElementOrders(geometry);
    const angled = rollingElementOrders({ ...geometry, contactAngleDeg: 40 });
    expect(angled.bpfo).toBeGreaterThan(flat.bpfo);
    expect(angled.bpfi).toBeLessThan(flat.bpfi);
    expectClose(angled.bpfo + angled.bpfi, 9, 1e-12);
  });
});

describe('characteristicFrequencies', () => {
  it.each([
    ['bpfi', 162.19],
    ['bpfo', 107.36],
  ])('puts CWRU %s at 1797 rpm at %f Hz', (what, hz) => {
    const profile = cwruProfile({ bpfo: 3.5848, bpfi: 5.4152, bsf: 2.357, ftf: 0.39828 });
    expectClose(
      byId(characteristicFrequencies(profile), `bearing:drive-end:${what}`).frequencyHz,
      hz,
      0.005,
    );
  });

  it('says how BPFI was computed, with the numbers', () => {
    const profile = cwruProfile({ bpfo: 3.5848, bpfi: 5.4152, bsf: 2.357, ftf: 0.39828 });
    const bpfi = byId(characteristicFrequencies(profile), 'bearing:drive-end:bpfi');
    expect(bpfi.origin).toBe('BPFI = 5.4152 × 29.95 Hz (motor at 1797 rpm)');
    expect(bpfi).toMatchObject({
      kind: 'bearing-bpfi',
      componentId: 'drive-end',
      shaftId: 'motor',
      order: 5.4152,
    });
    expect(bpfi.name).toBe('BPFI of drive-end (SKF 6205)');
  });

  it.each(['bpfo', 'bpfi', 'bsf', '2bsf', 'ftf'])(
    'places %s from geometry within 0.5 % of the catalogue orders',
    (what) => {
      const catalogue = characteristicFrequencies(
        cwruProfile({ bpfo: 3.5848, bpfi: 5.4152, bsf: 2.357, ftf: 0.39828 }),
      );
      const geometric = characteristicFrequencies(
        cwruProfile({ balls: 9, ballDiameterMm: 7.94, pitchDiameterMm: 39.04 }),
      );
      const id = `bearing:drive-end:${what}`;
      expect(
        Math.abs(byId(geometric, id).frequencyHz / byId(catalogue, id).frequencyHz - 1),
      ).toBeLessThan(0.005);
      expect(byId(geometric, id).origin).toContain('7.94/39.04 × cos 0°');
    },
  );

  it('lists shaft orders 0.5x to 10x in steps of a half order', () => {
    const orders = characteristicFrequencies(example).filter(
      (c) => c.shaftId === 'spindle' && c.kind === 'shaft-order',
    );
    expect(orders.map((c) => c.order)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) / 2));
    for (const c of orders) expectClose(c.frequencyHz, (c.order as number) * spindleHz, 1e-9);
    expect(byId(orders, 'shaft:spindle:1.5x').origin).toBe(
      '1.5x = 1.5 × 24.667 Hz (spindle at 1480 rpm)',
    );
  });

  it('puts the gear mesh at teeth × shaft speed with ±1 and ±2 shaft sidebands', () => {
    const gear = characteristicFrequencies(example).filter(
      (c) => c.componentId === 'headstock-gear',
    );
    expect(gear.map((c) => c.id)).toEqual([
      'gear:headstock-gear:mesh',
      'gear:headstock-gear:mesh-2',
      'gear:headstock-gear:mesh-1',
      'gear:headstock-gear:mesh+1',
      'gear:headstock-gear:mesh+2',
    ]);
    expectClose(gear[0].frequencyHz, 29 * spindleHz, 1e-9);
    expect(gear.map((c) => c.sideband)).toEqual([undefined, -2, -1, 1, 2]);
    for (const c of gear.slice(1)) {
      expect(c.carrierId).toBe('gear:headstock-gear:mesh');
      expectClose(c.frequencyHz, (29 + (c.sideband as number)) * spindleHz, 1e-9);
    }
  });

  it('leaves out sidebands that would fall at or below 0 Hz', () => {
    const profile = parseMachineProfile({
      id: 'g',
      lineFrequencyHz: 50,
      shafts: [{ id: 's', rpm: 600 }],
      components: [{ type: 'gear', id: 'pinion', shaft: 's', teeth: 2 }],
    });
    const ids = characteristicFrequencies(profile)
      .filter((c) => c.componentId === 'pinion')
      .map((c) => c.id);
    expect(ids).toEqual([
      'gear:pinion:mesh',
      'gear:pinion:mesh-1',
      'gear:pinion:mesh+1',
      'gear:pinion:mesh+2',
    ]);
  });

  it('turns a feed into screw speed and the screw geometry into an angular-contact ball pass', () => {
    const list = characteristicFrequencies(example);
    expectClose(byId(list, 'ballscrew:z-ballscrew:rotation').frequencyHz, 5, 1e-12);
    expectClose(byId(list, 'shaft:z-screw:1x').frequencyHz, 5, 1e-12);
    // 40/2 × (1 − 6.35/40 × cos 45°) = 17.755 ball passes per screw turn.
    const ballPass = byId(list, 'ballscrew:z-ballscrew:ball-pass');
    expectClose(ballPass.frequencyHz, 20 * (1 - (6.35 / 40) * Math.SQRT1_2) * 5, 1e-9);
    expect(ballPass.origin).toContain('3000 mm/min ÷ 10 mm lead = 300 rpm');
  });

  it('multiplies a given ball-pass order by the screw speed', () => {
    expectClose(
      byId(characteristicFrequencies(example), 'ballscrew:x-ballscrew:ball-pass').frequencyHz,
      73,
      1e-9,
    );
  });

  it('follows a speed override, also on a feed-driven screw', () => {
    const list = characteristicFrequencies(
      withShaftSpeeds(example, { 'z-screw': 600, spindle: 1797 }),
    );
    expectClose(byId(list, 'ballscrew:z-ballscrew:rotation').frequencyHz, 10, 1e-12);
    expectClose(byId(list, 'bearing:spindle-front-bearing:bpfi').frequencyHz, 162.19, 0.005);
  });

  it('puts the belt frequency at π × pulley diameter × shaft speed / belt length', () => {
    const belt = byId(characteristicFrequencies(example), 'belt:spindle-belt:belt');
    expectClose(belt.frequencyHz, (Math.PI * 120 * spindleHz) / 1400, 1e-9);
    expectClose(belt.frequencyHz, 6.642, 0.001);
  });

  it.each([
    // line Hz, poles, rpm → pole pass, 2× line ± pole pass, 1x ± pole pass
    [50, 4, 1480, 1.3333, 98.6667, 101.3333, 23.3333, 26.0],
    [60, 4, 1750, 3.3333, 116.6667, 123.3333, 25.8333, 32.5],
    [60, 2, 3550, 1.6667, 118.3333, 121.6667, 57.5, 60.8333],
  ])(
    'places the pole-pass lines of a %i Hz %i-pole motor at %i rpm',
    (line, poles, rpm, pp, lo2, hi2, lo1, hi1) => {
      const profile = parseMachineProfile({
        id: 'm',
        lineFrequencyHz: line,
        shafts: [{ id: 'rotor', rpm }],
        components: [{ type: 'motor', id: 'mot', shaft: 'rotor', poles }],
      });
      const list = characteristicFrequencies(profile);
      const expected: [string, number][] = [
        ['motor:mot:pole-pass', pp],
        ['motor:mot:2xline-pp', lo2],
        ['motor:mot:2xline+pp', hi2],
        ['motor:mot:1x-pp', lo1],
        ['motor:mot:1x+pp', hi1],
      ];
      for (const [id, hz] of expected) expectClose(byId(list, id).frequencyHz, hz, 1e-4);
      expect(byId(list, 'motor:mot:2xline+pp').carrierId).toBe('line:2x');
      expect(byId(list, 'motor:mot:1x-pp').carrierId).toBe('shaft:rotor:1x');
      expectClose(byId(list, 'line:2x').frequencyHz, 2 * line, 0);
    },
  );

  it.each([
    ['faster than synchronous (an inverter drive)', 1550],
    ['slipping more than 15 %', 1200],
  ])('lists no pole-pass lines for a motor running %s', (_what, rpm) => {
    const profile = parseMachineProfile({
      id: 'm',
      lineFrequencyHz: 50,
      shafts: [{ id: 'rotor', rpm }],
      components: [{ type: 'motor', id: 'mot', shaft: 'rotor', poles: 4 }],
    });
    expect(characteristicFrequencies(profile).filter((c) => c.componentId === 'mot')).toEqual([]);
  });

  it('lists only the mains lines for a machine that is not modelled yet', () => {
    const list = characteristicFrequencies(parseMachineProfile({ id: 'm', lineFrequencyHz: 60 }));
    expect(list.map((c) => [c.id, c.kind, c.frequencyHz])).toEqual([
      ['line:1x', 'line', 60],
      ['line:2x', 'line-2x', 120],
    ]);
  });

  it('gives unique ids in a fixed order, the same on every call', () => {
    const first = characteristicFrequencies(example);
    expect(new Set(first.map((c) => c.id)).size).toBe(first.length);
    expect(characteristicFrequencies(example)).toEqual(first);
    expect(first.slice(0, 4).map((c) => c.id)).toEqual([
      'line:1x',
      'line:2x',
      'shaft:spindle:0.5x',
      'shaft:spindle:1x',
    ]);
    expect(first.at(-1)?.id).toBe('motor:spindle-motor:1x+pp');
    // 2 mains + 3 shafts × 20 orders + 2 bearings × 5 + gear 5 + 2 screws × 2 + belt 1 + motor 5
    expect(first.length).toBe(2 + 60 + 10 + 5 + 4 + 1 + 5);
  });
});
