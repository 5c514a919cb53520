/**
 * The machine form's state: text as typed, one draft per shaft and component, turned into the
 * profile JSON of docs/formats.md for `parseMachineProfile` on every keystroke. Pure functions: the
 * editor hook keeps the state, components render it.
 */
import type {
  ComponentType,
  MachineComponent,
  MachineProfile,
} from '../../../shared/diagnosis/profile.ts';

export type SpeedKind = 'rpm' | 'feed';
/** How a bearing or ball screw gives its frequencies: catalogue orders or rolling geometry. */
export type KinematicsMode = 'orders' | 'geometry';

export interface ShaftDraft {
  /** Stable React key; components refer to their shaft by it, so renaming a shaft keeps them. */
  readonly key: string;
  readonly id: string;
  readonly speedKind: SpeedKind;
  /** rpm, or mm/min for a feed. */
  readonly speed: string;
}

export interface ComponentDraft {
  readonly key: string;
  readonly type: ComponentType;
  readonly id: string;
  readonly shaftKey: string;
  readonly name: string;
  readonly model: string;
  readonly mode: KinematicsMode;
  /** Every numeric field typed so far, kept across type and mode changes. */
  readonly values: Readonly<Record<string, string>>;
}

export interface MachineDraft {
  /** The profile id: kept when editing, derived from the name for a new machine. */
  readonly profileId: string | null;
  readonly name: string;
  readonly lineFrequencyHz: '50' | '60';
  readonly shafts: readonly ShaftDraft[];
  readonly components: readonly ComponentDraft[];
  /** Not edited by the form: carried through so that editing a profile keeps its modes. */
  readonly structuralModesHz?: readonly number[];
}

export const COMPONENT_TYPES: readonly ComponentType[] = [
  'bearing',
  'gear',
  'ballscrew',
  'belt',
  'motor',
];

export interface NumericField {
  /** The profile field, also the i18n key under `fields.`. */
  readonly name: string;
  readonly optional?: boolean;
}

const ROLLING_GEOMETRY: readonly NumericField[] = [
  { name: 'balls' },
  { name: 'ballDiameterMm' },
  { name: 'pitchDiameterMm' },
  { name: 'contactAngleDeg', optional: true },
];

/** The numeric fields a component of `type` shows in `mode`, in form order. */
export function componentFields(
  type: ComponentType,
  mode: KinematicsMode,
): readonly NumericField[] {
  switch (type) {
    case 'bearing':
      return mode === 'orders'
        ? [{ name: 'bpfo' }, { name: 'bpfi' }, { name: 'bsf' }, { name: 'ftf' }]
        : ROLLING_GEOMETRY;
    case 'gear':
      return [{ name: 'teeth' }];
    case 'ballscrew':
      return [
        { name: 'leadMm' },
        ...(mode === 'orders' ? [{ name: 'ballPassOrder' }] : ROLLING_GEOMETRY),
      ];
    case 'belt':
      return [{ name: 'pulleyDiameterMm' }, { name: 'beltLengthMm' }];
    case 'motor':
      return [{ name: 'poles' }];
  }
}

/** Whether a component of `type` chooses between orders and geometry. */
export function hasKinematicsMode(type: ComponentType): boolean {
  return type === 'bearing' || type === 'ballscrew';
}

let keyCounter = 0;
/** A key unique within the page's lifetime. */
export function newKey(prefix: string): string {
  keyCounter += 1;
  return `${prefix}-${keyCounter}`;
}

export function emptyDraft(): MachineDraft {
  return { profileId: null, name: '', lineFrequencyHz: '50', shafts: [], components: [] };
}

