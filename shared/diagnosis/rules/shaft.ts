/**
 * Shaft faults from the orders of a shaft's speed (docs/formats.md, causes): unbalance 1x,
 * misalignment 2x (often above 1x) and 3x, looseness many harmonics and half orders.
 */
import type { CauseCandidate } from './candidate.ts';
import type { EvidenceItem } from '../report.ts';
import { logisticConfidence } from './candidate.ts';
import type { LineMeasure, RuleContext } from './context.ts';
import { round2 } from './items.ts';
import { RULES } from './thresholds.ts';

function raised(line: LineMeasure): boolean {
  return line.present && line.excessDb >= RULES.raisedLineDb;
}

function orderItem(order: number, line: LineMeasure): EvidenceItem {
  return {
    code: 'shaft-order-raised',
    params: { order, frequencyHz: round2(line.frequencyHz), excessDb: round2(line.excessDb) },
  };
}

export function shaftRule(ctx: RuleContext): CauseCandidate[] {
  const out: CauseCandidate[] = [];
  const shafts = new Map<string, number>();
  for (const f of ctx.frequencies) {
    if (f.kind === 'shaft-order' && f.order === 1 && f.shaftId)
      shafts.set(f.shaftId, f.frequencyHz);
  }
  for (const [shaftId, speedHz] of shafts) {
    if (speedHz < 2 || speedHz * 3 > ctx.maxLineHz) continue;
    const orders = new Map<number, LineMeasure>();
    for (let k = 0.5; k <= 10; k += 0.5) {
      if (k * speedHz <= ctx.maxLineHz) orders.set(k, ctx.spectrumLine(k * speedHz));
    }
    const one = orders.get(1)!;
    const two = orders.get(2)!;
    const three = orders.get(3);
    const explained = (lines: LineMeasure[]) => lines.map((l) => l.frequencyHz);

    const raisedHarmonics = [...orders].filter(
      ([k, l]) => k >= 1 && Number.isInteger(k) && raised(l),
    );
    const raisedHalves = [...orders].filter(([k, l]) => !Number.isInteger(k) && raised(l));
    if (raisedHarmonics.length + raisedHalves.length >= 4 && raisedHalves.length >= 1) {
      const lines = [...raisedHarmonics, ...raisedHalves].map(([, l]) => l);
      out.push({
        id: 'looseness',
        componentId: shaftId,
        confidence: logisticConfidence(lines.length + raisedHalves.length, 5, 1.5),
        excessDb: Math.max(...lines.map((l) => l.excessDb)),
        evidence: [
          {
            code: 'shaft-looseness',
            params: {
              harmonicCount: raisedHarmonics.length,
              halfOrderCount: raisedHalves.length,
              thresholdDb: RULES.raisedLineDb,
              orders: raisedHarmonics.concat(raisedHalves).map(([k]) => k),
              shaftHz: round2(speedHz),
            },
          },
        ],
        explainedHz: explained(lines),
      });
      continue;
    }
    if (raised(two) && two.excessDb >= one.excessDb - 1) {
      const lines = [two, ...(three && raised(three) ? [three] : [])];
      out.push({
        id: 'misalignment',
        componentId: shaftId,
        confidence: logisticConfidence(two.excessDb + (lines.length - 1) * 3, 9, 3),
        excessDb: Math.max(...lines.map((l) => l.excessDb)),
        evidence: [
          orderItem(2, two),
          ...(lines[1] ? [orderItem(3, lines[1])] : []),
          orderItem(1, one),
        ],
        explainedHz: explained(lines),
      });
      continue;
    }
    if (raised(one)) {
      out.push({
        id: 'unbalance',
        componentId: shaftId,
        confidence: logisticConfidence(one.excessDb - Math.max(0, two.excessDb), 8, 3),
        excessDb: one.excessDb,
        evidence: [
          orderItem(1, one),
          { code: 'rise-at-1x-alone', params: { secondOrderExcessDb: round2(two.excessDb) } },
        ],
        explainedHz: [one.frequencyHz],
      });
    }
  }
  return out;
}
