import type { TFunction } from 'i18next';
import type { DraftCheck } from './profileProblems.ts';

/** Returns the problem shown next to fields: `(paths) => "shafts[0].rpm: must be…"` or null. */
export function problemLookup(
  t: TFunction,
  check: DraftCheck,
): (...paths: string[]) => string | null {
  return (...paths) => {
    if (check.ok || !paths.includes(check.path)) return null;
    const text = t(`problems.${check.problem.key}`, check.problem.values);
    return check.path === '' ? text : `${check.path}: ${text}`;
  };
}
