import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const hasFiles = (event: DragEvent) =>
  Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** Where `.auscult` bundles are dropped, with the button that opens the file picker instead. */
export function BundleDropZone({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const [file] = Array.from(event.dataTransfer.files);
    if (file) onFile(file);
  };
  return (
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      role="region"
      aria-label={t('bundles.dropZone')}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>{t('bundles.dropHint')}</p>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {t('bundles.choose')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".auscult"
        hidden
        aria-label={t('bundles.choose')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
