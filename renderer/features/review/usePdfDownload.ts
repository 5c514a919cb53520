import { useState } from 'react';
import { useErrorSentence } from '../../api/errors.ts';
import { downloadBlob } from '../../files/download.ts';

/**
 * Fetches a PDF from the host and offers it as a download: whether one is being made, the error
 * sentence of the last failure (in the page's language), and the function that starts it.
 */
export function usePdfDownload(): {
  readonly busy: boolean;
  readonly error: string | null;
  download(fetchPdf: () => Promise<ArrayBuffer>, fileName: string): void;
} {
  const describeError = useErrorSentence();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = (fetchPdf: () => Promise<ArrayBuffer>, fileName: string) => {
    setBusy(true);
    setError(null);
    fetchPdf()
      .then(
        (bytes) => downloadBlob(new Blob([bytes], { type: 'application/pdf' }), fileName),
        (failure: unknown) => setError(describeError(failure)),
      )
      .finally(() => setBusy(false));
  };
  return { busy, error, download };
}
