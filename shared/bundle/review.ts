/**
 * A review: a bundle of another library opened in this one (docs/formats.md, "Review bundles").
 * Its machine, baseline, recordings and diagnoses are stored with the bundle's own ids, but the
 * machine stays out of the user's own machines (the machine list, the fault log) until the user
 * adds it ("Add to my machines"). The notes of the sender's fault-log entries travel with it.
 */

/** A note of the sender's fault log on one of the bundle's recordings. */
export interface ReviewNote {
  readonly recordingId: string;
  /** ISO 8601 in UTC. */
  readonly createdAt: string;
  readonly text: string;
  readonly causeId: string | null;
  readonly status: string;
  readonly recordedBy: string;
}

/** Where a review came from: who sent it, when, in which file. */
export interface ReviewOrigin {
  readonly senderName: string;
  /** The bundle's creation time (ISO 8601). */
  readonly sentAt: string;
  /** The bundle's file name as it was opened. */
  readonly bundleName: string;
}

/** An opened review as the library keeps it. */
export interface ReviewSummary extends ReviewOrigin {
  /** Derived from the bundle's manifest: the same bundle opened twice is the same review. */
  readonly id: string;
  readonly machineId: string;
  readonly machineName: string;
  readonly recordingIds: readonly string[];
  readonly notes: readonly ReviewNote[];
  /** When it was opened here (ISO 8601). */
  readonly openedAt: string;
  /** When its machine was added to the user's own machines, or null while it is a review only. */
  readonly adoptedAt: string | null;
}

/** What opening a bundle did: a review bundle became a review, or a reply's verdicts arrived. */
export type BundleOpenResult =
  | {
      readonly kind: 'review';
      readonly review: ReviewSummary;
      /** False when the library already held it (nothing was written). */
      readonly created: boolean;
    }
  | {
      readonly kind: 'reply';
      readonly senderName: string;
      /** The diagnoses that got a verdict now. */
      readonly diagnosisIds: readonly string[];
      /** Verdicts of the reply the library already held. */
      readonly alreadyHeld: number;
    };

/** A bundle written for download: where the page fetches it and the name to save it under. */
export interface BundleDownload {
  readonly url: string;
  readonly fileName: string;
  readonly sizeBytes: number;
}
