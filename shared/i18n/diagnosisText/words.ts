/** What each language supplies to word a diagnosis report (shared/i18n/diagnosisText.ts). */
import type {
  CauseId,
  EvidenceCode,
  EvidenceParams,
  FindingCode,
  FindingParams,
  FrequencyRef,
  Severity,
  ShaftSpeedBasis,
} from '../../diagnosis/report.ts';

export interface DiagnosisWords {
  readonly causeNames: Readonly<Record<CauseId, string>>;
  readonly causeActions: Readonly<Record<CauseId, string>>;
  readonly severities: Readonly<Record<Severity, string>>;
  /** A characteristic frequency's name: "BPFO of spindle-bearing". */
  frequencyName(ref: FrequencyRef): string;
  /** A shaft's speed and where it comes from: "spindle at 1480 rpm". */
  speed(basis: ShaftSpeedBasis): string;
  readonly findings: { readonly [C in FindingCode]: (params: FindingParams[C]) => string };
  readonly evidence: { readonly [C in EvidenceCode]: (params: EvidenceParams[C]) => string };
}

/** The sign of a sideband as printed: "+" or a true minus. */
export function sign(value: number): string {
  return value < 0 ? '−' : '+';
}
