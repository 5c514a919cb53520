/**
 * What a failed call becomes on either host: an ApiError with a code, a reason, params and one
 * English sentence, never a stack trace. Errors are classified by their class and fields alone,
 * never by their message. Unexpected errors are logged on the host with their stack.
 */
import { ApiError } from '../../shared/api/contract.ts';
import { WavFormatError } from '../../shared/audio/wavErrors.ts';
import { BaselineError } from '../../shared/diagnosis/baseline/parseSignature.ts';
import { ProfileError } from '../../shared/diagnosis/profile.ts';
import { FaultLogRuleError } from '../../shared/faultLog/workflow.ts';
import { VerdictRuleError } from '../../shared/verdicts/expertVerdict.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { DiskFullError, isDiskFull } from '../files/diskFull.ts';
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

/** The classified errors: each class and its fields say what the page's sentence is. */
function classified(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) {
    return new ApiError('not-found', oneSentence(error.message), {
      params: { entity: error.entity },
    });
  }
  if (error instanceof DiskFullError) {
    return new ApiError(
      'disk-full',
      `The disk is full: this needed ${error.neededBytes} bytes more.`,
      {
        params: { neededBytes: error.neededBytes },
      },
    );
  }
  if (error instanceof InputError) {
    return new ApiError('invalid-input', oneSentence(error.message), {
      reason: error.reason,
      params: error.params,
    });
  }
  if (error instanceof ProfileError) {
    return new ApiError('invalid-input', oneSentence(`the profile is invalid: ${error.message}`), {
      reason: 'invalid-profile',
      params: { problem: error.problem },
    });
  }
  if (error instanceof WavFormatError) {
    return new ApiError('invalid-input', oneSentence(error.message), { reason: 'unreadable-wav' });
  }
  if (error instanceof FaultLogRuleError) {
    // A move the entry's current status forbids is a conflict (another person may have moved
    // it first); the other problems are about what the call brought.
    const code = error.problem === 'transition-not-allowed' ? 'conflict' : 'invalid-input';
    return new ApiError(code, oneSentence(error.message), {
      reason: error.problem,
      params: error.params,
    });
  }
  if (error instanceof VerdictRuleError) {
    return new ApiError('invalid-input', oneSentence(error.message), { reason: error.problem });
  }
  if (error instanceof BaselineError) {
    return new ApiError('invalid-input', oneSentence(error.message), {
      reason: 'invalid-baseline',
    });
  }
  return null;
}

/**
 * Maps an error thrown while serving `method` to an ApiError: NotFoundError → 'not-found';
 * DiskFullError (or any ENOSPC/SQLITE_FULL) → 'disk-full' with params.neededBytes; InputError,
 * WavFormatError, ProfileError, BaselineError → 'invalid-input' with their reason;
 * FaultLogRuleError → 'conflict' (transition-not-allowed) or 'invalid-input'; VerdictRuleError →
 * 'invalid-input' with its problem as reason; anything
 * else → 'internal' with a generic sentence (a LibraryError keeps its own, which says what to
 * do), after `log` has recorded the original with its stack.
 */
export function toApiError(error: unknown, method: string, log: ErrorLogger): ApiError {
  const known = classified(error);
  if (known) return known;
  if (isDiskFull(error)) {
    // A write no caller sized: the page still says the disk is full, without a figure.
    log(`Auscult: ${method} found the disk full`, error);
    return new ApiError('disk-full', 'The disk is full.');
  }
  log(`Auscult: ${method} failed`, error);
  if (error instanceof LibraryError) return new ApiError('internal', oneSentence(error.message));
  return new ApiError(
    'internal',
    `${method} failed because of an internal error; the host's log has the details.`,
  );
}
