/**
 * Unreadable or invalid input (a missing file, a malformed WAV, a bad profile or baseline, a
 * recording too short to analyse): the command line turns it into exit status 1 and prints its
 * message, which is one sentence naming the file and the problem. The API passes its reason and
 * params on (node/api/errors.ts), so the page says the same in the user's language without
 * reading the message.
 */
import type { ApiErrorParams, ApiErrorReason } from '../../shared/api/errors.ts';
import { CompressedFormatError } from '../../shared/audio/compressed/formatError.ts';
import type { OtherContent } from '../../shared/audio/compressed/sniff.ts';
import { WavFormatError } from '../../shared/audio/wavErrors.ts';

export class InputError extends Error {
  override readonly name = 'InputError';
  /** What went wrong, for the page's sentence; 'invalid-input' when nothing more is known. */
  readonly reason: ApiErrorReason;
  /** Names and numbers the sentence uses (a recording's name, seconds, bytes). */
  readonly params: ApiErrorParams;

  constructor(
    message: string,
    reason: ApiErrorReason = 'invalid-input',
    params: ApiErrorParams = {},
  ) {
    super(message);
    this.reason = reason;
    this.params = params;
  }
}

/** The same error about the file at `path`, naming it `name` instead (a recording's name). */
export function renameInputError(error: InputError, path: string, name: string): InputError {
  const params = error.params.name === path ? { ...error.params, name } : error.params;
  return new InputError(error.message.split(path).join(name), error.reason, params);
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
  return new InputError(`cannot read ${what} "${path}": ${fsProblem(error)}`, 'unreadable-file', {
    name: path,
  });
}

/**
 * Turns what reading a recording can throw into an InputError naming the file; anything else
 * (a bug) is returned unchanged.
 */
export function recordingInputError(error: unknown, path: string): unknown {
  if (error instanceof InputError) return error;
  if (error instanceof WavFormatError) {
    return new InputError(`cannot use recording "${path}": ${error.message}`, 'unreadable-wav', {
      name: path,
    });
  }
  if (error instanceof CompressedFormatError) {
    const reason = error.problem;
    return new InputError(`cannot use recording "${path}": ${error.message}`, reason, {
      ...error.params,
      name: path,
    });
  }
  if (isFsError(error)) return fsInputError(error, 'recording', path);
  return error;
}

/** What each kind of other content is, in the command line's words. */
const OTHER_CONTENT: Readonly<Record<OtherContent, string>> = {
  'aac-adts': 'raw AAC audio without a container, which cannot be decoded here',
  webm: 'a WebM/Matroska file',
  aiff: 'an AIFF file',
  zip: 'a ZIP archive',
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gzip: 'a gzip archive',
  text: 'text',
  empty: 'empty',
  unknown: 'in no format Auscult knows',
};

/**
 * The refusal of a file that is not a recording: `cannot use recording "x.m4a": not a WAV file
 * or a phone recording (it is a PDF document); Auscult reads WAV, FLAC, MP3, Ogg (Opus,
 * Vorbis), AMR and 3GP (AMR, MP3)`.
 */
export function unknownFormatError(what: OtherContent, name: string): InputError {
  const adts = what === 'aac-adts';
  return new InputError(
    `cannot use recording "${name}": not a WAV file or a phone recording (it is ${OTHER_CONTENT[what]}); Auscult reads WAV, FLAC, MP3, Ogg (Opus, Vorbis), AMR and 3GP (AMR, MP3)`,
    adts ? 'undecodable-codec' : 'unknown-format',
    adts ? { name, codec: 'aac' } : { name, what },
  );
}
