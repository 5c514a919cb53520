import { describe, expect, it } from 'vitest';
import { checkDraft, problemText } from '../../../../renderer/features/machines/profileProblems.ts';
import {
  emptyDraft,
  newComponent,
  newShaft,
} from '../../../../renderer/features/machines/profileDraft.ts';
import type {
  ComponentDraft,
  MachineDraft,
  ShaftDraft,
} from '../../../../renderer/features/machines/profileDraft.ts';
import { parseMachineProfile } from '../../../../shared/diagnosis/profile.ts';
import type { ComponentType, ProfileError } from '../../../../shared/diagnosis/profile.ts';

/** A draft with one rpm shaft `spindle` at `rpm` and one component of `type` with `values`. */
function draftWith(
  type: ComponentType | null,
  values: Record<string, string>,
  change: { shaft?: Partial<ShaftDraft>; component?: Partial<ComponentDraft>; name?: string } = {},
): MachineDraft {
  const base = { ...emptyDraft(), name: change.name ?? 'Mill' };
  const shaft = { ...newShaft(base), speed: '1200', ...change.shaft };
  const withShaft = { ...base, shafts: [shaft] };
  if (type === null) return withShaft;
  const component = { ...newComponent(withShaft, type), values, ...change.component };
  return { ...withShaft, components: [component] };
}

describe('checkDraft', () => {
  it('accepts a complete form and returns the parsed profile', () => {
    const check = checkDraft(draftWith('gear', { teeth: '20' }));
    expect(check.ok).toBe(true);
    if (check.ok)
      expect(check.profile.components[0]).toMatchObject({
        type: 'gear',
        teeth: 20,
        shaft: 'spindle',
      });
  });

  it.each([
    ['an empty speed', 'shafts[0]', 'speedRequired', draftWith(null, {}, { shaft: { speed: '' } })],
    [
      'a negative speed',
      'shafts[0].rpm',
      'positiveNumber',
      draftWith(null, {}, { shaft: { speed: '-5' } }),
    ],
    [
      'text as a speed',
      'shafts[0].rpm',
      'positiveNumber',
      draftWith(null, {}, { shaft: { speed: 'fast' } }),
    ],
    ['a bad shaft id', 'shafts[0].id', 'id', draftWith(null, {}, { shaft: { id: 'spin dle' } })],
    ['a gear without teeth', 'components[0].teeth', 'required', draftWith('gear', {})],
    [
      'half a tooth',
      'components[0].teeth',
      'positiveInteger',
      draftWith('gear', { teeth: '20.5' }),
    ],
    ['odd poles', 'components[0].poles', 'poles', draftWith('motor', { poles: '3' })],
    ['a bearing with nothing', 'components[0]', 'alternatives', draftWith('bearing', {})],
    [
      'a bearing with some orders',
      'components[0].bpfi',
      'requiredWith',
      draftWith('bearing', { bpfo: '3.5' }),
    ],
    [
      'a ball larger than the pitch',
      'components[0].ballDiameterMm',
      'ballSmaller',
      draftWith(
        'bearing',
        { balls: '9', ballDiameterMm: '50', pitchDiameterMm: '40' },
        { component: { mode: 'geometry' } },
      ),
    ],
    [
      'a contact angle of 90°',
      'components[0].contactAngleDeg',
      'contactAngle',
      draftWith(
        'bearing',
        { balls: '9', ballDiameterMm: '5', pitchDiameterMm: '40', contactAngleDeg: '90' },
        { component: { mode: 'geometry' } },
      ),
    ],
    [
      'a short belt',
      'components[0].beltLengthMm',
      'beltLength',
      draftWith('belt', { pulleyDiameterMm: '100', beltLengthMm: '300' }),
    ],
    [
      'no shaft chosen',
      'components[0].shaft',
      'required',
      draftWith('gear', { teeth: '20' }, { component: { shaftKey: '' } }),
    ],
    [
      'a feed without a ball screw',
      'shafts[0].feedMmPerMin',
      'feedNeedsScrew',
      draftWith(null, {}, { shaft: { speedKind: 'feed', speed: '3000' } }),
    ],
    [
      'a bad component id',
      'components[0].id',
      'id',
      draftWith('gear', { teeth: '20' }, { component: { id: '-x' } }),
    ],
    [
      'a long model',
      'components[0].model',
      'text',
      draftWith('gear', { teeth: '20' }, { component: { model: 'm'.repeat(201) } }),
    ],
  ])('reports %s at %s as %s', (_what, path, key, draft) => {
    const check = checkDraft(draft);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.path).toBe(path);
      expect(check.problem.key).toBe(key);
    }
  });

  it('reports a duplicate component id with both ids', () => {
    const draft = draftWith('gear', { teeth: '20' });
    const twin = { ...draft.components[0], key: 'twin' };
    const check = checkDraft({ ...draft, components: [draft.components[0], twin] });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.path).toBe('components[1].id');
      expect(check.problem).toEqual({
        key: 'duplicate',
        values: { other: 'components[0].id', id: 'gear-1' },
      });
    }
  });
});

describe('problemText', () => {
  it('passes wording it does not know through as text', () => {
    expect(problemText('is on fire')).toEqual({ key: 'other', values: { text: 'is on fire' } });
  });

  it('reads the limit out of a range problem', () => {
    expect(problemText('must be a positive number up to 100000')).toEqual({
      key: 'positiveNumber',
      values: { max: '100000' },
    });
  });
});

describe("problemText on the parser's own messages", () => {
  const shaft = { id: 's', rpm: 600 };
  const screw = (id: string, leadMm: number) => ({
    type: 'ballscrew',
    id,
    shaft: 'z',
    leadMm,
    ballPassOrder: 7,
  });
  it.each([
    ['lineFrequency', { id: 'm', lineFrequencyHz: 55 }],
    ['text', { id: 'm', name: 'n'.repeat(201), lineFrequencyHz: 50 }],
    [
      'unknownShaft',
      {
        id: 'm',
        lineFrequencyHz: 50,
        shafts: [shaft],
        components: [{ type: 'gear', id: 'g', shaft: 'x', teeth: 3 }],
      },
    ],
    [
      'leadDiffers',
      {
        id: 'm',
        lineFrequencyHz: 50,
        shafts: [{ id: 'z', feedMmPerMin: 3000 }],
        components: [screw('a', 5), screw('b', 10)],
      },
    ],
    ['duplicate', { id: 'm', lineFrequencyHz: 50, shafts: [shaft, shaft] }],
    ['positiveNumber', { id: 'm', lineFrequencyHz: 50, shafts: [{ id: 's', rpm: 0 }] }],
  ])('translates the %s problem', (key, json) => {
    let problem = '';
    try {
      parseMachineProfile(json);
    } catch (error) {
      problem = (error as ProfileError).problem;
    }
    expect(problemText(problem).key).toBe(key);
  });
});
