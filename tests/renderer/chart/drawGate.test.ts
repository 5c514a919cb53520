import { describe, expect, it } from 'vitest';
import { DrawGate } from '../../../renderer/chart/drawGate.ts';

/** A frame scheduler the test steps by hand. */
function frames() {
  const pending: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => {
      pending.push(callback);
      return () => pending.splice(pending.indexOf(callback), 1);
    },
    step: () => pending.splice(0).forEach((callback) => callback()),
    get waiting() {
      return pending.length;
    },
  };
}

describe('DrawGate', () => {
  it('draws many updates once per frame', () => {
    const clock = frames();
    let draws = 0;
    const gate = new DrawGate(clock.schedule, () => draws++);
    for (let i = 0; i < 5; i++) gate.request();
    expect(clock.waiting).toBe(1);
    clock.step();
    expect(draws).toBe(1);
    clock.step();
    expect(draws).toBe(1);
  });

  it('draws nothing off screen or in a hidden tab, and catches up once when shown', () => {
    const clock = frames();
    let draws = 0;
    const gate = new DrawGate(clock.schedule, () => draws++);
    gate.setOnScreen(false);
    gate.request();
    gate.request();
    clock.step();
    expect(draws).toBe(0);
    gate.setTabShown(false);
    gate.setOnScreen(true);
    clock.step();
    expect(draws).toBe(0);
    gate.setTabShown(true);
    clock.step();
    expect(draws).toBe(1);
    gate.request();
    gate.dispose();
    clock.step();
    expect(draws).toBe(1);
  });
});
