import { useCallback, useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { recordingNotices } from '../../../shared/api/recordingNotices.ts';
import type { RecordingNotice } from '../../../shared/api/recordingNotices.ts';
import { importInChunks } from './chunkedImport.ts';

export type ImportState = 'waiting' | 'sending' | 'done' | 'failed';

/** One file being imported, as the progress list shows it. */
export interface ImportItem {
  readonly key: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly sentBytes: number;
  readonly state: ImportState;
  readonly error: string | null;
  /** What the technician should know about the imported recording (a cut-off file, too short). */
  readonly notices: readonly RecordingNotice[];
}

export interface Imports {
  readonly items: readonly ImportItem[];
  /** Queues the files; they are sent one after another. */
  readonly importFiles: (files: readonly File[]) => void;
  readonly clearFinished: () => void;
}

let itemCounter = 0;

/**
 * Imports WAV files into a machine one at a time with per-file progress; `onImported` runs after
 * each file the host accepted (to refresh the recording list).
 */
export function useImports(machineId: string, onImported: () => void): Imports {
  const describeError = useErrorSentence();
  const api = useApi();
  const [items, setItems] = useState<readonly ImportItem[]>([]);
  // The queue lives in a ref: it is worked through by one async loop, not rendered.
  const queue = useRef<{ key: string; file: File }[]>([]);
  const running = useRef(false);
  const patch = useCallback((key: string, change: Partial<ImportItem>) => {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    for (let next = queue.current.shift(); next; next = queue.current.shift()) {
      const { key, file } = next;
      patch(key, { state: 'sending' });
      try {
        const recording = await importInChunks(api.recordings, machineId, file, (sentBytes) =>
          patch(key, { sentBytes }),
        );
        patch(key, { state: 'done', sentBytes: file.size, notices: recordingNotices(recording) });
        onImported();
      } catch (error) {
        patch(key, { state: 'failed', error: describeError(error) });
      }
    }
    running.current = false;
  }, [api, machineId, onImported, patch, describeError]);

  const importFiles = useCallback(
    (files: readonly File[]) => {
      const added = files.map((file) => {
        itemCounter += 1;
        return { key: `import-${itemCounter}`, file };
      });
      setItems((all) => [
        ...all,
        ...added.map(({ key, file }) => ({
          key,
          fileName: file.name,
          sizeBytes: file.size,
          sentBytes: 0,
          state: 'waiting' as const,
          error: null,
          notices: [],
        })),
      ]);
      queue.current.push(...added);
      void run();
    },
    [run],
  );
  const clearFinished = useCallback(() => {
    setItems((all) => all.filter((item) => item.state === 'waiting' || item.state === 'sending'));
  }, []);
  return { items, importFiles, clearFinished };
}
