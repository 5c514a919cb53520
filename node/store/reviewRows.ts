/**
 * Reviews as both stores write and read them (see verdictRows.ts): one place, so that the
 * laptop's and the hub's rows cannot drift apart.
 */
import type { ReviewNote, ReviewSummary } from '../../shared/bundle/review.ts';

/** A review from a row's values by column name (`machine_name` joined from machines). */
export function reviewFromRow(
  row: Readonly<Record<string, unknown>>,
  time: (value: unknown) => string,
  parse: (value: unknown) => unknown,
): ReviewSummary {
  return {
    id: String(row.id),
    machineId: String(row.machine_id),
    machineName: String(row.machine_name),
    senderName: String(row.sender_name),
    sentAt: time(row.sent_at),
    bundleName: String(row.bundle_name),
    recordingIds: (parse(row.recording_ids) as unknown[]).map(String),
    notes: parse(row.notes) as ReviewNote[],
    openedAt: time(row.created_at),
    adoptedAt: row.adopted_at == null ? null : time(row.adopted_at),
  };
}

/** The condition that keeps a machine with a review not yet adopted out of a list. */
export const NOT_REVIEW_ONLY = (machineColumn: string) =>
  `NOT EXISTS (SELECT 1 FROM reviews rv WHERE rv.machine_id = ${machineColumn}
    AND rv.adopted_at IS NULL)`;
