import { useTranslation } from 'react-i18next';
import type { RecordingNotice } from '../../../shared/api/recordingNotices.ts';
import { noticeSentence } from './noticeSentence.ts';

/** The notices of a recording as a short list under its name (nothing when there are none). */
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
