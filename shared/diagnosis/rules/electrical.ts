/** Electrical faults: twice the line frequency raised, with pole-pass sidebands (motors). */
import type { CauseCandidate } from './candidate.ts';
import { logisticConfidence } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { round2 } from './items.ts';
import { RULES } from './thresholds.ts';

export function electricalRule(ctx: RuleContext): CauseCandidate[] {
  const twice = ctx.frequencies.find((f) => f.kind === 'line-2x');
  if (!twice || twice.frequencyHz > ctx.maxLineHz) return [];
  // Mains lines do not move with shaft speed: a narrow search.
  const line = ctx.spectrumLine(twice.frequencyHz, 0.003);
  if (!(line.present && line.excessDb >= RULES.raisedLineDb)) return [];
  const sidebands = ctx.frequencies
    .filter((f) => f.kind === 'pole-pass-sideband' && f.carrierId === twice.id)
    .map((f) => ctx.spectrumLine(f.frequencyHz, 0.003))
    .filter((l) => l.present && l.excessDb >= RULES.raisedLineDb / 2);
  const motor = ctx.frequencies.find((f) => f.kind === 'pole-pass');
  return [
    {
      id: 'electrical',
      componentId: motor?.componentId ?? null,
      confidence: logisticConfidence(line.excessDb + 3 * sidebands.length, 10, 3),
      excessDb: line.excessDb,
      evidence: [
        {
          code: 'line-2x-raised',
          params: { frequencyHz: round2(line.frequencyHz), excessDb: round2(line.excessDb) },
        },
        sidebands.length
          ? {
              code: 'pole-pass-sidebands',
              params: { frequenciesHz: sidebands.map((s) => round2(s.frequencyHz)) },
            }
          : { code: 'no-pole-pass-sidebands', params: {} },
      ],
      explainedHz: [line.frequencyHz, ...sidebands.map((s) => s.frequencyHz)],
    },
  ];
}
