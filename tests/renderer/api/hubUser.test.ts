/**
 * Who the page shows what (renderer/api/hubUser.ts): a desktop linked to a hub offers "Ask an
 * expert" to its technician, but the hub's own screens (queue, live requests, admin) stay on
 * pages the hub serves, whatever role the link's person has.
 */
import { describe, expect, it } from 'vitest';
import {
  mayAsk,
  mayJoin,
  reviewsDiagnoses,
  servedByHub,
  viaDesktopLink,
} from '../../../renderer/api/hubUser.ts';
import type { HubMe } from '../../../renderer/api/hubUser.ts';

const person = (role: HubMe['role'], via?: HubMe['via']): HubMe => ({
  name: 'someone',
  role,
  plantIds: ['p1'],
  ...(via ? { via } : {}),
});

describe('the hub person of a page', () => {
  it('counts an answer without via, or via the hub, as a page served by the hub', () => {
    expect(servedByHub(person('expert'))).toBe(true);
    expect(servedByHub(person('expert', 'hub'))).toBe(true);
    expect(servedByHub(person('expert', 'desktop-link'))).toBe(false);
    expect(servedByHub(null)).toBe(false);
    expect(servedByHub(undefined)).toBe(false);
  });

  it('lets a linked desktop ask an expert, but not join or review as the hub does', () => {
    for (const role of ['technician', 'admin'] as const) {
      expect(mayAsk(person(role, 'desktop-link'))).toBe(true);
      expect(viaDesktopLink(person(role, 'desktop-link'))).toBe(true);
    }
    for (const role of ['expert', 'admin'] as const) {
      expect(mayJoin(person(role, 'desktop-link'))).toBe(false);
      expect(reviewsDiagnoses(person(role, 'desktop-link'))).toBe(false);
      expect(mayJoin(person(role, 'hub'))).toBe(true);
    }
    expect(mayAsk(person('expert', 'desktop-link'))).toBe(false);
    expect(viaDesktopLink(person('technician', 'hub'))).toBe(false);
    expect(mayAsk(null)).toBe(false);
  });
});
