/**
 * What a technician should know about a recording (shared/api/recordingNotices.ts), as sentences
 * in the page's language: "cut off: 0.28 s of the 12 s the header announces", "too short to
 * analyse: 0.28 s, at least 0.5 s needed". Times to 0.01 s, as everywhere on the page.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecordingNotice } from '../../../shared/api/recordingNotices.ts';
import { formatNumber } from '../../format/numbers.ts';

/** The sentence of one notice; every param is seconds, shown with at most two decimals. */
export function noticeSentence(notice: RecordingNotice, t: TFunction, language: string): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(notice.params)) {
    values[key] = formatNumber(value, language, 2);
  }
  return t(`notices.${notice.code}`, values);
}

/** The notices of a recording as a short list (nothing when there are none). */
export function RecordingNotices({ notices }: { notices: readonly RecordingNotice[] }) {
  const { t, i18n } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <ul className="recording-notices">
      {notices.map((notice) => (
        <li key={notice.code} className="warning-text">
          {noticeSentence(notice, t, i18n.language)}
        </li>
      ))}
    </ul>
  );
}
