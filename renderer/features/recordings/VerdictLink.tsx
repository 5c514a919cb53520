import { useTranslation } from 'react-i18next';
import type { VerdictSummary } from '../../../shared/api/contract.ts';
import { verdictOf } from '../../../shared/diagnosis/health.ts';
import { causeName } from '../../../shared/i18n/diagnosisText.ts';
import { HealthBadge } from '../../components/HealthBadge.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';

export interface VerdictLinkProps {
  /** The recording's newest diagnosis in short; null: not diagnosed yet. */
  readonly verdict: VerdictSummary | null;
  readonly href: string;
  readonly recordingName: string;
}

/** A recording's verdict (health and top cause) as the way to its Review. */
export function VerdictLink({ verdict, href, recordingName }: VerdictLinkProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (verdict === null) {
    return (
      <a href={href} className="verdict-link muted" data-recording={recordingName}>
        {t('verdict.notDiagnosed')}
      </a>
    );
  }
  const health = verdictOf(verdict);
  return (
    <a
      href={href}
      className="verdict-link"
      data-recording={recordingName}
      data-verdict-cause={verdict.causeId ?? undefined}
    >
      <HealthBadge health={health} />
      {health !== 'normal' && verdict.causeId !== null && (
        <span>{causeName(verdict.causeId, lang)}</span>
      )}
    </a>
  );
}
