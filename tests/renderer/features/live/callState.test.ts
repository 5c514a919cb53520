/**
 * The call's state as messages change it: who holds the talk key among the experts still in the
 * call, and whether an `error` from the hub ends the expert's call (only while joining or in it).
 */
import { describe, expect, it } from 'vitest';
import {
  errorEndsCall,
  talkingAfterListeners,
  talkingChanged,
} from '../../../../renderer/features/live/callState.ts';

const ana = { id: 'ana', name: 'Ana' };
const bo = { id: 'bo', name: 'Bo' };

describe('talk state of the experts in a call', () => {
  it('forgets an expert who left while holding the key, so a rejoin is silent', () => {
    let talking = talkingChanged(new Set(), 'ana', true);
    talking = talkingChanged(talking, 'bo', true);
    talking = talkingAfterListeners(talking, [bo]);
    expect([...talking]).toEqual(['bo']);
    // Ana comes back: she does not hold the key until her page says so again.
    talking = talkingAfterListeners(talking, [bo, ana]);
    expect(talking.has('ana')).toBe(false);
    expect(talkingChanged(talking, 'ana', true).has('ana')).toBe(true);
  });

  it('keeps the same set when nobody who talks has left (no needless render)', () => {
    const talking = talkingChanged(new Set(), 'ana', true);
    expect(talkingAfterListeners(talking, [ana, bo])).toBe(talking);
  });

  it('releases the key', () => {
    const talking = talkingChanged(talkingChanged(new Set(), 'ana', true), 'ana', false);
    expect(talking.size).toBe(0);
  });
});

describe('an error from the hub on the expert side', () => {
  it('ends a call being joined or running', () => {
    expect(errorEndsCall('joining')).toBe(true);
    expect(errorEndsCall('in-call')).toBe(true);
  });

  it('leaves the reason of a call that already ended (talk key released as it ended)', () => {
    expect(errorEndsCall('ended')).toBe(false);
    expect(errorEndsCall('ready')).toBe(false);
    expect(errorEndsCall('offline')).toBe(false);
  });
});
