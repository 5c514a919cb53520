/**
 * Messages a technician reads are sentences about the machine or the file: no API method name
 * (`review.selection`), no argument or field path (`components[0]`, `endSeconds`), no id. Checked
 * over the page's whole catalogue in both languages, over every error sentence as the page
 * writes it from a host's error (whose English message does carry such names), over the
 * recording notices and over the machine form's problems.
 */
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { errorSentence, SENTENCE_PARAMS } from '../../../renderer/api/errors.ts';
import { noticeSentence } from '../../../renderer/features/recordings/noticeSentence.ts';
import { problemSentence } from '../../../renderer/features/machines/problemAt.ts';
import { checkDraft, problemText } from '../../../renderer/features/machines/profileProblems.ts';
import {
  emptyDraft,
  newComponent,
  newShaft,
} from '../../../renderer/features/machines/profileDraft.ts';
import type { MachineDraft } from '../../../renderer/features/machines/profileDraft.ts';
import en from '../../../renderer/i18n/en.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';
import { API_ERROR_REASONS, ApiError } from '../../../shared/api/errors.ts';
import type { ApiErrorParams } from '../../../shared/api/errors.ts';
import { API_METHODS } from '../../../shared/api/methods.ts';
import { parseMachineProfile, ProfileError } from '../../../shared/diagnosis/profile.ts';
import { RECORDING_NOTICE_CODES } from '../../../shared/api/recordingNotices.ts';
import { translator } from '../../helpers/translate.ts';

type Tree = { readonly [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value]] : leaves(value, `${prefix}${key}.`),
  );

const ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
/** What only a programmer knows, and the reason it may not reach a sentence. */
const FORBIDDEN: readonly [RegExp, string][] = [
  [new RegExp(API_METHODS.map((m) => m.replace('.', '\\.')).join('|')), 'an API method'],
  [/[A-Za-z_]\w*\.[a-z]\w*[A-Z]\w*/, 'a dotted camelCase name (an argument path)'],
  [/\[\d+\]/, 'an index path such as components[0]'],
  [/[0-9a-f]{8}-[0-9a-f]{4}-/, 'an id'],
  [/\{\{|\b(?:errors|problems|notices|where|fields)\.[a-z]/, 'a placeholder or catalogue key'],
];

function internalNames(sentence: string): string[] {
  return FORBIDDEN.filter(([pattern]) => pattern.test(sentence)).map(([, what]) => what);
}

const languages = [
  ['en', translator('en')],
  ['zh-CN', translator('zh-CN')],
] as const satisfies readonly (readonly [string, TFunction])[];

describe('the sentences a technician reads', () => {
  it.each([
    ['en', en],
    ['zh-CN', zhCN],
  ])('name nothing internal anywhere in the %s catalogue', (_language, catalogue) => {
    const found = leaves(catalogue as Tree)
      .map(([key, text]) => [key, internalNames(text.replace(/\{\{\w+\}\}/g, 'x'))] as const)
      .filter(([, names]) => names.length > 0);
    expect(found).toEqual([]);
  });

  it.each(languages)(
    'word every error reason from its params in %s, never from the host message',
    (_language, t) => {
      const params: ApiErrorParams = {
        name: 'pump 3.wav',
        entity: 'recording',
        neededBytes: 4096,
        sizeBytes: 9e9,
        maxBytes: 8 * 1024 ** 3,
        minSeconds: 0.5,
        durationSeconds: 0.28,
        limit: 4,
      };
      for (const reason of API_ERROR_REASONS) {
        // The host's English message names the method, an argument path and an id.
        const message = `review.selection: args[1].endSeconds of ${ID} at components[0]`;
        for (const given of [params, {}]) {
          const sentence = errorSentence(
            new ApiError('invalid-input', message, { reason, params: given }),
            t,
          );
          expect(internalNames(sentence), `${reason}: ${sentence}`).toEqual([]);
          expect(sentence.length, reason).toBeGreaterThan(10);
        }
        expect(SENTENCE_PARAMS[reason] ?? []).not.toContain('id');
      }
    },
  );

  it.each(languages)('say what is wrong with a recording in %s', (language, t) => {
    for (const code of RECORDING_NOTICE_CODES) {
      const notice = {
        code,
        params: { durationSeconds: 0.28, declaredDurationSeconds: 12, minSeconds: 0.5 },
      };
      const sentence = noticeSentence(notice, t, language);
      expect(internalNames(sentence), sentence).toEqual([]);
      expect(sentence).toContain('0.28');
    }
    expect(
      noticeSentence(
        { code: 'cut-off', params: { durationSeconds: 0.28, declaredDurationSeconds: 12 } },
        t,
        language,
      ),
    ).toBe(
      language === 'en'
        ? 'Cut off: 0.28 s of the 12 s the header announces.'
        : '文件不完整：文件头标明 12 秒，实际只有 0.28 秒。',
    );
  });
});

/** A machine with a shaft `spindle` and a bearing, changed by `change`. */
function draft(change: (draft: MachineDraft) => MachineDraft): MachineDraft {
  const base = { ...emptyDraft(), name: 'Mill' };
  const withShaft = { ...base, shafts: [{ ...newShaft(base), id: 'spindle', speed: '1200' }] };
  const bearing = { ...newComponent(withShaft, 'bearing'), id: 'spindle-bearing' };
  return change({
    ...withShaft,
    components: [{ ...bearing, values: { bpfo: '3.1', bpfi: '4.9', bsf: '2', ftf: '0.4' } }],
  });
}

describe("the machine form's problems", () => {
  const cases: readonly [string, MachineDraft, string, string][] = [
    [
      'a shaft without a speed',
      draft((d) => ({ ...d, shafts: [{ ...d.shafts[0], speed: '' }] })),
      'Shaft 1 (spindle): enter the speed',
      '第 1 根轴（spindle）：请填写转速',
    ],
    [
      'a second component with the id of the first',
      draft((d) => ({ ...d, components: [d.components[0], { ...d.components[0], key: 'twin' }] })),
      'Component 2 (spindle-bearing) · Component id: repeats the id “spindle-bearing” of Component 1 (spindle-bearing)',
      '第 2 个部件（spindle-bearing）的部件标识：与第 1 个部件（spindle-bearing）的标识“spindle-bearing”重复',
    ],
    [
      'a gear without teeth or id',
      draft((d) => ({ ...d, components: [{ ...newComponent(d, 'gear'), id: '' }] })),
      'Component 1 · Component id: use 1 to 64 letters, digits, “.”, “_” or “-”, starting with a letter or digit',
      '第 1 个部件的部件标识：请使用 1 到 64 个字母、数字、“.”、“_”或“-”，并以字母或数字开头',
    ],
  ];

  it('name a component and its missing shaft by their ids, as the host would refuse them', () => {
    const json = {
      id: 'mill',
      name: 'Mill',
      lineFrequencyHz: 50,
      shafts: [{ id: 'spindle', rpm: 1200 }],
      components: [{ type: 'gear', id: 'spindle-bearing', shaft: 'x', teeth: 20 }],
    };
    let refused: unknown = null;
    try {
      parseMachineProfile(json);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProfileError);
    const { path, problem } = refused as ProfileError;
    const [english, chinese] = languages.map(([, t]) =>
      problemSentence(t, path, problemText(problem), json),
    );
    expect(english).toBe(
      "Component 1 (spindle-bearing) · On shaft: the shaft “x” does not exist; choose one of the machine's shafts",
    );
    expect(chinese).toBe(
      '第 1 个部件（spindle-bearing）的所在轴：轴“x”不存在；请选择本设备的一根轴',
    );
  });

  it.each(cases)('say where in words: %s', (_what, machine, english, chinese) => {
    const check = checkDraft(machine);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    for (const [language, t] of languages) {
      const sentence = problemSentence(t, check.path, check.problem, check.json);
      expect(internalNames(sentence), sentence).toEqual([]);
      // No path prefix such as "components[0].teeth:" or "name:".
      expect(sentence).not.toMatch(/\b(?:shafts|components)\b|^[a-z]\w*:/);
      expect(sentence).toBe(language === 'en' ? english : chinese);
    }
  });
});
