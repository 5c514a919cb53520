/**
 * The two kinds of failure the command line reports (docs/formats.md): wrong usage (exit 2) and
 * unreadable or invalid input (exit 1). Anything else is a bug: exit 1 with one line saying so.
 */
import { InputError } from '../diagnosis/inputError.ts';

export { InputError };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const exitStatus = { done: 0, badInput: 1, badUsage: 2 } as const;

/** One line: control characters (a hostile file name, a multi-line message) cannot break it. */
export function oneLine(text: string): string {
  const flat = text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '?')
    .trim();
  return /[.!?]$/.test(flat) ? flat : `${flat}.`;
}

/** The stderr line and exit status for an error that ended a command. */
export function describeFailure(error: unknown): { message: string; status: number } {
  if (error instanceof UsageError) {
    return { message: `auscult: ${oneLine(error.message)}`, status: exitStatus.badUsage };
  }
  if (error instanceof InputError) {
    return { message: `auscult: ${oneLine(error.message)}`, status: exitStatus.badInput };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    message: `auscult: internal error, this is a bug in Auscult (please report it): ${oneLine(detail)}`,
    status: exitStatus.badInput,
  };
}
