/**
 * What a technician should know about a recording (shared/api/recordingNotices.ts), as a sentence
 * in the page's language: "Cut off: 0.28 s of the 12 s the header announces.", "Too short to
 * analyse: 0.28 s, at least 0.5 s needed." Times to 0.01 s, as everywhere on the page.
 */
import type { TFunction } from 'i18next';
import type { RecordingNotice } from '../../../shared/api/recordingNotices.ts';
import { formatNumber } from '../../format/numbers.ts';

/** The sentence of one notice; every param is seconds, shown with at most two decimals. */
export function noticeSentence(notice: RecordingNotice, t: TFunction, language: string): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(notice.params)) {
    values[key] = formatNumber(value, language, 2);
  }
  return t(`notices.${notice.code}`, values);
}
