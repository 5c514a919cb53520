/**
 * Files the page offers for saving (the Review screen's spectrum CSV and chart PNG, the fault
 * log's CSV): a Blob through a temporary download link, since the page never writes files itself.
 */

/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  // The download has started by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Offers the file the host serves at `url` (a bundle: streamed, never held by the page) as a
 * download named `fileName`.
 */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
