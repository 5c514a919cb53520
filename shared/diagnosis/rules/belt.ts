/** Belt faults: the belt frequency and its harmonics, in the spectrum or the envelope. */
import type { CauseCandidate } from './candidate.ts';
import { logisticConfidence } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { originItems, round2 } from './items.ts';
import { RULES } from './thresholds.ts';

export function beltRule(ctx: RuleContext): CauseCandidate[] {
  const out: CauseCandidate[] = [];
  for (const belt of ctx.frequencies.filter((f) => f.kind === 'belt')) {
    const lines = [1, 2, 3, 4]
      .map((k) => ({ k, line: ctx.spectrumLine(k * belt.frequencyHz, 0.02) }))
      .filter(({ line }) => line.present && line.excessDb >= RULES.raisedLineDb);
    // A flapping or slipping belt modulates what it rubs: the belt frequency in the envelope.
    const flutter = ctx.envelopeLine(belt.frequencyHz, 0.02);
    const fluttering = flutter.present && flutter.excessDb >= RULES.raisedLineDb;
    if (fluttering) lines.push({ k: 1, line: flutter });
    if (lines.length < 2 && !fluttering) continue;
    out.push({
      id: 'belt',
      componentId: belt.componentId ?? null,
      confidence: logisticConfidence(
        lines.length * 4 + Math.max(...lines.map((l) => l.line.excessDb)),
        16,
        4,
      ),
      excessDb: Math.max(...lines.map((l) => l.line.excessDb)),
      evidence: [
        {
          code: 'belt-lines-raised',
          params: {
            lines: lines.map(({ k, line }) => ({
              order: k,
              frequencyHz: round2(line.frequencyHz),
              excessDb: round2(line.excessDb),
            })),
            lastInEnvelope: fluttering,
          },
        },
        ...originItems(ctx.profile, belt),
      ],
      explainedHz: lines.map((l) => l.line.frequencyHz),
    });
  }
  return out;
}
