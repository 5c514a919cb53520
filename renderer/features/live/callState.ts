/**
 * How a live call's messages change its state, kept pure so that the hooks (useTechnicianCall,
 * useExpertCall) stay thin and the rules can be tested without a hub or a browser.
 */
import type { LivePerson } from '../../../shared/live/protocol.ts';

/** The expert's page: connecting to the hub, ready (requests listed), in a call, or after one. */
export type ExpertPhase = 'connecting' | 'ready' | 'joining' | 'in-call' | 'ended' | 'offline';

/** The talk key of `id` pressed (`on`) or released. */
export function talkingChanged(
  talking: ReadonlySet<string>,
  id: string,
  on: boolean,
): ReadonlySet<string> {
  const next = new Set(talking);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * The talkers still among `people`. An expert who left holding the key sends no release, so
 * without this a rejoin would show them talking before they press it again.
 */
export function talkingAfterListeners(
  talking: ReadonlySet<string>,
  people: readonly LivePerson[],
): ReadonlySet<string> {
  const ids = new Set(people.map((person) => person.id));
  if ([...talking].every((id) => ids.has(id))) return talking;
  return new Set([...talking].filter((id) => ids.has(id)));
}

/**
 * Whether a hub `error` ends the expert's call as refused ("cannot be joined"). Only while
 * joining or in the call: an error after the call ended (the talk key released as the technician
 * ended it) answers a message the hub could no longer place, and must not replace why it ended.
 */
export function errorEndsCall(phase: ExpertPhase): boolean {
  return phase === 'joining' || phase === 'in-call';
}
