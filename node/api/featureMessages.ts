/** What the feature thread and its worker say to each other. */
import type { ApiErrorParams, ApiErrorReason } from '../../shared/api/errors.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { FrameRange } from '../diagnosis/featuresFromFile.ts';

export interface FeatureTask {
  readonly taskId: number;
  readonly path: string;
  readonly range: FrameRange | undefined;
}

/** `input`: an InputError (a file unfit for analysis); `other`: anything else. */
export interface FeatureFailure {
  readonly kind: 'input' | 'other';
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  /** An InputError's reason and params, carried across so the page's sentence survives. */
  readonly reason?: ApiErrorReason;
  readonly params?: ApiErrorParams;
}

export type FeatureAnswer =
  | { readonly taskId: number; readonly ok: true; readonly features: RecordingFeatures }
  | { readonly taskId: number; readonly ok: false; readonly failure: FeatureFailure };
