import { describe, expect, it } from 'vitest';
import {
  CursorError,
  decodeFaultLogCursor,
  decodeQueueCursor,
  encodeFaultLogCursor,
  encodeQueueCursor,
} from '../../../shared/api/pageCursor.ts';

const AT = '2026-03-01T08:15:00.000Z';

describe('page cursors', () => {
  it('give back the key they were made of', () => {
    for (const priority of [0, 1] as const) {
      const key = { priority, createdAt: AT, diagnosisId: 'diag-7' };
      expect(decodeQueueCursor(encodeQueueCursor(key))).toEqual(key);
    }
    const entry = { createdAt: AT, entryId: 'entry-3' };
    expect(decodeFaultLogCursor(encodeFaultLogCursor(entry))).toEqual(entry);
  });

  it('refuse what no page gave, and one list’s cursor given to the other', () => {
    const queue = encodeQueueCursor({ priority: 0, createdAt: AT, diagnosisId: 'd' });
    const faultLog = encodeFaultLogCursor({ createdAt: AT, entryId: 'e' });
    const notQueue = [
      'not json',
      '',
      '{}',
      faultLog,
      JSON.stringify(['q', 2, AT, 'd']),
      JSON.stringify(['q', 0, '2026-03-01', 'd']),
      JSON.stringify(['q', 0, AT, 7]),
      JSON.stringify(['q', 0, AT, 'd', 'extra']),
    ];
    for (const cursor of notQueue) {
      expect(() => decodeQueueCursor(cursor), cursor).toThrow(
        new CursorError('the cursor is not one a review.queue page gave'),
      );
    }
    const notFaultLog = [
      'not json',
      queue,
      JSON.stringify(['f', AT]),
      JSON.stringify(['f', 'yesterday', 'e']),
      JSON.stringify(['f', AT, null]),
    ];
    for (const cursor of notFaultLog) {
      expect(() => decodeFaultLogCursor(cursor), cursor).toThrow(
        new CursorError('the cursor is not one a faultLog.page page gave'),
      );
    }
  });
});
