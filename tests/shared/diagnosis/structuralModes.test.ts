/**
 * Structural modes from a healthy spectrum (issue 9): resonance humps of the floor are found where
 * they are, lines standing on the floor are not humps, and a flat floor has no mode.
 */
import { describe, expect, it } from 'vitest';
import { findStructuralModes } from '../../../shared/diagnosis/baseline/structuralModes.ts';
import { createRandom } from '../../../shared/simulation/random.ts';

const BIN_WIDTH_HZ = 48000 / 32768;
const TOP_HZ = 21600;

/**
 * A floor falling 3 dB per octave with ±1 dB of estimation noise, humps of the given heights (dB)
 * with Q = 30, and shaft lines every 24.7 Hz standing 15 dB up.
 */
function spectrum(humps: readonly { hz: number; db: number }[], lines = true): number[] {
  const random = createRandom(5);
  const bins = Math.floor(TOP_HZ / BIN_WIDTH_HZ) + 1;
  return Array.from({ length: bins }, (_, k) => {
    const f = Math.max(k * BIN_WIDTH_HZ, 1);
    let power = 10 ** ((-3 * Math.log2(f / 100)) / 10);
    for (const { hz, db } of humps) {
      const halfWidth = hz / 60;
      power *= 1 + (10 ** (db / 10) - 1) / (1 + ((f - hz) / halfWidth) ** 2);
    }
    const line = lines && Math.abs(f / 24.7 - Math.round(f / 24.7)) * 24.7 < BIN_WIDTH_HZ / 2;
    return 10 * Math.log10(power) - 80 + random.uniform(-1, 1) + (line ? 15 : 0);
  });
}

describe('findStructuralModes', () => {
  it('finds each hump within 1 %, lines and noise aside', () => {
    const humps = [
      { hz: 1800, db: 3 },
      { hz: 4200, db: 6 },
      { hz: 9000, db: 2 },
    ];
    const modes = findStructuralModes(spectrum(humps), BIN_WIDTH_HZ, TOP_HZ);
    expect(modes).toHaveLength(3);
    humps.forEach((h, i) => expect(Math.abs(modes[i] - h.hz)).toBeLessThan(0.01 * h.hz));
  });

  it('finds none on a smooth floor with lines on it', () => {
    expect(findStructuralModes(spectrum([]), BIN_WIDTH_HZ, TOP_HZ)).toEqual([]);
  });

  it('ignores a hump below 1 dB and one within a third of an octave of the top', () => {
    const humps = [
      { hz: 3000, db: 0.5 },
      { hz: 20000, db: 6 },
    ];
    expect(findStructuralModes(spectrum(humps), BIN_WIDTH_HZ, TOP_HZ)).toEqual([]);
  });

  it('gives the same modes for the same spectrum, byte for byte', () => {
    const levels = spectrum([{ hz: 2300, db: 2 }]);
    const a = JSON.stringify(findStructuralModes(levels, BIN_WIDTH_HZ, TOP_HZ));
    expect(JSON.stringify(findStructuralModes([...levels], BIN_WIDTH_HZ, TOP_HZ))).toBe(a);
  });
});
