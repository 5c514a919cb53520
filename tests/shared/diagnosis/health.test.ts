/** A machine's health at a glance, from its newest diagnosis (shared/diagnosis/health.ts). */
import { describe, expect, it } from 'vitest';
import { machineHealth, verdictOf } from '../../../shared/diagnosis/health.ts';

describe('machine health', () => {
  it('maps a diagnosis to normal, watch or act now by its top cause severity', () => {
    expect(verdictOf({ anomalous: false, severity: null })).toBe('normal');
    // A cause can be named below the threshold: the score decides, not the cause.
    expect(verdictOf({ anomalous: false, severity: 'serious' })).toBe('normal');
    expect(verdictOf({ anomalous: true, severity: null })).toBe('watch');
    expect(verdictOf({ anomalous: true, severity: 'slight' })).toBe('watch');
    expect(verdictOf({ anomalous: true, severity: 'moderate' })).toBe('watch');
    expect(verdictOf({ anomalous: true, severity: 'serious' })).toBe('act-now');
    expect(verdictOf({ anomalous: true, severity: 'extreme' })).toBe('act-now');
  });

  it('says no baseline yet before anything else, and not checked without a diagnosis', () => {
    const serious = { anomalous: true, severity: 'serious' } as const;
    expect(machineHealth(false, serious)).toBe('no-baseline');
    expect(machineHealth(false, null)).toBe('no-baseline');
    expect(machineHealth(true, null)).toBe('unchecked');
    expect(machineHealth(true, serious)).toBe('act-now');
  });
});
