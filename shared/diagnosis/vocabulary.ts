/** The words of a diagnosis: causes, severities and kinds of finding (docs/formats.md). */

/** The cause vocabulary of docs/formats.md. */
export const CAUSE_IDS = [
  'unbalance',
  'misalignment',
  'looseness',
  'bearing-outer-race',
  'bearing-inner-race',
  'bearing-rolling-element',
  'bearing-cage',
  'bearing-part-uncertain',
  'lead-screw-contamination',
  'lead-screw-wear',
  'gear-wear',
  'belt',
  'electrical',
  'chatter',
  'lubrication',
  'unexplained',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

export const SEVERITIES = ['slight', 'moderate', 'serious', 'extreme'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type FindingKind = 'peak' | 'band' | 'envelope' | 'impulsive';
