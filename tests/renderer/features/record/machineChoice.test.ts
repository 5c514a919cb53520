import { describe, expect, it } from 'vitest';
import { defaultMachineId } from '../../../../renderer/features/record/machineChoice.ts';

const machines = [
  { id: 'a', isDemo: false },
  { id: 'demo', isDemo: true },
  { id: 'c', isDemo: false },
];

describe('defaultMachineId', () => {
  it.each([
    ['the last machine used', machines, 'c', 'c'],
    ['the demo machine when the last one is gone', machines, 'gone', 'demo'],
    ['the demo machine the first time', machines, null, 'demo'],
    ['the first machine without a demo', [machines[0], machines[2]], null, 'a'],
    ['nothing without machines', [], 'a', null],
  ])('chooses %s', (_case, list, last, expected) => {
    expect(defaultMachineId(list, last)).toBe(expected);
  });
});
