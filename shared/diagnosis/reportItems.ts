/**
 * The structured texts of a diagnosis report: each finding, evidence line and action is a code
 * with its parameters (numbers carry their unit in the name). shared/i18n/diagnosisText.ts words
 * them in English or Simplified Chinese; storing codes lets a report be read in either language.
 */
import type { CharacteristicKind } from './characteristicTypes.ts';
import type { CauseId, FindingKind } from './vocabulary.ts';

/** A sentence of a report stored before codes existed (English); shown as it is. */
export type LegacyText = string;

/** Which characteristic frequency, in data: rendered "BPFO of spindle-bearing" or in Chinese. */
export interface FrequencyRef {
  readonly kind: CharacteristicKind;
  /** The profile component (user data), for component frequencies. */
  readonly componentId?: string;
  /** The shaft (user data), for shaft orders and sidebands at multiples of its speed. */
  readonly shaftId?: string;
  /** For shaft orders: the multiple of the shaft's speed (0.5, 1, 1.5 …). */
  readonly order?: number;
  /** For sidebands: the signed multiple of the modulating frequency (−2, −1, +1, +2). */
  readonly sideband?: number;
  /** For pole-pass sidebands: the carrier they surround. */
  readonly carrier?: 'line-2x' | 'shaft-1x';
}

/** The speed of a shaft as the profile gives it: rpm, or a feed through the screw's lead. */
export interface ShaftSpeedBasis {
  readonly shaftId: string;
  readonly rpm: number;
  readonly feedMmPerMin?: number;
  readonly leadMm?: number;
}

/** A finding's frequency that lies at (a harmonic of) a characteristic frequency. */
export interface FrequencyMatch {
  readonly harmonic: number;
  readonly frequency: FrequencyRef;
  /** harmonic × the characteristic frequency, Hz. */
  readonly targetHz: number;
}

export interface FindingParams {
  'raised-line': { readonly excessDb: number; readonly match: FrequencyMatch | null };
  'raised-envelope-line': { readonly excessDb: number; readonly match: FrequencyMatch | null };
  'raised-band': { readonly centreHz: number; readonly excessDb: number; readonly z: number };
  impacts: { readonly kurtosis: number; readonly baselineKurtosis: number };
  'kinematic-line-prominent': {
    readonly frequency: FrequencyRef;
    readonly frequencyHz: number;
    readonly prominenceDb: number;
    readonly floor: 'spectrum' | 'envelope';
  };
}

interface HzDb {
  readonly frequencyHz: number;
  readonly excessDb: number;
}

/** The loudest share of short frames: where it starts over the median, now and when healthy. */
interface TopFrames {
  readonly frameMs: number;
  readonly topPercent: number;
  readonly levelDb: number;
  readonly healthyDb: number;
}

export interface EvidenceParams {
  'envelope-family': {
    readonly defect: FrequencyRef;
    readonly defectHz: number;
    /** The harmonics present: their order (1 = the defect frequency) and where they were found. */
    readonly harmonics: readonly { readonly order: number; readonly frequencyHz: number }[];
    /** The most prominent one's height over the envelope floor, dB. */
    readonly prominenceDb: number;
  };
  'envelope-excess': { readonly excessDb: number };
  'shaft-sidebands': { readonly count: number; readonly shaftHz: number };
  /** Sidebands at the cage frequency around a rolling element's 2×BSF. */
  'cage-sidebands': { readonly count: number; readonly cageHz: number };
  'kinematic-origin': {
    readonly frequency: FrequencyRef;
    readonly frequencyHz: number;
    /** frequencyHz = factor × shaftSpeedHz (an order, or the number of teeth of a gear). */
    readonly factor: number;
    readonly shaftSpeedHz: number;
    readonly speed: ShaftSpeedBasis;
  };
  'impacts-against-baseline': {
    readonly kurtosis: number;
    readonly baselineKurtosis: number;
    readonly z: number;
  };
  'impacts-without-baseline': { readonly kurtosis: number };
  'impacts-irregular': Record<string, never>;
  'high-frequency-floor': { readonly fromHz: number; readonly levelDb: number };
  'gear-mesh-raised': HzDb;
  'gear-sidebands-raised': { readonly sidebands: readonly HzDb[] };
  'belt-lines-raised': {
    readonly lines: readonly (HzDb & { readonly order: number })[];
    /** The last line was found in the envelope spectrum (the belt flaps or slips). */
    readonly lastInEnvelope: boolean;
  };
  'shaft-looseness': {
    readonly harmonicCount: number;
    readonly halfOrderCount: number;
    readonly thresholdDb: number;
    readonly orders: readonly number[];
    readonly shaftHz: number;
  };
  'shaft-order-raised': HzDb & { readonly order: number };
  'rise-at-1x-alone': { readonly secondOrderExcessDb: number };
  'chatter-line': HzDb & { readonly prominenceDb: number };
  'chatter-not-kinematic': Record<string, never>;
  /** The structural mode (the profile's or found in the baseline) the chatter line sits near. */
  'chatter-near-mode': { readonly modeHz: number };
  /** Raised harmonics of the chatter line, on no kinematic line. */
  'chatter-harmonics': { readonly frequenciesHz: readonly number[] };
  'broadband-floor': {
    readonly fromHz: number;
    readonly levelDb: number;
    readonly raisedPercent: number;
  };
  'no-impacts': { readonly kurtosis: number };
  'line-2x-raised': HzDb;
  'pole-pass-sidebands': { readonly frequenciesHz: readonly number[] };
  'no-pole-pass-sidebands': Record<string, never>;
  'no-pattern-matches': { readonly anomalyScore: number };
  'anomalous-at': { readonly findings: readonly (HzDb & { readonly kind: FindingKind })[] };
  'shape-differs': Record<string, never>;
  /** A new tone on no shaft order that chatter does not explain (far from every mode: a whine). */
  'new-tone': HzDb;
  /** The energy above 1 kHz swings at these rates more than when healthy (a rhythm, a rub). */
  'rhythm-changed': { readonly findings: readonly HzDb[] };
  /**
   * The loudest `topPercent` % of `frameMs` frames above 1 kHz stand lower over the median than
   * when healthy (beats of a cycle missing) or higher (bursts of knocks: a rattle).
   */
  'beats-missing': TopFrames;
  'bursts-appeared': TopFrames;
  /** Two parts of one bearing whose own evidence comes close: the part is uncertain. */
  'bearing-parts-overlap': {
    readonly parts: readonly { readonly cause: CauseId; readonly confidence: number }[];
  };
  /** Envelope lines of a bearing without impacts to place them: the part is uncertain. */
  'bearing-no-impacts': { readonly kurtosis: number; readonly spectralKurtosis: number };
}

export type FindingCode = keyof FindingParams;
export type EvidenceCode = keyof EvidenceParams;

export type FindingItem = {
  readonly [C in FindingCode]: { readonly code: C; readonly params: FindingParams[C] };
}[FindingCode];

export type EvidenceItem = {
  readonly [C in EvidenceCode]: { readonly code: C; readonly params: EvidenceParams[C] };
}[EvidenceCode];

/** What to do: the cause's own recommendation (its words live in the text module). */
export interface ActionItem {
  readonly code: CauseId;
  readonly params: Record<string, never>;
}
