/**
 * Every limit of the API in one place: the method table (methods.ts) validates with them, the
 * hosts enforce them (body sizes, chunk sizes) and the page sizes its requests by them. Pure
 * constants, so any layer may import this module.
 */

const MIB = 1024 * 1024;

/** The languages a person can read Auscult in (the page, the command line, settings). */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Ids: short strings of a fixed charset, never paths (UUIDs in practice). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Largest JSON request body on the web host, in bytes (profiles and settings are a few KB). */
export const MAX_JSON_BODY_BYTES = 1 * MIB;
/** Largest binary argument (an import chunk or a live recording's chunk), in bytes. */
export const MAX_CHUNK_BYTES = 16 * MIB;
/** Largest binary request body on the web host: one chunk. */
export const MAX_BINARY_BODY_BYTES = MAX_CHUNK_BYTES;
/** Chunk size the page sends to `recordings.appendImport`, in bytes (≤ MAX_CHUNK_BYTES). */
export const IMPORT_CHUNK_BYTES = 4 * MIB;
/** Smallest WAV part of a browser-decoded import (recordings.beginImport): a WAV header. */
export const MIN_WAV_BYTES = 44;
/** Longest file name of an import, in characters. */
export const MAX_FILE_NAME_LENGTH = 1024;

/** Sample rates a live recording accepts, in Hz (whole numbers). */
export const MIN_SESSION_SAMPLE_RATE_HZ = 8000;
export const MAX_SESSION_SAMPLE_RATE_HZ = 192000;
/** Largest chunk of one `sessions.append`, in bytes (float32 samples). */
export const MAX_SESSION_CHUNK_BYTES = MAX_CHUNK_BYTES;
/**
 * Audio the page sends per `sessions.append`, in seconds (96 kB at 48 kHz). Each append is a
 * request through the browser, its network service and the host: two a second instead of five
 * saved ~6 % of a core on the Record screen (npm run bench:record), and a killed host still
 * loses less than a second (the chunk in flight).
 */
export const SESSION_CHUNK_SECONDS = 0.5;

/** Most columns of `review.spectrogram`. */
export const MAX_SPECTROGRAM_COLUMNS = 4000;
/** Most buckets of `review.peaks`. */
export const MAX_PEAK_BUCKETS = 20000;

/** Longest note of a fault-log entry, in characters. */
export const MAX_FAULT_NOTE_LENGTH = 2000;
/** Longest name of the person who records or changes a fault-log entry, in characters (trimmed). */
export const MAX_PERSON_NAME_LENGTH = 100;
/** Most recordings one baseline is built from. */
export const MAX_BASELINE_RECORDINGS = 1000;

/** Most items of one page of a paged list (review.queue, faultLog.list). */
export const MAX_PAGE_ITEMS = 500;
