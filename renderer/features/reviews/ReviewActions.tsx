import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { downloadUrl } from '../../files/download.ts';
import { formatDateTime } from '../../format/numbers.ts';
import { useLoad } from '../../hooks/useLoad.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import type { BundleDownload, ReviewSummary } from '../../../shared/api/contract.ts';
import { latestPerDiagnosis } from '../../../shared/verdicts/expertVerdict.ts';
import { usePersonName } from '../settings/index.ts';

export interface ReviewActionsProps {
  readonly recordingId: string;
  /** The machine's read-only review (useReadOnlyReview), or null for one of the own machines. */
  readonly review: ReviewSummary | null;
  readonly onAdopted: () => void;
}

/**
 * The machine's review not yet adopted: null for one of the user's own machines, undefined
 * while loading. `reload` after adopting it.
 */
export function useReadOnlyReview(machineId: string): {
  review: ReviewSummary | null | undefined;
  reload: () => void;
} {
  const api = useApi();
  const load = useCallback(() => api.bundles.reviews().catch(() => []), [api]);
  const reviews = useLoad(load);
  const review =
    reviews.data === null
      ? undefined
      : (reviews.data.find((r) => r.machineId === machineId && r.adoptedAt === null) ?? null);
  return { review, reload: reviews.reload };
}

/** Runs a download-making call, offering the file when it is written. */
function useDownload() {
  const describe = useErrorSentence();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (make: () => Promise<BundleDownload>) => {
      setBusy(true);
      setError(null);
      try {
        const download = await make();
        downloadUrl(download.url, download.fileName);
      } catch (failure) {
        setError(describe(failure));
      } finally {
        setBusy(false);
      }
    },
    [describe],
  );
  return { busy, error, run, setError };
}

/** Where a read-only review came from, with "Add to my machines" and "Send verdict back". */
function ReadOnlyReview({
  review,
  recordingId,
  onAdopted,
}: {
  review: ReviewSummary;
  recordingId: string;
  onAdopted: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLanguage();
  const { name } = usePersonName();
  const download = useDownload();
  // The sender's fault-log notes on this recording travel with the bundle.
  const notes = review.notes.filter((note) => note.recordingId === recordingId);
  const sendBack = () =>
    download.run(async () => {
      const verdicts = await api.verdicts.listByMachine(review.machineId);
      const ids = latestPerDiagnosis(verdicts)
        .filter((verdict) => verdict.recordingId === recordingId)
        .map((verdict) => verdict.diagnosisId);
      if (ids.length === 0) throw new Error(t('bundles.noVerdictYet'));
      return api.bundles.reply(ids, name);
    });
  const adopt = async () => {
    try {
      await api.bundles.adopt(review.machineId);
      onAdopted();
    } catch (failure) {
      download.setError(String(failure));
    }
  };
  return (
    <div className="notice review-origin" role="region" aria-label={t('bundles.originLabel')}>
      <p>
        {t('bundles.origin', {
          sender: review.senderName || t('bundles.noSender'),
          sentAt: formatDateTime(review.sentAt, lang),
          file: review.bundleName,
        })}
      </p>
      {notes.length > 0 && (
        <ul className="review-notes" aria-label={t('bundles.notes')}>
          {notes.map((note) => (
            <li key={`${note.createdAt}-${note.text}`}>
              {t('bundles.note', {
                text: note.text,
                by: note.recordedBy || t('bundles.noSender'),
                at: formatDateTime(note.createdAt, lang),
              })}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" disabled={download.busy} onClick={() => void sendBack()}>
          {t('bundles.sendVerdictBack')}
        </button>
        <button type="button" onClick={() => void adopt()}>
          {t('bundles.adopt')}
        </button>
      </div>
      <ErrorText message={download.error} />
    </div>
  );
}

/**
 * On the Review screen: for a read-only review, where it came from and its two actions; for one
 * of the user's own machines, "Send for review", which downloads a bundle of this recording.
 */
export function ReviewActions({ recordingId, review, onAdopted }: ReviewActionsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { name } = usePersonName();
  const download = useDownload();
  if (review) {
    return <ReadOnlyReview review={review} recordingId={recordingId} onAdopted={onAdopted} />;
  }
  return (
    <div className="row review-send">
      <button
        type="button"
        disabled={download.busy}
        onClick={() => void download.run(() => api.bundles.pack([recordingId], name))}
      >
        {t('bundles.sendForReview')}
      </button>
      <ErrorText message={download.error} />
    </div>
  );
}
