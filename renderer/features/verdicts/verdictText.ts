/** A verdict in words: the cause it holds for true, and "confirmed X" / "corrected to X". */
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/api/contract.ts';
import { causeName } from '../../../shared/i18n/diagnosisText.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';
import { verdictCause } from '../../../shared/verdicts/expertVerdict.ts';

/** The cause the expert holds for true, in the page's language ('other' in the expert's words). */
export function verdictCauseText(verdict: ExpertVerdict, t: TFunction, lang: Language): string {
  const cause = verdictCause(verdict);
  if (cause === null) return t('expertVerdict.none');
  return cause === 'other' ? verdict.otherCause : causeName(cause, lang);
}

/** "confirmed unbalance" or "corrected to looseness". */
export function verdictWhat(verdict: ExpertVerdict, t: TFunction, lang: Language): string {
  const cause = verdictCauseText(verdict, t, lang);
  return t(verdict.decision === 'confirm' ? 'expertVerdict.confirmed' : 'expertVerdict.corrected', {
    cause,
  });
}

/** The fault log's short badge: "Expert: confirmed" or "Expert: corrected to looseness". */
export function verdictBadge(verdict: ExpertVerdict, t: TFunction, lang: Language): string {
  return verdict.decision === 'confirm'
    ? t('expertVerdict.badgeConfirmed')
    : t('expertVerdict.badgeCorrected', { cause: verdictCauseText(verdict, t, lang) });
}
