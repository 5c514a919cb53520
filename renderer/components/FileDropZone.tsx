import { useRef, useState } from 'react';
import type { DragEvent } from 'react';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/** The texts a drop zone shows, already translated. */
export interface FileDropZoneWords {
  /** The region's accessible name. */
  readonly region: string;
  readonly hint: string;
  /** The button that opens the file picker. */
  readonly choose: string;
  /** The hidden file input's accessible name. */
  readonly input: string;
}

export interface FileDropZoneProps {
  /** The picker's filter (the input's `accept`); a dropped file of any name is handed over. */
  readonly accept: string;
  /** Whether several files may be picked at once. */
  readonly multiple?: boolean;
  /** While true the picker button is disabled (a drop is still handed over). */
  readonly busy?: boolean;
  readonly words: FileDropZoneWords;
  readonly onFiles: (files: File[]) => void;
}

/** Where files are dropped, with the button that opens the file picker instead. */
export function FileDropZone({ accept, multiple, busy, words, onFiles }: FileDropZoneProps) {
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
      aria-label={words.region}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>{words.hint}</p>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {words.choose}
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={accept}
        multiple={multiple}
        tabIndex={-1}
        aria-label={words.input}
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
