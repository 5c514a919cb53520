/**
 * The levels of a machine's characteristic-frequency lines over its diagnoses, as far as stored
 * reports hold them. A report keeps no level per line: it keeps findings, the spectral and
 * envelope lines at least 6 dB over the baseline's healthy maximum, each with the characteristic
 * frequency (and harmonic) it matches. A line's level in a diagnosis is therefore the excess of
 * its strongest matching finding, and null when no finding matched it (under 6 dB, or absent).
 */
import type { DiagnosisReport, FrequencyMatch, FrequencyRef } from '../diagnosis/report.ts';

/** Where a line was measured: the narrowband spectrum or the envelope spectrum. */
export type LineSource = 'spectrum' | 'envelope';

/** One characteristic line that was raised in at least one diagnosis of the trend. */
export interface TrendLine {
  /** Stable within one answer: the frequency, its harmonic and its source. */
  readonly key: string;
  readonly frequency: FrequencyRef;
  /** 1 = the characteristic frequency itself, 2 = its second harmonic … */
  readonly harmonic: number;
  readonly source: LineSource;
  /** harmonic × the characteristic frequency at the profile's speeds (the newest report's). */
  readonly frequencyHz: number;
}

/** The lines shown at most: the strongest ones over the whole trend. */
export const MAX_TREND_LINES = 6;

interface LineHit {
  readonly line: TrendLine;
  readonly excessDb: number;
}

function lineKey(match: FrequencyMatch, source: LineSource): string {
  const f = match.frequency;
  const parts = [f.kind, f.componentId, f.shaftId, f.order, f.sideband, f.carrier];
  return `${source}|${parts.map((part) => part ?? '').join('|')}|${match.harmonic}`;
}

/** The findings of a report that name a characteristic line, with their excess. */
export function lineHits(report: DiagnosisReport): LineHit[] {
  const hits: LineHit[] = [];
  for (const finding of report.findings) {
    const detail = finding.detail;
    // Reports stored before codes hold sentences: no match to read.
    if (typeof detail === 'string') continue;
    if (detail.code !== 'raised-line' && detail.code !== 'raised-envelope-line') continue;
    const match = detail.params.match;
    if (!match) continue;
    const source: LineSource = detail.code === 'raised-line' ? 'spectrum' : 'envelope';
    const line: TrendLine = {
      key: lineKey(match, source),
      frequency: match.frequency,
      harmonic: match.harmonic,
      source,
      frequencyHz: match.targetHz,
    };
    hits.push({ line, excessDb: detail.params.excessDb });
  }
  return hits;
}

/**
 * The lines raised anywhere in `reports` (oldest first), the strongest `maxLines` of them by
 * their largest excess, and each report's level of each (null: not raised there).
 */
export function lineLevels(
  reports: readonly DiagnosisReport[],
  maxLines = MAX_TREND_LINES,
): { lines: TrendLine[]; levelsDb: (number | null)[][] } {
  const perReport = reports.map((report) => {
    const strongest = new Map<string, LineHit>();
    for (const hit of lineHits(report)) {
      const seen = strongest.get(hit.line.key);
      if (!seen || hit.excessDb > seen.excessDb) strongest.set(hit.line.key, hit);
    }
    return strongest;
  });
  const peak = new Map<string, LineHit>();
  for (const hits of perReport) {
    for (const hit of hits.values()) {
      const seen = peak.get(hit.line.key);
      // The newest report's frequency wins (the profile may have been edited).
      peak.set(hit.line.key, {
        line: hit.line,
        excessDb: Math.max(hit.excessDb, seen?.excessDb ?? -Infinity),
      });
    }
  }
  const lines = [...peak.values()]
    .sort((a, b) => b.excessDb - a.excessDb || a.line.frequencyHz - b.line.frequencyHz)
    .slice(0, maxLines)
    .map((hit) => hit.line);
  const levelsDb = perReport.map((hits) =>
    lines.map((line) => hits.get(line.key)?.excessDb ?? null),
  );
  return { lines, levelsDb };
}
