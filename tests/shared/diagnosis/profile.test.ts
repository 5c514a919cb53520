import { describe, expect, it } from 'vitest';
import {
  ProfileError,
  parseMachineProfile,
  parseMachineProfileText,
  shaftRpm,
  withShaftSpeeds,
} from '../../../shared/diagnosis/profile.ts';
import { expectClose } from '../../helpers/tolerance.ts';
import { exampleProfileJson } from '../../../shared/simulation/profiles.ts';

type Json = Record<string, unknown>;
const shafts = (p: Json) => p.shafts as Json[];
const components = (p: Json) => p.components as Json[];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function thrown(action: () => unknown): ProfileError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return error as ProfileError;
  }
  throw new Error('expected a ProfileError, nothing was thrown');
}

describe('parseMachineProfile', () => {
  it('parses the example profile of the design', () => {
    const profile = parseMachineProfile(exampleProfileJson());
    expect(profile.id).toBe('lathe-3');
    expect(profile.name).toBe('CK6140 lathe #3');
    expect(profile.lineFrequencyHz).toBe(50);
    expect(profile.shafts.map((s) => s.id)).toEqual(['spindle', 'x-screw', 'z-screw']);
    expect(profile.components.map((c) => `${c.type}:${c.id}`)).toEqual([
      'bearing:spindle-front-bearing',
      'bearing:tailstock-bearing',
      'gear:headstock-gear',
      'ballscrew:x-ballscrew',
      'ballscrew:z-ballscrew',
      'belt:spindle-belt',
      'motor:spindle-motor',
    ]);
    expect(profile.components[0]).toMatchObject({ model: 'SKF 6205', bpfo: 3.5848, ftf: 0.39828 });
  });

  it('returns what it was given, field for field, when nothing needs a default', () => {
    const json = exampleProfileJson();
    expect(parseMachineProfile(json)).toEqual(json);
  });

  it('does not change its input', () => {
    const json = deepFreeze(exampleProfileJson());
    const before = JSON.stringify(json);
    parseMachineProfile(json);
    expect(JSON.stringify(json)).toBe(before);
  });

  it('accepts a machine that is not modelled yet, with empty or missing shafts and components', () => {
    const empty = parseMachineProfile({
      id: 'm1',
      lineFrequencyHz: 60,
      shafts: [],
      components: [],
    });
    const bare = parseMachineProfile({ id: 'm1', lineFrequencyHz: 60 });
    expect(bare).toEqual(empty);
    expect(bare).toEqual({ id: 'm1', name: 'm1', lineFrequencyHz: 60, shafts: [], components: [] });
  });

  it.each([
    ['bearing', 0],
    ['ballscrew', 45],
  ])('fills in the contact angle of a %s given by geometry without one (%i°)', (type, angle) => {
    const json = exampleProfileJson();
    const index = type === 'bearing' ? 1 : 4;
    delete components(json)[index].contactAngleDeg;
    const component = parseMachineProfile(json).components[index];
    expect(component).toHaveProperty('contactAngleDeg', angle);
  });

  it('rejects a __proto__ key as an unknown field and pollutes nothing', () => {
    const text = '{"id":"m","lineFrequencyHz":50,"__proto__":{"polluted":true}}';
    const error = thrown(() => parseMachineProfileText(text));
    expect(error.message).toBe('__proto__: is not a field of a machine profile');
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('reports text that is not JSON as a profile error', () => {
    expect(thrown(() => parseMachineProfileText('{"id": ')).message).toMatch(
      /^profile: is not valid JSON/,
    );
  });

  const cases: [string, (p: Json) => unknown, string, string][] = [
    ['an array instead of an object', () => [], '', 'must be an object'],
    ['no id', (p) => void delete p.id, 'id', 'is required'],
    ['an id with a space', (p) => void (p.id = 'lathe 3'), 'id', 'must be 1 to 64 letters'],
    ['an id with a colon', (p) => void (p.id = 'a:b'), 'id', 'must be 1 to 64 letters'],
    ['a numeric name', (p) => void (p.name = 42), 'name', 'must be a string'],
    [
      'a line frequency of 55 Hz',
      (p) => void (p.lineFrequencyHz = 55),
      'lineFrequencyHz',
      'must be 50 or 60',
    ],
    ['no line frequency', (p) => void delete p.lineFrequencyHz, 'lineFrequencyHz', 'is required'],
    [
      'an unknown top-level field',
      (p) => void (p.owner = 'me'),
      'owner',
      'is not a field of a machine profile',
    ],
    ['shafts that are not an array', (p) => void (p.shafts = {}), 'shafts', 'must be an array'],
    [
      'a shaft that is a number',
      (p) => void ((p.shafts as unknown[])[1] = 7),
      'shafts[1]',
      'must be an object',
    ],
    [
      'a negative rpm',
      (p) => void (shafts(p)[0].rpm = -5),
      'shafts[0].rpm',
      'must be a positive number',
    ],
    ['an absurd rpm', (p) => void (shafts(p)[0].rpm = 1e300), 'shafts[0].rpm', 'up to 1000000'],
    [
      'an rpm given as text',
      (p) => void (shafts(p)[0].rpm = '1480'),
      'shafts[0].rpm',
      'must be a positive number',
    ],
    [
      'a shaft with rpm and feed',
      (p) => void (shafts(p)[0].feedMmPerMin = 10),
      'shafts[0].feedMmPerMin',
      'cannot be combined with rpm',
    ],
    [
      'a shaft without speed',
      (p) => void delete shafts(p)[1].rpm,
      'shafts[1]',
      'a shaft needs rpm or feedMmPerMin',
    ],
    [
      'an unknown shaft field',
      (p) => void (shafts(p)[0].speed = 3),
      'shafts[0].speed',
      'is not a field of a shaft',
    ],
    [
      'a duplicate shaft id',
      (p) => void (shafts(p)[1].id = 'spindle'),
      'shafts[1].id',
      'duplicates shafts[0].id',
    ],
    [
      'a feed shaft without a ball screw',
      (p) => void components(p).splice(4, 1),
      'shafts[2].feedMmPerMin',
      'needs a ballscrew on shaft "z-screw"',
    ],
    [
      'components that are not an array',
      (p) => void (p.components = 'none'),
      'components',
      'must be an array',
    ],
    [
      'a null component',
      (p) => void ((p.components as unknown[])[3] = null),
      'components[3]',
      'must be an object',
    ],
    [
      'a component without type',
      (p) => void delete components(p)[0].type,
      'components[0].type',
      'is required',
    ],
    [
      'an unknown component type',
      (p) => void (components(p)[0].type = 'bushing'),
      'components[0].type',
      'must be one of bearing, gear',
    ],
    [
      'fractional teeth',
      (p) => void (components(p)[2].teeth = 29.5),
      'components[2].teeth',
      'must be a positive integer',
    ],
    [
      'teeth given as text',
      (p) => void (components(p)[2].teeth = '29'),
      'components[2].teeth',
      'must be a positive integer',
    ],
    [
      'a gear without teeth',
      (p) => void delete components(p)[2].teeth,
      'components[2].teeth',
      'is required',
    ],
    [
      'a misspelt field',
      (p) => void (components(p)[2].teath = 29),
      'components[2].teath',
      'is not a field of a gear',
    ],
    [
      'three of the four orders',
      (p) => void delete components(p)[0].ftf,
      'components[0].ftf',
      'is required with orders',
    ],
    [
      'orders mixed with geometry',
      (p) => void (components(p)[0].balls = 9),
      'components[0].balls',
      'cannot be combined with bpfo',
    ],
    [
      'orders with a contact angle',
      (p) => void (components(p)[0].contactAngleDeg = 0),
      'components[0].contactAngleDeg',
      'cannot be combined with bpfo',
    ],
    [
      'a bearing with neither orders nor geometry',
      (p) => void (components(p)[1] = { type: 'bearing', id: 'b', shaft: 'spindle' }),
      'components[1]',
      'a bearing needs orders',
    ],
    [
      'geometry without ball diameter',
      (p) => void delete components(p)[1].ballDiameterMm,
      'components[1].ballDiameterMm',
      'is required with geometry',
    ],
    [
      'a ball larger than its pitch circle',
      (p) => void (components(p)[1].ballDiameterMm = 50),
      'components[1].ballDiameterMm',
      'must be smaller than pitchDiameterMm',
    ],
    [
      'a contact angle of 90°',
      (p) => void (components(p)[1].contactAngleDeg = 90),
      'components[1].contactAngleDeg',
      'must be a number of degrees',
    ],
    [
      'zero balls',
      (p) => void (components(p)[1].balls = 0),
      'components[1].balls',
      'must be a positive integer',
    ],
    [
      'a numeric model',
      (p) => void (components(p)[0].model = 6205),
      'components[0].model',
      'must be a string',
    ],
    [
      'a component on a missing shaft',
      (p) => void (components(p)[2].shaft = 'spindel'),
      'components[2].shaft',
      'names no shaft of the profile ("spindel"',
    ],
    [
      'a component without shaft',
      (p) => void delete components(p)[6].shaft,
      'components[6].shaft',
      'is required',
    ],
    [
      'a duplicate component id',
      (p) => void (components(p)[1].id = 'spindle-front-bearing'),
      'components[1].id',
      'duplicates components[0].id',
    ],
    [
      'a ball screw without lead',
      (p) => void delete components(p)[3].leadMm,
      'components[3].leadMm',
      'is required',
    ],
    [
      'a ball screw without ball pass',
      (p) => void delete components(p)[3].ballPassOrder,
      'components[3]',
      'a ballscrew needs ballPassOrder or geometry',
    ],
    [
      'two leads on one feed shaft',
      (p) =>
        void components(p).push({
          type: 'ballscrew',
          id: 'z2',
          shaft: 'z-screw',
          leadMm: 5,
          ballPassOrder: 3,
        }),
      'components[7].leadMm',
      'differs from the lead of "z-ballscrew"',
    ],
    [
      'a belt shorter than its pulley',
      (p) => void (components(p)[5].beltLengthMm = 300),
      'components[5].beltLengthMm',
      'must be longer than π × pulleyDiameterMm',
    ],
    [
      'an odd number of poles',
      (p) => void (components(p)[6].poles = 3),
      'components[6].poles',
      'must be an even integer',
    ],
    [
      'a motor with an rpm',
      (p) => void (components(p)[6].rpm = 1480),
      'components[6].rpm',
      'is not a field of a motor',
    ],
  ];

  it.each(cases)('rejects %s, naming the path', (_what, edit, path, problem) => {
    const json = exampleProfileJson();
    // An edit returns a whole replacement input, or nothing when it edited the example in place.
    const input = edit(json) ?? json;
    const error = thrown(() => parseMachineProfile(input));
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path === '' ? 'profile' : path}: `)).toBe(true);
    expect(error.message).toContain(problem);
  });
});

describe('structural modes of a profile', () => {
  it('keeps the declared modes, and adds none when the file has none', () => {
    const json = { ...exampleProfileJson(), structuralModesHz: [2300, 3700.5] };
    expect(parseMachineProfile(json).structuralModesHz).toEqual([2300, 3700.5]);
    expect(parseMachineProfile(exampleProfileJson())).not.toHaveProperty('structuralModesHz');
  });

  it.each<[string, unknown, string, string]>([
    ['not an array', 2300, 'structuralModesHz', 'must be an array of at most 32 items'],
    [
      'too many',
      Array.from({ length: 33 }, (_, i) => 100 * (i + 1)),
      'structuralModesHz',
      'must be an array of at most 32 items',
    ],
    ['a string', [2300, '3700'], 'structuralModesHz[1]', 'must be a positive number up to 100000'],
    ['zero', [0], 'structuralModesHz[0]', 'must be a positive number up to 100000'],
    ['Infinity', [Infinity], 'structuralModesHz[0]', 'must be a positive number up to 100000'],
    [
      'above 100 kHz',
      [2300, 100001],
      'structuralModesHz[1]',
      'must be a positive number up to 100000',
    ],
    ['null', [2300, null], 'structuralModesHz[1]', 'must be a positive number up to 100000'],
  ])('refuses %s', (_, value, path, problem) => {
    const error = thrown(() =>
      parseMachineProfile({ ...exampleProfileJson(), structuralModesHz: value }),
    );
    expect(error.path).toBe(path);
    expect(error.message).toBe(`${path}: ${problem}`);
  });
});

describe('shaftRpm and withShaftSpeeds', () => {
  const profile = parseMachineProfile(exampleProfileJson());

  it('turns a feed into rpm through the lead of the ball screw', () => {
    expectClose(shaftRpm(profile, 'z-screw'), 300, 1e-12);
    expectClose(shaftRpm(profile, 'spindle'), 1480, 0);
  });

  it('overrides the named shafts only and leaves the profile unchanged', () => {
    const moved = withShaftSpeeds(profile, { spindle: 1797, 'z-screw': 450 });
    expect(moved.shafts).toEqual([
      { id: 'spindle', rpm: 1797 },
      { id: 'x-screw', rpm: 600 },
      { id: 'z-screw', rpm: 450 },
    ]);
    expect(shaftRpm(profile, 'spindle')).toBe(1480);
    expect(moved.components).toBe(profile.components);
  });

  it.each([
    [{ spindel: 1000 }, /speedsRpm names shaft "spindel".*known: spindle, x-screw, z-screw/],
    [{ spindle: 0 }, /speedsRpm\["spindle"\] must be a positive number/],
    [{ spindle: Number.NaN }, /speedsRpm\["spindle"\] must be a positive number/],
  ])('rejects %o with a RangeError', (speeds, message) => {
    expect(() => withShaftSpeeds(profile, speeds)).toThrow(RangeError);
    expect(() => withShaftSpeeds(profile, speeds)).toThrow(message);
  });

  it('rejects an unknown shaft in shaftRpm', () => {
    expect(() => shaftRpm(profile, 'nope')).toThrow(RangeError);
  });
});
