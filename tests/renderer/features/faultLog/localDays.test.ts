import { describe, expect, it } from 'vitest';
import {
  localDayEndMs,
  localDayStartMs,
} from '../../../../renderer/features/faultLog/localDays.ts';

describe('local days', () => {
  it('reads a date input as the local day from midnight to the next midnight', () => {
    const start = localDayStartMs('2026-03-29');
    const end = localDayEndMs('2026-03-29');
    expect(start).toBe(new Date(2026, 2, 29).getTime());
    expect(end).toBe(new Date(2026, 2, 30).getTime());
    expect(localDayStartMs('')).toBeNull();
    expect(localDayEndMs('29/03/2026')).toBeNull();
  });
});
