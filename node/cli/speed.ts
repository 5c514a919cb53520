/** `auscult speed`: each shaft's speed estimated from a recording, as text or JSON. */
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import { readProfileFile } from '../diagnosis/jsonFiles.ts';
import { withWavPath } from '../diagnosis/featuresFromFile.ts';
import { estimateFileSpeeds } from '../diagnosis/speedFromFile.ts';
import type { SpeedArgs } from './args.ts';
import type { CommandOutput } from './commands.ts';
import { InputError } from './errors.ts';

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The `--json` object: `{ shafts: [{ id, rpm, confidence }] }`, rpm to 0.1. */
export function speedJson(estimates: readonly ShaftSpeedEstimate[]) {
  return {
    shafts: estimates.map((e) => ({
      id: e.shaftId,
      rpm: round(e.rpm, 1),
      confidence: round(e.confidence, 2),
    })),
  };
}

function speedText(path: string, estimates: readonly ShaftSpeedEstimate[]): string {
  const width = Math.max(...estimates.map((e) => e.shaftId.length));
  const lines = estimates.map(
    (e) =>
      `  ${e.shaftId.padEnd(width)}  ${e.rpm.toFixed(1).padStart(8)} rpm  confidence ` +
      `${e.confidence.toFixed(2)}  (profile ${round(e.nominalRpm, 1)} rpm, searched ` +
      `${Math.round(e.minRpm)}–${Math.round(e.maxRpm)})`,
  );
  return `Shaft speeds estimated from ${path}:\n${lines.join('\n')}\n`;
}

export async function runSpeed(args: SpeedArgs): Promise<CommandOutput> {
  const profile = await readProfileFile(args.profilePath);
  if (profile.shafts.length === 0) {
    throw new InputError(`profile "${profile.id}" has no shafts, so there is no speed to estimate`);
  }
  const estimates = await withWavPath(args.recordingPath, (wavPath) =>
    estimateFileSpeeds(wavPath, profile),
  );
  return {
    stdout: args.json
      ? `${JSON.stringify(speedJson(estimates))}\n`
      : speedText(args.recordingPath, estimates),
    warnings: [],
  };
}