function nextId(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

export function newShaft(draft: MachineDraft): ShaftDraft {
  const id =
    draft.shafts.length === 0
      ? 'spindle'
      : nextId(
          'shaft',
          draft.shafts.map((s) => s.id),
        );
  return { key: newKey('shaft'), id, speedKind: 'rpm', speed: '' };
}

export function newComponent(draft: MachineDraft, type: ComponentType): ComponentDraft {
  return {
    key: newKey('component'),
    type,
    id: nextId(
      type,
      draft.components.map((c) => c.id),
    ),
    shaftKey: draft.shafts[0]?.key ?? '',
    name: '',
    model: '',
    mode: 'orders',
    values: {},
  };
}

/**
 * A profile id from a name: ASCII letters and digits joined by '-', at most 64 characters
 * (the profile's id rule); 'machine' when nothing is left (e.g. a name in Chinese).
 */
export function profileIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'machine' : slug;
}

/**
 * A number as typed: '' means "not given" (undefined, so the parser reports the field as
 * required); a decimal comma is accepted; anything else unreadable stays NaN for the parser to
 * reject with its range message.
 */
export function parseNumberInput(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return Number(trimmed);
}

function numericEntries(fields: readonly NumericField[], values: Readonly<Record<string, string>>) {
  const out: Record<string, number> = {};
  for (const field of fields) {
    const value = parseNumberInput(values[field.name] ?? '');
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

function componentJson(
  component: ComponentDraft,
  shafts: readonly ShaftDraft[],
): Record<string, unknown> {
  const shaft = shafts.find((s) => s.key === component.shaftKey);
  return {
    type: component.type,
    id: component.id.trim(),
    ...(shaft ? { shaft: shaft.id.trim() } : {}),
    ...(component.name.trim() !== '' ? { name: component.name.trim() } : {}),
    ...(component.model.trim() !== '' ? { model: component.model.trim() } : {}),
    ...numericEntries(componentFields(component.type, component.mode), component.values),
  };
}

function shaftJson(shaft: ShaftDraft): Record<string, unknown> {
  const speed = parseNumberInput(shaft.speed);
  const key = shaft.speedKind === 'rpm' ? 'rpm' : 'feedMmPerMin';
  return { id: shaft.id.trim(), ...(speed !== undefined ? { [key]: speed } : {}) };
}

/** The profile JSON the form describes, for parseMachineProfile and for the host. */
export function profileJsonFromDraft(draft: MachineDraft): Record<string, unknown> {
  const name = draft.name.trim();
  return {
    id: draft.profileId ?? profileIdFromName(name),
    ...(name !== '' ? { name } : {}),
    lineFrequencyHz: Number(draft.lineFrequencyHz),
    shafts: draft.shafts.map(shaftJson),
    components: draft.components.map((c) => componentJson(c, draft.shafts)),
    ...(draft.structuralModesHz ? { structuralModesHz: [...draft.structuralModesHz] } : {}),
  };
}

const TEXT_KEYS = new Set(['type', 'id', 'shaft', 'name', 'model']);

function componentDraft(
  component: MachineComponent,
  shafts: readonly ShaftDraft[],
): ComponentDraft {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(component)) {
    if (!TEXT_KEYS.has(key) && typeof value === 'number') values[key] = String(value);
  }
  const geometry = 'balls' in component;
  return {
    key: newKey('component'),
    type: component.type,
    id: component.id,
    shaftKey: shafts.find((s) => s.id === component.shaft)?.key ?? '',
    name: component.name ?? '',
    model: component.model ?? '',
    mode: geometry ? 'geometry' : 'orders',
    values,
  };
}

/** The form state of a stored profile, for editing. */
export function draftFromProfile(profile: MachineProfile): MachineDraft {
  const shafts: ShaftDraft[] = profile.shafts.map((shaft) => ({
    key: newKey('shaft'),
    id: shaft.id,
    speedKind: 'rpm' in shaft ? 'rpm' : 'feed',
    speed: String('rpm' in shaft ? shaft.rpm : shaft.feedMmPerMin),
  }));
  return {
    profileId: profile.id,
    name: profile.name,
    lineFrequencyHz: profile.lineFrequencyHz === 60 ? '60' : '50',
    shafts,
    components: profile.components.map((c) => componentDraft(c, shafts)),
    ...(profile.structuralModesHz ? { structuralModesHz: profile.structuralModesHz } : {}),
  };
}
