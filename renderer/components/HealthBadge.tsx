import { useTranslation } from 'react-i18next';
import type { Health } from '../../shared/diagnosis/health.ts';

/** Normal / watch / act now / no baseline yet / not checked yet, coloured by urgency. */
export function HealthBadge({ health }: { health: Health }) {
  const { t } = useTranslation();
  return (
    <span className={`health health-${health}`} data-health={health}>
      {t(`verdict.health.${health}`)}
    </span>
  );
}
