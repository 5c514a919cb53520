/**
 * A calibration refusal belongs to what it was about (the input device, the recording): shown
 * while that one is chosen, gone when another is, and not shown for another one when the
 * refusal of an earlier choice arrives late.
 */
import { describe, expect, it } from 'vitest';
import { failureFor } from '../../../../renderer/features/record/calibrationFailure.ts';

const refusal = { problem: 'no-points', line: 3 };

describe('a calibration refusal', () => {
  it('shows while its device is chosen', () => {
    expect(failureFor({ scope: 'UMIK-1', failure: refusal }, 'UMIK-1')).toBe(refusal);
  });

  it('is gone after switching to another input device', () => {
    expect(failureFor({ scope: 'UMIK-1', failure: refusal }, 'Built-in microphone')).toBeNull();
    expect(failureFor({ scope: 'UMIK-1', failure: refusal }, null)).toBeNull();
  });

  it('is nothing when there is none', () => {
    expect(failureFor(null, 'UMIK-1')).toBeNull();
  });
});
