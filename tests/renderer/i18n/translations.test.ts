import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/en.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';
import { initialLanguage } from '../../../renderer/i18n/i18n.ts';
import { PROBLEM_KEYS } from '../../../renderer/features/machines/profileProblems.ts';
import {
  COMPONENT_TYPES,
  componentFields,
} from '../../../renderer/features/machines/profileDraft.ts';
import { characteristicFrequencies } from '../../../shared/diagnosis/characteristicFrequencies.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const catalogues = { en: new Map(leaves(en)), 'zh-CN': new Map(leaves(zhCN)) };

describe('translations', () => {
  it('have the same keys in English and Simplified Chinese', () => {
    expect([...catalogues['zh-CN'].keys()].sort()).toEqual([...catalogues.en.keys()].sort());
  });

  it.each(Object.entries(catalogues))('have no empty string in %s', (_language, catalogue) => {
    const empty = [...catalogue].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages for every key', () => {
    const differing = [...catalogues.en].filter(
      ([key, text]) =>
        placeholders(text).join() !== placeholders(catalogues['zh-CN'].get(key) ?? '').join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('are translated: Chinese text differs from English except names and symbols', () => {
    const same = [...catalogues.en]
      .filter(([key, text]) => catalogues['zh-CN'].get(key) === text)
      .map(([key]) => key);
    // Language names are written in their own language in both lists; the rest are symbols.
    expect(same.sort()).toEqual(
      [
        'app.name',
        'kinds.bearing-2bsf',
        'languages.en',
        'languages.zh-CN',
        'problems.other',
        // A paper size's name (ISO 216), the same in Chinese.
        'report.papers.a4',
      ].sort(),
    );
  });

  it('name every component type, numeric field, parser problem and frequency kind', () => {
    const wanted = [
      ...COMPONENT_TYPES.map((type) => `componentTypes.${type}`),
      ...COMPONENT_TYPES.flatMap((type) =>
        (['orders', 'geometry'] as const).flatMap((mode) =>
          componentFields(type, mode).map((f) => `fields.${f.name}`),
        ),
      ),
      ...PROBLEM_KEYS.map((key) => `problems.${key}`),
      ...characteristicFrequencies(simLatheProfile).map((line) => `kinds.${line.kind}`),
      ...['imported', 'recorded', 'recovered', 'demo'].map((origin) => `origins.${origin}`),
    ];
    expect(wanted.filter((key) => !catalogues.en.has(key))).toEqual([]);
  });
});

describe('initialLanguage', () => {
  it.each([
    ['zh-CN', ['en-US'], 'zh-CN'],
    ['en', ['zh-CN'], 'en'],
    [null, ['zh-TW', 'en'], 'zh-CN'],
    [null, ['zh'], 'zh-CN'],
    [null, ['de-DE', 'en-GB'], 'en'],
    [null, ['fr'], 'en'],
    ['klingon', [], 'en'],
  ] as const)('picks %s with browser languages %j as %s', (cached, preferred, expected) => {
    expect(initialLanguage(cached, preferred)).toBe(expected);
  });
});
