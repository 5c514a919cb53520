import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { FileDropZone } from '../../components/FileDropZone.tsx';
import { Pending } from '../../components/Pending.tsx';
import { formatDateTime } from '../../format/numbers.ts';
import { useLoad } from '../../hooks/useLoad.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import type { ReviewSummary } from '../../../shared/api/contract.ts';
import { openedSentence } from './bundleWords.ts';
import { openBundleFile } from './openBundleFile.ts';

export interface ReviewsScreenProps {
  readonly reviewHrefFor: (recordingId: string) => string;
}

function ReviewRow({ review, href }: { review: ReviewSummary; href: string | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <tr>
      <td>{href ? <a href={href}>{review.machineName}</a> : review.machineName}</td>
      <td>{review.senderName || t('bundles.noSender')}</td>
      <td>{formatDateTime(review.sentAt, lang)}</td>
      <td>{review.bundleName}</td>
      <td>{review.recordingIds.length}</td>
      <td>{review.adoptedAt ? t('bundles.adopted') : t('bundles.readOnly')}</td>
    </tr>
  );
}

/**
 * "Reviews" (收到的审核): bundles opened here, each a read-only review of another library's
 * machine, and where a `.auscult` file is opened, by the picker or by dropping it: a review
 * bundle becomes a review, a reply's verdicts go onto their diagnoses.
 */
export function ReviewsScreen({ reviewHrefFor }: ReviewsScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const describe = useErrorSentence();
  const load = useCallback(() => api.bundles.reviews(), [api]);
  const reviews = useLoad(load);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The drop zone hands over a drop even while busy (only its button is disabled): a file dropped
  // again before the first open ended would be opened twice, the page ending on "already open".
  const opening = useRef(false);
  const onFile = async (file: File) => {
    if (opening.current) return;
    opening.current = true;
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      setMessage(openedSentence(await openBundleFile(api, file), t));
      reviews.reload();
    } catch (failure) {
      setError(describe(failure));
    } finally {
      opening.current = false;
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="reviews-title" className="reviews">
      <h2 id="reviews-title">{t('bundles.title')}</h2>
      <p className="muted">{t('bundles.intro')}</p>
      <FileDropZone
        accept=".auscult"
        busy={busy}
        words={{
          region: t('bundles.dropZone'),
          hint: t('bundles.dropHint'),
          choose: t('bundles.choose'),
          input: t('bundles.choose'),
        }}
        // One bundle at a time: of several dropped files the first is opened.
        onFiles={([file]) => void onFile(file)}
      />
      <p role="status">{busy ? t('bundles.opening') : (message ?? '')}</p>
      <ErrorText message={error} />
      {reviews.data === null ? (
        <Pending error={reviews.error} />
      ) : reviews.data.length === 0 ? (
        <p className="muted">{t('bundles.none')}</p>
      ) : (
        <table className="reviews-table">
          <thead>
            <tr>
              <th>{t('bundles.machine')}</th>
              <th>{t('bundles.sender')}</th>
              <th>{t('bundles.sentAt')}</th>
              <th>{t('bundles.file')}</th>
              <th>{t('bundles.recordings')}</th>
              <th>{t('bundles.state')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.data.map((review) => (
              <ReviewRow
                key={review.id}
                review={review}
                href={review.recordingIds[0] ? reviewHrefFor(review.recordingIds[0]) : null}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
