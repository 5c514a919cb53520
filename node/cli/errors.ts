/**
 * The two kinds of failure the command line reports (DESIGN.md §3): wrong usage (exit 2) and
 * unreadable or invalid input (exit 1). Anything else is a bug and keeps its stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

export const exitStatus = { done: 0, badInput: 1, badUsage: 2 } as const;
