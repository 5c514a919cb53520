import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '../../../shared/api/contract.ts';
import { verdictOf } from '../../../shared/diagnosis/health.ts';
import { causeName } from '../../../shared/i18n/diagnosisText.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { HealthBadge } from '../../components/HealthBadge.tsx';
import { formatDateTime } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useReviewQueue } from './useReviewQueue.ts';

function QueueRow({ item, reviewHref }: { item: ReviewQueueItem; reviewHref: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { verdict } = item;
  return (
    <tr>
      <td className="name-cell">{item.machineName}</td>
      <td>{item.plantName ?? '—'}</td>
      <td className="name-cell">{item.recordingName}</td>
      <td>{formatDateTime(item.createdAt, lang)}</td>
      <td>
        <HealthBadge health={verdictOf(verdict)} />{' '}
        {verdict.causeId === null ? t('queue.noCause') : causeName(verdict.causeId, lang)}
      </td>
      <td>
        <a href={reviewHref}>{t('queue.open')}</a>
      </td>
    </tr>
  );
}

/**
 * The experts' start screen on a hub: the diagnoses awaiting their verdict, abnormal or unusable
 * first, each a link to the full Review screen. A verdict recorded there takes it off the list.
 */
export function QueueScreen({ reviewHrefFor }: { reviewHrefFor: (recordingId: string) => string }) {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  if (queue.loading) return <p>{t('common.loading')}</p>;
  if (queue.items.length === 0) {
    return (
      <>
        <ErrorText message={queue.error} />
        <EmptyState title={t('queue.title')}>
          <p>{t('queue.none')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('queue.title')}</h1>
      <p>{t('queue.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('queue.machine')}</th>
            <th scope="col">{t('queue.plant')}</th>
            <th scope="col">{t('queue.recording')}</th>
            <th scope="col">{t('queue.diagnosed')}</th>
            <th scope="col">{t('queue.verdict')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('queue.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {queue.items.map((item) => (
            <QueueRow
              key={item.diagnosisId}
              item={item}
              reviewHref={reviewHrefFor(item.recordingId)}
            />
          ))}
        </tbody>
      </table>
      <ErrorText message={queue.error} />
      {queue.hasMore && (
        <button type="button" onClick={queue.loadMore}>
          {t('queue.more')}
        </button>
      )}
    </section>
  );
}
