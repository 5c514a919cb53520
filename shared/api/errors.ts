/**
 * What a failed call carries across either host: a `code` (the kind of failure, which sets the
 * HTTP status), a `reason` (what exactly went wrong: the page's sentence is chosen by it) and
 * `params` (numbers with their units in their names, entity kinds, a recording's name). The
 * English `message` is for logs and the command line; the page writes its own sentence in the
 * user's language from reason and params (renderer/api/errors.ts), so no text is parsed and no
 * internal name (a method, an argument path, an id) reaches the sentence a technician reads.
 */

export const API_ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'invalid-input',
  'unauthorized',
  /** Signed in, but the person's role may not make this call (the hub). */
  'forbidden',
  /** Too many attempts: params.retryAfterSeconds (the hub's sign-in). */
  'rate-limited',
  /** The call does not fit the current state of what it changes (a fault-log entry's status). */
  'conflict',
  /** The disk is full: params.neededBytes says how much the operation needed. */
  'disk-full',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every reason, each with a sentence in every language of the page. */
export const API_ERROR_REASONS = [
  // One per code: the reason when nothing more precise is known.
  'invalid-argument',
  'not-found',
  'invalid-input',
  'unauthorized',
  'conflict',
  'disk-full',
  'internal',
  /** Too short to analyse: params.minSeconds, params.durationSeconds (when known). */
  'too-short',
  /** A WAV file that cannot be read or is not supported: params.name. */
  'unreadable-wav',
  /** A file that cannot be read at all (missing, permissions): params.name. */
  'unreadable-file',
  /** The machine profile is refused; params.problem (English) may follow as detail. */
  'invalid-profile',
  'invalid-baseline',
  /** A file larger than the limit: params.name, params.sizeBytes, params.maxBytes. */
  'too-large',
  /** An import whose bytes differ from the size announced: params.name. */
  'incomplete-import',
  /** params.limit imports or recordings at once already. */
  'too-many-imports',
  'too-many-sessions',
  /** Stop before any audio arrived. */
  'nothing-recorded',
  /** The live recording reached the largest WAV file. */
  'recording-full',
  /** A baseline needs two healthy recordings or a longer one: params.minSeconds. */
  'baseline-needs-more',
  /** A stretch outside the recording: params.durationSeconds. */
  'selection-outside',
  /** A WAV file without a single frame: params.name. */
  'no-audio',
  /** Content that is no recording Auscult reads: params.name, params.what (sniff.ts). */
  'unknown-format',
  /** A recording in a codec nothing here decodes: params.name, params.codec. */
  'undecodable-codec',
  /** A damaged, cut-off or lying compressed recording: params.name, params.format. */
  'damaged-audio',
  /**
   * A microphone calibration file that cannot be used: params.problem (a CalibrationErrorCode)
   * and params.line (1-based; 0 for the whole file).
   */
  'invalid-calibration',
  /** The page could not reach its host, or could not read its answer. */
  'host-unreachable',
  'bad-answer',
  // The fault log's workflow (shared/faultLog/workflow.ts, FaultLogProblem).
  /** Not a forward move, or from a final status: params.from, params.to (status codes). */
  'transition-not-allowed',
  'reason-required',
  'follow-up-required',
  'follow-up-not-expected',
  /** The follow-up recording's problem: params.name (the recording's name). */
  'follow-up-other-machine',
  'follow-up-before-entry',
  'follow-up-not-diagnosed',
  'follow-up-not-normal',
  // Experts' verdicts (shared/verdicts/expertVerdict.ts, VerdictProblem).
  'verdict-nothing-to-confirm',
  'verdict-not-top-cause',
  'verdict-same-cause',
  // Review bundles (shared/bundle/refusals.ts): the refusal in both languages,
  /** params.sentenceEn, params.sentenceZh. */
  'bundle-refused',
  // The hub (node/hub).
  /** No session, or it ended: sign in again. */
  'sign-in-required',
  /** A wrong name or password. */
  'sign-in-failed',
  'forbidden',
  /** params.retryAfterSeconds. */
  'rate-limited',
  // The desktop's link to a hub (node/sync).
  /** No answer from the hub's URL (wrong address, offline, the hub stopped). */
  'hub-unreachable',
  /** The hub answered something Auscult does not understand (perhaps no hub at that URL). */
  'hub-bad-answer',
  /** hubLink.* called on a hub, which links to no other hub. */
  'hub-link-not-here',
] as const;
export type ApiErrorReason = (typeof API_ERROR_REASONS)[number];

/** Values a sentence may use; units in the names (neededBytes, minSeconds). */
export type ApiErrorParams = Readonly<Record<string, string | number>>;

export interface ApiErrorDetail {
  /** Default: the code itself. */
  readonly reason?: ApiErrorReason;
  readonly params?: ApiErrorParams;
}

/** What a failed call rejects with, on either host. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly reason: ApiErrorReason;
  readonly params: ApiErrorParams;
  constructor(code: ApiErrorCode, message: string, detail: ApiErrorDetail = {}) {
    super(message);
    this.code = code;
    this.reason = detail.reason ?? code;
    this.params = detail.params ?? {};
  }
}

const REASONS: ReadonlySet<string> = new Set(API_ERROR_REASONS);

function isApiErrorReason(value: unknown): value is ApiErrorReason {
  return typeof value === 'string' && REASONS.has(value);
}

/** The params of an envelope from the wire: only string and finite number values survive. */
function paramsFromWire(value: unknown): ApiErrorParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const params: Record<string, string | number> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string' || (typeof entry === 'number' && Number.isFinite(entry))) {
      params[key] = entry;
    }
  }
  return params;
}

/** A failure on the wire (HTTP envelope, IPC envelope, a failed job): ApiError's fields. */
export interface ErrorBody {
  readonly code: ApiErrorCode;
  readonly reason: ApiErrorReason;
  readonly params: ApiErrorParams;
  readonly message: string;
}

const CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

/** The wire form of an ApiError. */
export function errorBody(error: ApiError): ErrorBody {
  return { code: error.code, reason: error.reason, params: error.params, message: error.message };
}

/** An ApiError from its wire form; an unknown code becomes 'internal', an unknown reason the code. */
export function errorFromBody(body: unknown): ApiError {
  const { code, reason, params, message } = (body ?? {}) as Record<string, unknown>;
  const known = typeof code === 'string' && CODES.has(code) ? (code as ApiErrorCode) : 'internal';
  return new ApiError(
    known,
    typeof message === 'string' ? message : 'The host reported an error without a message.',
    { reason: isApiErrorReason(reason) ? reason : known, params: paramsFromWire(params) },
  );
}
