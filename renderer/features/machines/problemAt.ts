/**
 * The machine form's problems as a technician reads them: where, in words ("Component 1
 * (gear-1) · Number of teeth"), then what is wrong, in the page's language. The parser's field
 * path (`components[0].teeth`) only chooses the words and the field the problem sits next to.
 */
import type { TFunction } from 'i18next';
import type { DraftCheck } from './profileProblems.ts';

const ITEM_PATH = /^(shafts|components)\[(\d+)\](?:\.(\w+))?$/;

/** The profile field names whose label key differs from `fields.<name>`. */
const FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  machine: { name: 'machineName', id: 'machineName' },
  shafts: { id: 'shaftId' },
  components: {
    id: 'componentId',
    shaft: 'componentShaft',
    type: 'componentType',
    name: 'componentName',
    model: 'componentModel',
  },
};

/** The profile as the form sent it, for the ids of shafts and components. */
export type ProfileJson = Readonly<Record<string, unknown>>;

function itemId(json: ProfileJson, list: string, index: number): string {
  const items = json[list];
  if (!Array.isArray(items)) return '';
  const id = (items[index] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : '';
}

function fieldLabel(t: TFunction, scope: string, field: string): string | null {
  const key = `fields.${FIELD_LABELS[scope]?.[field] ?? field}`;
  const label = t(key);
  // An unknown field keeps its item's words alone rather than showing a key.
  return label === key || typeof label !== 'string' ? null : label;
}

/**
 * Where `path` points, in words: '' for the whole profile, "Machine name", "Shaft 1
 * (spindle) · Speed (rpm)", "Component 2 (gear-1)". Never the path itself.
 */
export function pathInWords(t: TFunction, path: string, json: ProfileJson): string {
  if (path === '') return '';
  const match = ITEM_PATH.exec(path);
  if (!match) return fieldLabel(t, 'machine', path) ?? '';
  const [, list, indexText, field] = match;
  const index = Number(indexText);
  const id = itemId(json, list, index);
  const kind = list === 'shafts' ? 'shaft' : 'component';
  const item = t(`where.${kind}${id === '' ? '' : 'WithId'}`, { number: index + 1, id });
  const label = field === undefined ? null : fieldLabel(t, list, field);
  return label === null ? item : t('where.field', { item, field: label });
}

/** The sentence for a problem at `path`: "<where>: <what>", or just what for the whole form. */
export function problemSentence(
  t: TFunction,
  path: string,
  problem: { readonly key: string; readonly values: Readonly<Record<string, string>> },
  json: ProfileJson,
): string {
  const values = { ...problem.values };
  // A duplicate names the other item by its path: say which item it is instead.
  if (values.other !== undefined && ITEM_PATH.test(values.other.replace(/\.\w+$/, ''))) {
    values.other = pathInWords(t, values.other.replace(/\.\w+$/, ''), json);
  }
  const what = t(`problems.${problem.key}`, values);
  const where = pathInWords(t, path, json);
  return where === '' ? what : t('where.problem', { where, problem: what });
}

/** Returns the problem shown next to fields (a sentence in words, see problemSentence) or null. */
export function problemLookup(
  t: TFunction,
  check: DraftCheck,
): (...paths: string[]) => string | null {
  return (...paths) => {
    if (check.ok || !paths.includes(check.path)) return null;
    return problemSentence(t, check.path, check.problem, check.json);
  };
}
