/** Severity from a cause's excess over the baseline (docs/diagnosis.md §4), and report rounding. */
import type { Severity } from './report.ts';
import { RULES } from './rules/thresholds.ts';

export function severityFor(excessDb: number): Severity {
  const limits = RULES.severityDb;
  if (excessDb >= limits.extreme) return 'extreme';
  if (excessDb >= limits.serious) return 'serious';
  if (excessDb >= limits.moderate) return 'moderate';
  return 'slight';
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
