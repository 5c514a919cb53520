/**
 * Why a compressed recording (docs/formats.md, "Recordings from phones") cannot be used: a
 * reason code with parameters for the page's sentence and one English sentence for the command
 * line, never naming the file (the caller adds its name).
 */

/** What is wrong with a compressed file. */
export type CompressedProblem =
  /** The content is a known thing that is not a recording Auscult reads: params.what. */
  | 'unknown-format'
  /** A recording whose codec no decoder here reads: params.codec. */
  | 'undecodable-codec'
  /** Damaged, cut off or lying about itself: params.format (the container). */
  | 'damaged-audio'
  /** Valid, but not a single frame of audio: params.format. */
  | 'no-audio'
  /** Larger than a compressed recording is read: params.sizeBytes, params.maxBytes. */
  | 'too-large';

export class CompressedFormatError extends Error {
  override readonly name = 'CompressedFormatError';
  readonly problem: CompressedProblem;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(
    problem: CompressedProblem,
    message: string,
    params: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.problem = problem;
    this.params = params;
  }
}

/** A damaged `format` file: `detail` says what is wrong, in a few English words. */
export function damaged(format: string, detail: string): CompressedFormatError {
  return new CompressedFormatError('damaged-audio', `the ${format} file is damaged: ${detail}`, {
    format,
  });
}

/** A `format` file that holds no audio frame. */
export function noAudio(format: string): CompressedFormatError {
  return new CompressedFormatError('no-audio', `the ${format} file holds no audio frames`, {
    format,
  });
}

/** Refuses a size a header declares beyond what a phone recording can be. */
export function checkDeclared(format: string, what: string, value: number, max: number): void {
  if (!(value >= 0 && value <= max)) {
    throw damaged(format, `its header declares ${what} ${value}, beyond ${max}`);
  }
}
