/**
 * The jobs an analysis worker can run. A job reads one frame range of one file (opening the file
 * itself, so no samples cross between threads) and returns a mergeable partial: plain data that
 * survives postMessage. To add a job (the diagnosis features of a later issue, say): write its
 * module, then add one line to `RangeJobTypes` and one to `rangeJobLoaders`.
 */
import type { FeaturePartial } from '../../shared/diagnosis/features/rangeAccumulator.ts';
import type { FeaturePlan } from '../../shared/diagnosis/features/plan.ts';
import type { FeaturePlanJobOptions } from './featurePlanJob.ts';
import type { FeaturesJobOptions } from './featuresJob.ts';
import type { PeaksJobOptions, PeaksPartial } from './peaksJob.ts';
import type { SpectrogramJobOptions, SpectrogramPartial } from './spectrogramJob.ts';
import type { SpectraJobOptions, SpectraPartial } from './spectraJob.ts';
import type { SpeedsJobOptions } from './speedsJob.ts';
import type { SurveyJobOptions } from './surveyJob.ts';
import type { SignalSurvey } from '../../shared/diagnosis/signalSurvey.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';

import type { RangeJob } from './rangeTask.ts';

/** Every job by name: the options it takes and the partial it returns. */
export interface RangeJobTypes {
  spectra: { options: SpectraJobOptions; partial: SpectraPartial };
  featurePlan: { options: FeaturePlanJobOptions; partial: FeaturePlan };
  features: { options: FeaturesJobOptions; partial: FeaturePartial };
  spectrogram: { options: SpectrogramJobOptions; partial: SpectrogramPartial };
  peaks: { options: PeaksJobOptions; partial: PeaksPartial };
  survey: { options: SurveyJobOptions; partial: SignalSurvey };
  speeds: { options: SpeedsJobOptions; partial: ShaftSpeedEstimate[] };
}

export type RangeJobName = keyof RangeJobTypes;
export type RangeJobOptions<Name extends RangeJobName> = RangeJobTypes[Name]['options'];
export type RangeJobPartial<Name extends RangeJobName> = RangeJobTypes[Name]['partial'];

type RangeJobLoaders = {
  readonly [Name in RangeJobName]: () => Promise<
    RangeJob<RangeJobOptions<Name>, RangeJobPartial<Name>>
  >;
};

/**
 * Loaded on first use by the thread that runs a job (a pool worker, or the caller's thread for
 * an inline pool and the command line's callerRuns), so a host that never runs one never loads
 * its DSP code.
 */
export const rangeJobLoaders: RangeJobLoaders = {
  spectra: async () => (await import('./spectraJob.ts')).runSpectraJob,
  featurePlan: async () => (await import('./featurePlanJob.ts')).runFeaturePlanJob,
  features: async () => (await import('./featuresJob.ts')).runFeaturesJob,
  spectrogram: async () => (await import('./spectrogramJob.ts')).runSpectrogramJob,
  peaks: async () => (await import('./peaksJob.ts')).runPeaksJob,
  survey: async () => (await import('./surveyJob.ts')).runSurveyJob,
  speeds: async () => (await import('./speedsJob.ts')).runSpeedsJob,
};

export function isRangeJobName(name: unknown): name is RangeJobName {
  return typeof name === 'string' && Object.hasOwn(rangeJobLoaders, name);
}
