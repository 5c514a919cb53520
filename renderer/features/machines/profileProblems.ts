/**
 * Validation of the machine form with the same parser the host uses, and the parser's English
 * problems turned into i18n keys, so the message next to a field reads in the page's language.
 */
import { parseMachineProfile, ProfileError } from '../../../shared/diagnosis/profile.ts';
import type { MachineProfile } from '../../../shared/diagnosis/profile.ts';
import { profileJsonFromDraft } from './profileDraft.ts';
import type { MachineDraft } from './profileDraft.ts';

/** A problem as the page shows it: the i18n key under `problems.` and its values. */
export interface ProblemText {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

export type DraftCheck =
  | { readonly ok: true; readonly profile: MachineProfile; readonly json: Record<string, unknown> }
  | {
      readonly ok: false;
      readonly path: string;
      readonly problem: ProblemText;
      /** The profile as sent, so the problem can name the shaft or component by its id. */
      readonly json: Record<string, unknown>;
    };

interface Pattern {
  readonly pattern: RegExp;
  readonly key: string;
  readonly names?: readonly string[];
}

// One row per message the profile parser (shared/diagnosis/profileRules.ts, profile.ts) writes.
const PATTERNS: readonly Pattern[] = [
  { pattern: /^is required$/, key: 'required' },
  { pattern: /^is required with (.+)$/, key: 'requiredWith', names: ['group'] },
  { pattern: /^must be a positive number up to (\d+)$/, key: 'positiveNumber', names: ['max'] },
  { pattern: /^must be a positive integer up to (\d+)$/, key: 'positiveInteger', names: ['max'] },
  { pattern: /^must be 50 or 60$/, key: 'lineFrequency' },
  { pattern: /^must be an even integer from 2 to 200$/, key: 'poles' },
  { pattern: /^must be a number of degrees from 0/, key: 'contactAngle' },
  { pattern: /^must be 1 to 64 letters/, key: 'id' },
  { pattern: /^must be a string of at most (\d+) characters$/, key: 'text', names: ['max'] },
  { pattern: /^must be smaller than pitchDiameterMm$/, key: 'ballSmaller' },
  { pattern: /^must be longer than π × pulleyDiameterMm/, key: 'beltLength' },
  { pattern: /^duplicates (\S+) \("(.*)"\)$/, key: 'duplicate', names: ['other', 'id'] },
  { pattern: /^names no shaft of the profile \("(.*)";/, key: 'unknownShaft', names: ['shaft'] },
  { pattern: /^needs a ballscrew on shaft "(.*)"/, key: 'feedNeedsScrew', names: ['shaft'] },
  { pattern: /^differs from the lead of "(.*)"/, key: 'leadDiffers', names: ['other'] },
  { pattern: /^a shaft needs /, key: 'speedRequired' },
  { pattern: /^must be an array of at most (\d+) items$/, key: 'arrayOfAtMost', names: ['max'] },
  { pattern: /^(?:a|an) [a-z ]+ needs (.+)$/, key: 'alternatives', names: ['choices'] },
];

/** Every key `problemText` can return, besides the UI's own `nameRequired`. */
export const PROBLEM_KEYS: readonly string[] = [
  ...PATTERNS.map((p) => p.key),
  'other',
  'nameRequired',
];

/** The i18n key and values for a parser problem; unknown wording falls back to the text itself. */
export function problemText(problem: string): ProblemText {
  for (const { pattern, key, names = [] } of PATTERNS) {
    const match = pattern.exec(problem);
    if (!match) continue;
    const values: Record<string, string> = {};
    names.forEach((name, index) => {
      values[name] = match[index + 1];
    });
    return { key, values };
  }
  return { key: 'other', values: { text: problem } };
}

/** Validates the form as the host will: the parsed profile, or the first problem and its path. */
export function checkDraft(draft: MachineDraft): DraftCheck {
  const json = profileJsonFromDraft(draft);
  try {
    return { ok: true, profile: parseMachineProfile(json), json };
  } catch (error) {
    if (error instanceof ProfileError) {
      return { ok: false, path: error.path, problem: problemText(error.problem), json };
    }
    throw error;
  }
}
