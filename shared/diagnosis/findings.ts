/**
 * The findings list of a report: what is anomalous, where, by how much, and which kinematic
 * frequency (if any) it matches. With a baseline the comparison supplies them; without one,
 * the characteristic frequencies that stand out of their own spectral floor.
 */
import type { CharacteristicFrequency } from './characteristicFrequencies.ts';
import type { Finding, FrequencyMatch } from './report.ts';
import type { RuleContext } from './rules/context.ts';
import { frequencyRef, round2 } from './rules/items.ts';
import { RULES } from './rules/thresholds.ts';

const MAX_PER_KIND = 8;
const ENVELOPE_KINDS = new Set([
  'bearing-bpfo',
  'bearing-bpfi',
  'bearing-2bsf',
  'bearing-ftf',
  'ballscrew-ball-pass',
  'belt',
]);

const round = round2;

/** The closest harmonic (1–4) of a kinematic frequency within 2 % ("matches 2x BPFO of …"). */
function match(
  frequencies: readonly CharacteristicFrequency[],
  frequencyHz: number,
): FrequencyMatch | null {
  let best: { found: FrequencyMatch; distance: number } | null = null;
  for (const harmonic of [1, 2, 3, 4]) {
    for (const f of frequencies) {
      const target = harmonic * f.frequencyHz;
      // A lower harmonic wins a near tie: it is the simpler explanation.
      const distance = Math.abs(frequencyHz - target) / target + 0.001 * harmonic;
      if (Math.abs(frequencyHz - target) > 0.02 * target + 0.5) continue;
      if (best && best.distance <= distance) continue;
      const found = { harmonic, frequency: frequencyRef(f), targetHz: round(target) };
      best = { found, distance };
    }
  }
  return best?.found ?? null;
}

function withBaseline(ctx: RuleContext): Finding[] {
  const c = ctx.comparison!;
  const f = ctx.frequencies;
  const peaks = c.peaks
    .filter((p) => p.excessDb >= RULES.raisedLineDb && p.z >= 2)
    .slice(0, MAX_PER_KIND)
    .map((p): Finding => ({
      kind: 'peak',
      frequencyHz: round(p.frequencyHz),
      excessDb: round(p.excessDb),
      detail: {
        code: 'raised-line',
        params: { excessDb: round(p.excessDb), match: match(f, p.frequencyHz) },
      },
    }));
  const bands = c.bands
    .filter((b) => b.z >= 3 && b.deviationDb >= RULES.raisedFloorDb)
    .sort((a, b) => b.z - a.z)
    .slice(0, MAX_PER_KIND)
    .map((b): Finding => ({
      kind: 'band',
      frequencyHz: round(b.centreHz),
      excessDb: round(b.deviationDb),
      detail: {
        code: 'raised-band',
        params: { centreHz: round(b.centreHz), excessDb: round(b.deviationDb), z: round(b.z) },
      },
    }));
  const envelope = c.envelopeLines
    .filter((l) => l.excessDb >= RULES.raisedLineDb && l.z >= 2)
    .slice(0, MAX_PER_KIND)
    .map((l): Finding => ({
      kind: 'envelope',
      frequencyHz: round(l.frequencyHz),
      excessDb: round(l.excessDb),
      detail: {
        code: 'raised-envelope-line',
        params: { excessDb: round(l.excessDb), match: match(f, l.frequencyHz) },
      },
    }));
  const impulsive: Finding[] =
    c.impulsiveness.z >= RULES.impulsiveZ
      ? [
          {
            kind: 'impulsive',
            frequencyHz: 0,
            excessDb: round(
              10 *
                Math.log10(
                  c.impulsiveness.kurtosis / Math.max(1, c.impulsiveness.baselineKurtosis),
                ),
            ),
            detail: {
              code: 'impacts',
              params: {
                kurtosis: round(c.impulsiveness.kurtosis),
                baselineKurtosis: round(c.impulsiveness.baselineKurtosis),
              },
            },
          },
        ]
      : [];
  return [...impulsive, ...peaks, ...envelope, ...bands];
}

function withoutBaseline(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const f of ctx.frequencies) {
    if (f.frequencyHz > ctx.maxLineHz || f.frequencyHz < 2) continue;
    const envelope = ENVELOPE_KINDS.has(f.kind);
    const line = envelope ? ctx.envelopeLine(f.frequencyHz) : ctx.spectrumLine(f.frequencyHz, 0.01);
    if (!line.present || line.prominenceDb < 10) continue;
    out.push({
      kind: envelope ? 'envelope' : 'peak',
      frequencyHz: round(line.frequencyHz),
      excessDb: round(line.prominenceDb),
      detail: {
        code: 'kinematic-line-prominent',
        params: {
          frequency: frequencyRef(f),
          frequencyHz: round(f.frequencyHz),
          prominenceDb: round(line.prominenceDb),
          floor: envelope ? 'envelope' : 'spectrum',
        },
      },
    });
  }
  return out
    .sort((a, b) => b.excessDb - a.excessDb || a.frequencyHz - b.frequencyHz)
    .slice(0, 2 * MAX_PER_KIND);
}

export function findingsFrom(ctx: RuleContext): Finding[] {
  return ctx.comparison ? withBaseline(ctx) : withoutBaseline(ctx);
}
