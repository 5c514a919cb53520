/**
 * Sign-in attempts, limited per account and per address: after MAX_FAILURES failed attempts in
 * WINDOW_SECONDS, further attempts are refused (HTTP 429) until the oldest failure leaves the
 * window. Kept in memory: a restart forgives, which a password guesser cannot arrange at will.
 * A success clears the account's failures.
 */
export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;

export interface SignInLimiter {
  /** Seconds to wait before another attempt for this account or address, or 0. */
  retryAfterSeconds(account: string, address: string, now: Date): number;
  recordFailure(account: string, address: string, now: Date): void;
  recordSuccess(account: string): void;
}

export function createSignInLimiter(): SignInLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number) => {
    const kept = (failures.get(key) ?? []).filter((t) => nowMs - t < WINDOW_SECONDS * 1000);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  const wait = (key: string, nowMs: number) => {
    const times = recent(key, nowMs);
    if (times.length < MAX_FAILURES) return 0;
    return Math.ceil((times[times.length - MAX_FAILURES] + WINDOW_SECONDS * 1000 - nowMs) / 1000);
  };
  const accountKey = (account: string) => `account:${account.trim().toLowerCase()}`;
  return {
    retryAfterSeconds(account, address, now) {
      const nowMs = now.getTime();
      return Math.max(wait(accountKey(account), nowMs), wait(`address:${address}`, nowMs));
    },
    recordFailure(account, address, now) {
      for (const key of [accountKey(account), `address:${address}`]) {
        failures.set(key, [...recent(key, now.getTime()), now.getTime()]);
      }
    },
    recordSuccess(account) {
      failures.delete(accountKey(account));
    },
  };
}
