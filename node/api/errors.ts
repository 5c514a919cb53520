/**
 * What a failed call becomes on either host: an ApiError with a code and one clear sentence,
 * never a stack trace. Unexpected errors are logged on the host with their stack.
 */
import { ApiError } from '../../shared/api/contract.ts';
import { WavFormatError } from '../../shared/audio/wavErrors.ts';
import { BaselineError } from '../../shared/diagnosis/baseline/parseSignature.ts';
import { ProfileError } from '../../shared/diagnosis/profile.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { LibraryError, NotFoundError } from '../store/errors.ts';

/** Longest message sent to the page. */
const MAX_MESSAGE_LENGTH = 400;

/** The first line of `message`, trimmed to MAX_MESSAGE_LENGTH characters. */
export function oneSentence(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.length > MAX_MESSAGE_LENGTH ? `${line.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : line;
}

export type ErrorLogger = (message: string, error: unknown) => void;

/** Logs to the host's stderr, where the stack belongs. */
export const consoleLogger: ErrorLogger = (message, error) => console.error(message, error);

/**
 * Maps an error thrown while serving `method` to an ApiError: NotFoundError → 'not-found';
 * InputError, WavFormatError, ProfileError, BaselineError → 'invalid-input'; anything else →
 * 'internal' with a generic sentence (a LibraryError keeps its own, which says what to do),
 * after `log` has recorded the original with its stack.
 */
export function toApiError(error: unknown, method: string, log: ErrorLogger): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) return new ApiError('not-found', oneSentence(error.message));
  if (error instanceof ProfileError) {
    return new ApiError('invalid-input', oneSentence(`the profile is invalid: ${error.message}`));
  }
  if (
    error instanceof InputError ||
    error instanceof WavFormatError ||
    error instanceof BaselineError
  ) {
    return new ApiError('invalid-input', oneSentence(error.message));
  }
  log(`Auscult: ${method} failed`, error);
  if (error instanceof LibraryError) return new ApiError('internal', oneSentence(error.message));
  return new ApiError(
    'internal',
    `${method} failed because of an internal error; the host's log has the details.`,
  );
}
