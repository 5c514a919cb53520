import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';

/** Not built yet: says what the screen will do, and that it cannot do it yet. */
export function FaultLogScreen() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('faultLog.title')}>
      <p>{t('faultLog.purpose')}</p>
      <p className="notice">{t('faultLog.notYet')}</p>
    </EmptyState>
  );
}
