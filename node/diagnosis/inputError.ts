/**
 * Unreadable or invalid input (a missing file, a malformed WAV, a bad profile or baseline, a
 * recording too short to analyse): the command line turns it into exit status 1 and prints its
 * message, which is one sentence naming the file and the problem.
 */
import { WavFormatError } from '../../shared/audio/wavErrors.ts';

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** What fs error codes mean to a user, in words. */
const FS_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
};

function fsCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for an error raised by the file system (it carries a string `code` such as ENOENT). */
export function isFsError(error: unknown): boolean {
  return (
    error instanceof Error && fsCode(error) !== undefined && !(error instanceof WavFormatError)
  );
}

/** What went wrong, in words: "no such file", "permission denied", or the error's message. */
export function fsProblem(error: unknown): string {
  const code = fsCode(error);
  return (code && FS_PROBLEMS[code]) ?? (error as Error).message;
}

/** `cannot read recording "x.wav": no such file` from an fs error. */
export function fsInputError(error: unknown, what: string, path: string): InputError {
  return new InputError(`cannot read ${what} "${path}": ${fsProblem(error)}`);
}

/**
 * Turns what reading a recording can throw into an InputError naming the file; anything else
 * (a bug) is returned unchanged.
 */
export function recordingInputError(error: unknown, path: string): unknown {
  if (error instanceof InputError) return error;
  if (error instanceof WavFormatError) {
    return new InputError(`cannot use recording "${path}": ${error.message}`);
  }
  if (isFsError(error)) return fsInputError(error, 'recording', path);
  return error;
}
