import { useTranslation } from 'react-i18next';
import { ErrorText } from './ErrorText.tsx';

/** What stands in for data not loaded yet: the failure, or "Loading…". */
export function Pending({ error }: { error: string | null }) {
  const { t } = useTranslation();
  return error !== null ? (
    <ErrorText message={error} />
  ) : (
    <p className="muted">{t('common.loading')}</p>
  );
}
