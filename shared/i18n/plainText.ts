/**
 * A diagnosis in plain words for everyone, in English or Simplified Chinese: the verdict's
 * headline ("Chips or debris in the x ballscrew — clean it before the next shift"), how urgent
 * each severity is, and one sentence per cause that says what was heard. The analyst's numbers
 * stay in shared/i18n/diagnosisText.ts.
 */
import type { Language } from '../api/limits.ts';
import type { Cause, Severity } from '../diagnosis/report.ts';
import { PLAIN_EN } from './plainText/en.ts';
import type { PlainWords } from './plainText/words.ts';
import { PLAIN_ZH_CN } from './plainText/zhCN.ts';

const WORDS: Readonly<Record<Language, PlainWords>> = { en: PLAIN_EN, 'zh-CN': PLAIN_ZH_CN };

function words(lang: Language): PlainWords {
  return WORDS[lang] ?? PLAIN_EN;
}

/** A component id as a person reads it when the profile gives no name: "x ballscrew". */
export function componentLabel(componentId: string, name?: string): string {
  return name ?? componentId.replace(/[-_]+/g, ' ');
}

/** What is wrong, what to do and how soon: the verdict's headline for a cause. */
export function verdictHeadline(
  cause: Pick<Cause, 'id' | 'severity'>,
  component: string | null,
  lang: Language,
): string {
  const w = words(lang);
  const plain = w.causes[cause.id] ?? w.causes.unexplained;
  return w.headline(plain.problem(component), plain.fix, cause.severity);
}

/** What a severity means and how soon to act: "Serious: a large change; act before …". */
export function urgencyLine(severity: Severity, lang: Language): string {
  return words(lang).urgency[severity];
}

/** The whole severity scale in one line. */
export function severityScaleLine(lang: Language): string {
  return words(lang).scale;
}

/** One sentence for everyone on why this cause: what was heard, not the numbers. */
export function plainEvidence(cause: Pick<Cause, 'evidence'>, lang: Language): string {
  const w = words(lang);
  const codes = new Set(cause.evidence.map((item) => (typeof item === 'string' ? '' : item.code)));
  const irregular = codes.has('impacts-against-baseline') && codes.has('impacts-irregular');
  const phrases: string[] = irregular ? [w.irregularKnocks] : [];
  for (const item of cause.evidence) {
    // An old report's English sentence is analyst language: it stays in the details.
    if (typeof item === 'string') continue;
    if (
      irregular &&
      (item.code === 'impacts-against-baseline' || item.code === 'impacts-irregular')
    ) {
      continue;
    }
    const render = w.evidence[item.code] as (params: unknown) => string | null;
    const phrase = render(item.params);
    if (phrase !== null && !phrases.includes(phrase)) phrases.push(phrase);
  }
  return phrases.length === 0 ? w.fallback : w.sentence(phrases);
}
