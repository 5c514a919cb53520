/**
 * The sentence the page shows for a failed call, in the user's language, written from the
 * error's reason and params (shared/api/errors.ts), never from the host's English message: no
 * method name, argument path or id reaches it. A reason whose sentence needs a value the error
 * did not carry falls back to its code's general sentence.
 */
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors.ts';
import type { ApiErrorParams, ApiErrorReason } from '../../shared/api/errors.ts';
import type { CodecCode } from '../../shared/api/contract.ts';
import { CODEC_CODES, CODEC_NAMES } from '../../shared/api/recordingCodec.ts';
import { isFaultStatus } from '../../shared/faultLog/workflow.ts';

/** The params each reason's sentence uses; the others need none. */
export const SENTENCE_PARAMS: Partial<Record<ApiErrorReason, readonly string[]>> = {
  'not-found': ['entity'],
  'bundle-refused': ['sentence'],
  'disk-full': ['neededBytes'],
  'too-short': ['durationSeconds', 'minSeconds'],
  'unreadable-wav': ['name'],
  'unreadable-file': ['name'],
  'too-large': ['maxBytes'],
  'incomplete-import': ['name'],
  'too-many-imports': ['limit'],
  'too-many-sessions': ['limit'],
  'baseline-needs-more': ['minSeconds'],
  'selection-outside': ['durationSeconds'],
  'no-audio': ['name'],
  'unknown-format': ['name', 'what'],
  'undecodable-codec': ['name', 'codec'],
  'damaged-audio': ['name', 'format'],
  'transition-not-allowed': ['from', 'to'],
  'follow-up-other-machine': ['name'],
  'follow-up-before-entry': ['name'],
  'follow-up-not-diagnosed': ['name'],
  'follow-up-not-normal': ['name'],
  'rate-limited': ['retryAfterSeconds'],
};

const ENTITIES = new Set([
  'machine',
  'recording',
  'baseline',
  'diagnosis',
  'import',
  'job',
  'session',
  'fault-log entry',
]);

/** Kinds of content a refused file may be (shared/audio/compressed/sniff.ts, less AAC). */
const CONTENTS = new Set([
  'webm',
  'aiff',
  'zip',
  'pdf',
  'png',
  'jpeg',
  'gzip',
  'text',
  'empty',
  'unknown',
]);

const isCodecCode = (value: unknown): value is CodecCode =>
  typeof value === 'string' && (CODEC_CODES as readonly string[]).includes(value);

/** Params that name a fault-log status, worded by the status' name in the page's language. */
const STATUS_PARAMS = ['from', 'to'];

/** Megabytes (10^6 bytes) with one decimal, never shown as 0. */
export function megabytes(bytes: number): string {
  return Math.max(0.1, Math.round(bytes / 1e5) / 10).toFixed(1);
}

/** Seconds with at most two decimals (0.5, 12.35). */
function seconds(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The values a sentence interpolates: sizes in MB, seconds rounded, the entity translated. */
function sentenceValues(params: ApiErrorParams, t: TFunction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'number' && key.endsWith('Bytes')) {
      values[`${key.slice(0, -'Bytes'.length)}Mb`] = megabytes(value);
    } else if (typeof value === 'number' && key.endsWith('Seconds')) {
      values[key] = seconds(value);
    } else {
      values[key] = String(value);
    }
  }
  // A refused bundle comes with its sentence in each language; the catalogue names its own.
  const ownSentence = params[t('errors.bundle-refused-param')];
  if (typeof ownSentence === 'string') values.sentence = ownSentence;
  if (typeof params.entity === 'string' && ENTITIES.has(params.entity)) {
    values.entity = t(`errors.entities.${params.entity}`);
  }
  for (const key of STATUS_PARAMS) {
    if (isFaultStatus(params[key])) values[key] = t(`faultLog.statuses.${params[key]}`);
  }
  // What a refused file is in the page's words, a codec by its name (the host sends codes).
  if (typeof params.what === 'string' && CONTENTS.has(params.what)) {
    values.what = t(`errors.contents.${params.what}`);
  }
  if (isCodecCode(params.codec)) values.codec = CODEC_NAMES[params.codec];
  return values;
}

function hasParams(reason: ApiErrorReason, params: ApiErrorParams): boolean {
  const needed = SENTENCE_PARAMS[reason] ?? [];
  return needed.every(
    (name) =>
      name in params &&
      (name !== 'entity' || ENTITIES.has(String(params.entity))) &&
      (!STATUS_PARAMS.includes(name) || isFaultStatus(params[name])),
  );
}

/** The sentence for an ApiError in the page's language. */
export function apiErrorSentence(error: ApiError, t: TFunction): string {
  if (hasParams(error.reason, error.params)) {
    return t(`errors.${error.reason}`, sentenceValues(error.params, t));
  }
  if (error.code === 'disk-full') return t('errors.disk-full-unsized');
  if (error.code === 'rate-limited') return t('errors.rate-limited-unsized');
  if (error.reason === 'too-short' && typeof error.params.minSeconds === 'number') {
    return t('errors.too-short-unsized', sentenceValues(error.params, t));
  }
  return hasParams(error.code, error.params)
    ? t(`errors.${error.code}`, sentenceValues(error.params, t))
    : t(`errors.${error.code === 'not-found' ? 'invalid-input' : error.code}`);
}

/**
 * The one sentence the page shows for a failure: an ApiError's in the page's language; any other
 * error (the browser's own, such as a refused microphone) by its message.
 */
export function errorSentence(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return apiErrorSentence(error, t);
  if (error instanceof Error && error.message !== '') return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return String(error);
}

/**
 * `errorSentence` in the page's current language, for hooks and components. The function keeps
 * its identity when the language changes, so effects that list it do not run again (a language
 * switch must not reopen the microphone or reload data).
 */
export function useErrorSentence(): (error: unknown) => string {
  const { t } = useTranslation();
  const latest = useRef(t);
  useEffect(() => {
    latest.current = t;
  }, [t]);
  return useCallback((error: unknown) => errorSentence(error, latest.current), []);
}
