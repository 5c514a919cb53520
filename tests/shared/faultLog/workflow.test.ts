/** The fault log's status rules (shared/faultLog/workflow.ts), move by move. */
import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  FAULT_STATUSES,
  FaultLogRuleError,
  isTransitionAllowed,
  nextStatuses,
  personName,
  transitionProblem,
} from '../../../shared/faultLog/workflow.ts';

const none = { reason: '', followUpRecordingId: null };

describe('the fault-log workflow', () => {
  it('allows forward moves (skipping steps), dismissal before verified, nothing from a final status', () => {
    expect(Object.fromEntries(FAULT_STATUSES.map((s) => [s, nextStatuses(s)]))).toEqual({
      open: ['acknowledged', 'repair-planned', 'repaired', 'verified', 'dismissed'],
      acknowledged: ['repair-planned', 'repaired', 'verified', 'dismissed'],
      'repair-planned': ['repaired', 'verified', 'dismissed'],
      repaired: ['verified', 'dismissed'],
      verified: [],
      dismissed: [],
    });
    expect(isTransitionAllowed('open', 'open')).toBe(false);
    expect(isTransitionAllowed('repaired', 'open')).toBe(false);
  });

  it('needs a reason to dismiss and a follow-up recording to verify, and only then', () => {
    expect(transitionProblem('open', 'dismissed', none)).toBe('reason-required');
    expect(transitionProblem('open', 'dismissed', { ...none, reason: ' \n\t ' })).toBe(
      'reason-required',
    );
    expect(transitionProblem('open', 'dismissed', { ...none, reason: 'false alarm' })).toBeNull();
    expect(transitionProblem('repaired', 'verified', none)).toBe('follow-up-required');
    expect(transitionProblem('repaired', 'verified', { ...none, followUpRecordingId: 'r' })).toBe(
      null,
    );
    expect(transitionProblem('open', 'repaired', { ...none, followUpRecordingId: 'r' })).toBe(
      'follow-up-not-expected',
    );
    // The status rule comes first: a final entry is refused whatever the call brings.
    expect(transitionProblem('verified', 'dismissed', none)).toBe('transition-not-allowed');
  });

  it('throws a FaultLogRuleError naming both statuses of a refused move', () => {
    expect(() => assertTransition('repaired', 'acknowledged', none)).toThrow(FaultLogRuleError);
    try {
      assertTransition('repaired', 'acknowledged', none);
    } catch (error) {
      expect(error).toMatchObject({
        problem: 'transition-not-allowed',
        params: { from: 'repaired', to: 'acknowledged' },
      });
    }
    expect(() => assertTransition('open', 'acknowledged', none)).not.toThrow();
  });

  it('trims names and refuses empty or over-long ones', () => {
    expect(personName('  Li Wei ')).toBe('Li Wei');
    expect(personName('   ')).toBeNull();
    expect(personName('   ', true)).toBe('');
    expect(personName('王'.repeat(100))).toBe('王'.repeat(100));
    expect(personName('x'.repeat(101), true)).toBeNull();
  });
});
