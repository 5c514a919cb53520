/** Bounds on what a compressed recording may declare: beyond them a header is lying. */

/** The longest recording accepted: 24 hours. */
export const MAX_DURATION_SECONDS = 24 * 3600;
/** Sample rates from 8 kHz (AMR-NB) to 384 kHz. */
export const MIN_SAMPLE_RATE_HZ = 8000;
export const MAX_SAMPLE_RATE_HZ = 384_000;
/** Phones record one or two channels; surround files are still read, up to eight. */
export const MAX_CHANNELS = 8;
