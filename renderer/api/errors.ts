/** The one sentence the page shows for a failed call: the host's own message when it sent one. */
export function errorSentence(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return String(error);
}
