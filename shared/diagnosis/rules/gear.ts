/** Gear wear: the mesh frequency raised, with sidebands at ± the shaft speed (docs/diagnosis.md). */
import type { CauseCandidate } from './candidate.ts';
import { logisticConfidence } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { originItems, round2 } from './items.ts';
import { RULES } from './thresholds.ts';

export function gearRule(ctx: RuleContext): CauseCandidate[] {
  const out: CauseCandidate[] = [];
  for (const mesh of ctx.frequencies.filter((f) => f.kind === 'gear-mesh')) {
    if (mesh.frequencyHz > ctx.maxLineHz) continue;
    const carrier = ctx.spectrumLine(mesh.frequencyHz, 0.01);
    const sidebands = ctx.frequencies
      .filter((f) => f.kind === 'gear-sideband' && f.carrierId === mesh.id)
      .map((f) => ({ f, line: ctx.spectrumLine(f.frequencyHz, 0.01) }))
      .filter(({ line }) => line.present && line.excessDb >= RULES.raisedLineDb);
    const carrierRaised = carrier.present && carrier.excessDb >= RULES.raisedLineDb;
    if (!carrierRaised && sidebands.length < 2) continue;
    const strength = Math.max(0, carrier.excessDb) + 4 * sidebands.length;
    out.push({
      id: 'gear-wear',
      componentId: mesh.componentId ?? null,
      confidence: logisticConfidence(strength, 12, 4),
      excessDb: Math.max(carrier.excessDb, ...sidebands.map((s) => s.line.excessDb)),
      evidence: [
        {
          code: 'gear-mesh-raised',
          params: { frequencyHz: round2(carrier.frequencyHz), excessDb: round2(carrier.excessDb) },
        },
        ...originItems(ctx.profile, mesh),
        {
          code: 'gear-sidebands-raised',
          params: {
            sidebands: sidebands.map((s) => ({
              frequencyHz: round2(s.line.frequencyHz),
              excessDb: round2(s.line.excessDb),
            })),
          },
        },
      ],
      explainedHz: [carrier.frequencyHz, ...sidebands.map((s) => s.line.frequencyHz)],
    });
  }
  return out;
}
