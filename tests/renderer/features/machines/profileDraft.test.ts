import { describe, expect, it } from 'vitest';
import {
  draftFromProfile,
  emptyDraft,
  newComponent,
  newShaft,
  parseNumberInput,
  profileIdFromName,
  profileJsonFromDraft,
} from '../../../../renderer/features/machines/profileDraft.ts';
import type { MachineDraft } from '../../../../renderer/features/machines/profileDraft.ts';
import { parseMachineProfile } from '../../../../shared/diagnosis/profile.ts';
import { exampleProfileJson, simLatheProfileJson } from '../../../../shared/simulation/profiles.ts';

describe('profileIdFromName', () => {
  it.each([
    ['CK6140 lathe #3', 'ck6140-lathe-3'],
    ['  Fräse Nr. 2 ', 'frase-nr-2'],
    ['车床 3 号', '3'],
    ['数控车床', 'machine'],
    ['', 'machine'],
    ['a'.repeat(80), 'a'.repeat(64)],
  ])('turns %j into the valid profile id %j', (name, id) => {
    expect(profileIdFromName(name)).toBe(id);
    expect(() =>
      parseMachineProfile({ id: profileIdFromName(name), lineFrequencyHz: 50 }),
    ).not.toThrow();
  });
});

describe('parseNumberInput', () => {
  it.each([
    ['1480', 1480],
    [' 2.5 ', 2.5],
    ['2,5', 2.5],
    ['1e3', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberInput(text)).toBe(value);
  });

  it('reads an empty field as not given', () => {
    expect(parseNumberInput('  ')).toBeUndefined();
  });

  it('reads unreadable text as NaN, for the parser to reject', () => {
    expect(parseNumberInput('12 rpm')).toBeNaN();
  });
});

describe('draftFromProfile and profileJsonFromDraft', () => {
  it.each([
    ['the docs/formats.md example', exampleProfileJson()],
    ['the simulator lathe', simLatheProfileJson],
    [
      'a profile with structural modes',
      { ...exampleProfileJson(), structuralModesHz: [2300, 3700] },
    ],
  ])('give back %s unchanged after a round trip through the form', (_name, json) => {
    const profile = parseMachineProfile(json);
    expect(parseMachineProfile(profileJsonFromDraft(draftFromProfile(profile)))).toEqual(profile);
  });

  it('keeps a component on its shaft when the shaft is renamed', () => {
    const draft = draftFromProfile(parseMachineProfile(exampleProfileJson()));
    const renamed: MachineDraft = {
      ...draft,
      shafts: draft.shafts.map((s) => (s.id === 'spindle' ? { ...s, id: 'main-spindle' } : s)),
    };
    const json = profileJsonFromDraft(renamed);
    const gear = (json.components as { id: string; shaft: string }[]).find(
      (c) => c.id === 'headstock-gear',
    );
    expect(gear?.shaft).toBe('main-spindle');
  });

  it('sends only the fields of the chosen kinematics, keeping the others in the form', () => {
    let draft = emptyDraft();
    draft = { ...draft, name: 'Mill', shafts: [newShaft(draft)] };
    const bearing = {
      ...newComponent(draft, 'bearing'),
      values: { bpfo: '3.5', bpfi: '5.4', bsf: '2.3', ftf: '0.4', balls: '9' },
    };
    const json = profileJsonFromDraft({ ...draft, components: [bearing] });
    expect(Object.keys((json.components as object[])[0]).sort()).toEqual(
      ['bpfi', 'bpfo', 'bsf', 'ftf', 'id', 'shaft', 'type'].sort(),
    );
  });

  it('derives the profile id of a new machine from its name and keeps a stored one', () => {
    const fresh = { ...emptyDraft(), name: 'Lathe 7' };
    expect(profileJsonFromDraft(fresh).id).toBe('lathe-7');
    const stored = draftFromProfile(parseMachineProfile(exampleProfileJson()));
    expect(profileJsonFromDraft({ ...stored, name: 'Renamed' }).id).toBe('lathe-3');
  });

  it('names new shafts and components so they do not collide', () => {
    let draft = emptyDraft();
    for (let i = 0; i < 3; i++) draft = { ...draft, shafts: [...draft.shafts, newShaft(draft)] };
    for (let i = 0; i < 2; i++) {
      draft = { ...draft, components: [...draft.components, newComponent(draft, 'gear')] };
    }
    expect(draft.shafts.map((s) => s.id)).toEqual(['spindle', 'shaft-1', 'shaft-2']);
    expect(draft.components.map((c) => c.id)).toEqual(['gear-1', 'gear-2']);
  });
});
