import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * What the picker offers: WAV and the phone formats the host decodes (docs/formats.md). The
 * host reads the content, not the name, so this only filters the picker's list; a dropped file
 * of any name is sent, and the host says what it is when it is no recording.
 */
export const ACCEPTED_FILES = [
  '.wav',
  '.mp3',
  '.ogg',
  '.opus',
  '.oga',
  '.flac',
  '.amr',
  '.awb',
  '.3gp',
  '.3ga',
  '.m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/mpeg',
  'audio/ogg',
  'audio/opus',
  'audio/flac',
  'audio/amr',
  'audio/amr-wb',
  'audio/3gpp',
  'audio/mp4',
].join(',');

/** Where recordings are dropped, with the button that opens the file picker instead. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
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
  return (
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
        accept={ACCEPTED_FILES}
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
  );
}
