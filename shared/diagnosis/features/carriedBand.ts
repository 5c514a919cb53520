/**
 * The top of the band a recording really carries. A lossy encoder low-passes what its bit rate
 * cannot afford (AAC at 64 kbit/s stops near 17 kHz in a 48 kHz file) and leaves above it a band
 * 25–75 dB under the rest, holding little but quantisation spill around each transient. Spectral
 * kurtosis reads that spill as impacts, so the demodulation band would be chosen there and the
 * envelope would hear the codec, not the machine (a simulated outer-race fault through AAC lost
 * its bearing lines and was called contamination). The demodulation band is therefore chosen
 * below this top. A recording without such a cliff keeps its whole analysed band.
 */
import { welch } from '../../dsp/welch.ts';
import type { SampleArray } from '../../dsp/types.ts';

export const CARRIED_BAND = {
  /**
   * The level falls by this much across the edge (mean over `edgeSpanHz` either side): an
   * encoder's low-pass is a cliff (AAC falls 20–30 dB within 200 Hz), a machine's or a
   * microphone's roll-off a slope...
   */
  minEdgeDropDb: 15,
  edgeSpanHz: 400,
  /**
   * ...and what lies above the edge is this far under what lies below (medians): AAC's stop band
   * lies 35–75 dB under, spill included; a machine's own spectrum, resonances and all, keeps its
   * upper band within this of the rest.
   */
  stopBelowPassDb: 30,
  /** A stop band narrower than this is left alone (it hardly narrows the choice). */
  minStopWidthHz: 500,
  /** Welch segment, samples: ~94 Hz bins at 48 kHz, fine enough to place a low-pass edge. */
  segmentLength: 512,
} as const;

const meanOf = (values: readonly number[]) =>
  values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Mean level over `edgeSpanHz` below `edgeHz` less the mean over as much above it, dB. */
function cliffDropDb(hz: readonly number[], db: readonly number[], edgeHz: number): number {
  const span = CARRIED_BAND.edgeSpanHz;
  const below = db.filter((_, i) => hz[i] < edgeHz && hz[i] >= edgeHz - span);
  const above = db.filter((_, i) => hz[i] > edgeHz && hz[i] <= edgeHz + span);
  return meanOf(below) - meanOf(above);
}

/** Bin frequencies and levels (dB) of the excerpt's spectrum over `lowHz`–`highHz`. */
function levels(excerpt: SampleArray, sampleRateHz: number, lowHz: number, highHz: number) {
  const psd = welch(excerpt, sampleRateHz, {
    segmentLength: CARRIED_BAND.segmentLength,
    overlap: 0.5,
  });
  const hz: number[] = [];
  const db: number[] = [];
  psd.frequenciesHz.forEach((f, k) => {
    if (f < lowHz || f > highHz) return;
    hz.push(f);
    db.push(10 * Math.log10(psd.values[k] + 1e-300));
  });
  return { hz, db, binWidthHz: psd.binWidthHz };
}

/**
 * The frequency up to `highHz` below which the recording still carries sound: the edge of a
 * codec's stop band at the top of `lowHz`–`highHz` (see CARRIED_BAND), or `highHz` when there is
 * none or the excerpt is too short to tell.
 */
export function carriedBandTopHz(
  excerpt: SampleArray,
  sampleRateHz: number,
  lowHz: number,
  highHz: number,
): number {
  if (excerpt.length < 4 * CARRIED_BAND.segmentLength) return highHz;
  const { hz, db, binWidthHz } = levels(excerpt, sampleRateHz, lowHz, highHz);
  const topHz = hz[hz.length - 1];
  const drop = (e: number) => cliffDropDb(hz, db, hz[e] + binWidthHz / 2);
  // The lowest cliff with an empty band above it (a codec may cut twice: AAC's low-pass, then
  // its own floor; the first cut is where the sound ends), placed where it falls steepest.
  for (let e = 0; e < hz.length - 1; e++) {
    const edgeHz = hz[e] + binWidthHz / 2;
    if (edgeHz - CARRIED_BAND.edgeSpanHz < lowHz) continue;
    if (topHz - edgeHz < CARRIED_BAND.minStopWidthHz) break;
    if (drop(e) < CARRIED_BAND.minEdgeDropDb) continue;
    if (medianOf(db.slice(0, e + 1)) - medianOf(db.slice(e + 1)) < CARRIED_BAND.stopBelowPassDb) {
      continue;
    }
    let steepest = e;
    for (let next = e + 1; next < hz.length - 1 && drop(next) > drop(steepest); next++) {
      steepest = next;
    }
    return hz[steepest] + binWidthHz / 2;
  }
  return highHz;
}
