import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatBytes, formatNumber } from '../../format/numbers.ts';
import type { ImportItem } from './useImports.ts';

export interface ImportPanelProps {
  readonly items: readonly ImportItem[];
  readonly onFiles: (files: File[]) => void;
  readonly onClearFinished: () => void;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** Import by file picker or by dropping files, and each file's progress or error. */
export function ImportPanel({ items, onFiles, onClearFinished }: ImportPanelProps) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const lang = i18n.language;
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    // Without preventDefault the browser would open the dropped file instead of handing it over.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };
  const progressText = (item: ImportItem): string => {
    if (item.state === 'done') return t('import.done');
    if (item.state === 'waiting') return t('import.waiting');
    // Every byte sent: the host is checking the WAV before it lists it.
    if (item.sentBytes >= item.sizeBytes) return t('import.checking');
    return t('import.sending', {
      sent: formatBytes(item.sentBytes, lang),
      total: formatBytes(item.sizeBytes, lang),
      percent: formatNumber((100 * item.sentBytes) / Math.max(1, item.sizeBytes), lang, 0),
    });
  };
  const finished = items.some((item) => item.state === 'done' || item.state === 'failed');
  return (
    <div className="import">
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        role="region"
        aria-label={t('import.dropZone')}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('import.dropHint')}</p>
        <button type="button" onClick={() => input.current?.click()}>
          {t('import.choose')}
        </button>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          accept=".wav,audio/wav,audio/x-wav,audio/wave"
          multiple
          tabIndex={-1}
          aria-label={t('import.fileInput')}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared so that choosing the same file again fires change again.
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      {items.length > 0 && (
        <ul className="import-list" aria-label={t('import.listLabel')}>
          {items.map((item) => (
            <li key={item.key} className={`import-item ${item.state}`}>
              <span className="name-cell">{item.fileName}</span>
              {item.state === 'failed' ? (
                <span className="error-text" role="alert">
                  {t('import.failed', { error: item.error })}
                </span>
              ) : (
                <ProgressBar
                  label={t('import.progressLabel', { name: item.fileName })}
                  fraction={item.sizeBytes === 0 ? 1 : item.sentBytes / item.sizeBytes}
                  text={progressText(item)}
                />
              )}
            </li>
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
