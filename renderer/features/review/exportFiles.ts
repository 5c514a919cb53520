/**
 * Exports of the Review screen: the file names, and a chart canvas as a PNG; they are saved
 * through renderer/files/download.ts.
 */

/**
 * The recording's name without its extension, characters other than letters, digits, '.', '_'
 * and '-' replaced by '_'.
 */
function fileStem(recordingName: string): string {
  return (
    recordingName
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '_')
      .replace(/^[._]+/, '')
      .slice(0, 80) || 'recording'
  );
}

function secondsText(seconds: number): string {
  return String(Math.round(seconds * 100) / 100);
}

/** `<recording>-spectrum-<start>-<end>s.<extension>`, the recording's name as fileStem makes it. */
export function exportFileName(
  recordingName: string,
  range: { startSeconds: number; endSeconds: number },
  extension: 'csv' | 'png',
): string {
  const { startSeconds, endSeconds } = range;
  return `${fileStem(recordingName)}-spectrum-${secondsText(startSeconds)}-${secondsText(endSeconds)}s.${extension}`;
}

/** `<recording>-report[-<start>-<end>s].pdf`: the diagnosis report of a stretch, or of a diagnosis. */
export function reportFileName(
  recordingName: string,
  range: { startSeconds: number; endSeconds: number } | null,
): string {
  const stretch = range
    ? `-${secondsText(range.startSeconds)}-${secondsText(range.endSeconds)}s`
    : '';
  return `${fileStem(recordingName)}-report${stretch}.pdf`;
}

/** The canvas as a PNG on a white background (a chart's canvas is transparent). */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  const image = document.createElement('canvas');
  image.width = canvas.width;
  image.height = canvas.height;
  const ctx = image.getContext('2d');
  if (!ctx) return Promise.reject(new Error('No 2D canvas context for the image export.'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(canvas, 0, 0);
  return new Promise((resolve, reject) =>
    image.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be encoded.'))),
      'image/png',
    ),
  );
}
