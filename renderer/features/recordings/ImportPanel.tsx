import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatBytes, formatNumber } from '../../format/numbers.ts';
import { DropZone } from './DropZone.tsx';
import { RecordingNotices } from './RecordingNotices.tsx';
import type { ImportItem } from './useImports.ts';

export interface ImportPanelProps {
  readonly items: readonly ImportItem[];
  readonly onFiles: (files: File[]) => void;
  readonly onClearFinished: () => void;
}

function ImportRow({ item }: { item: ImportItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const progressText = (): string => {
    if (item.state === 'done') {
      return t(item.notices.length > 0 ? 'import.doneWithNotices' : 'import.done');
    }
    if (item.state === 'waiting') return t('import.waiting');
    // Every byte sent: the host is checking the WAV before it lists it.
    if (item.sentBytes >= item.sizeBytes) return t('import.checking');
    return t('import.sending', {
      sent: formatBytes(item.sentBytes, lang),
      total: formatBytes(item.sizeBytes, lang),
      percent: formatNumber((100 * item.sentBytes) / Math.max(1, item.sizeBytes), lang, 0),
    });
  };
  return (
    <li className={`import-item ${item.state}`}>
      <span className="name-cell">{item.fileName}</span>
      {item.state === 'failed' ? (
        <span className="error-text" role="alert">
          {t('import.failed', { error: item.error })}
        </span>
      ) : (
        <ProgressBar
          label={t('import.progressLabel', { name: item.fileName })}
          fraction={item.sizeBytes === 0 ? 1 : item.sentBytes / item.sizeBytes}
          text={progressText()}
        />
      )}
      {item.state === 'done' && <RecordingNotices notices={item.notices} />}
    </li>
  );
}

/** Import by file picker or by dropping files, and each file's progress or error. */
export function ImportPanel({ items, onFiles, onClearFinished }: ImportPanelProps) {
  const { t } = useTranslation();
  const finished = items.some((item) => item.state === 'done' || item.state === 'failed');
  return (
    <div className="import">
      <DropZone onFiles={onFiles} />
      {items.length > 0 && (
        <ul className="import-list" aria-label={t('import.listLabel')}>
          {items.map((item) => (
            <ImportRow key={item.key} item={item} />
          ))}
        </ul>
      )}
      {finished && (
        <button type="button" className="link" onClick={onClearFinished}>
          {t('import.clear')}
        </button>
      )}
    </div>
  );
}
