import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';

/** Not built yet: says what the screen will do, and that it cannot do it yet. */
export function RecordScreen() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('record.title')}>
      <p>{t('record.purpose')}</p>
      <p className="notice">{t('record.notYet')}</p>
    </EmptyState>
  );
}
