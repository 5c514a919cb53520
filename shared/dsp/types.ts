/** A spectrum or any function of frequency: values[i] belongs to frequenciesHz[i]. */
export interface FrequencySeries {
  readonly frequenciesHz: Float64Array;
  readonly values: Float64Array;
}

/** A mono signal with its sample rate. */
export interface Signal {
  readonly samples: Float64Array | Float32Array;
  readonly sampleRateHz: number;
}

export type SampleArray = Float64Array | Float32Array;
