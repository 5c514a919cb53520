import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';

/** Not built yet: says what the screen will do, and that it cannot do it yet. */
export function ReviewScreen() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('review.title')}>
      <p>{t('review.purpose')}</p>
      <p className="notice">{t('review.notYet')}</p>
    </EmptyState>
  );
}
