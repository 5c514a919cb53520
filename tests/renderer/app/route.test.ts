import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, formatRoute, parseRoute } from '../../../renderer/app/route.ts';
import type { Route } from '../../../renderer/app/route.ts';

describe('routes', () => {
  it.each<[string, Route]>([
    ['#/machines', { screen: 'machines', view: 'list' }],
    ['#/machines/new', { screen: 'machines', view: 'new' }],
    ['#/machines/m_1', { screen: 'machines', view: 'detail', machineId: 'm_1' }],
    ['#/machines/m%201/edit', { screen: 'machines', view: 'edit', machineId: 'm 1' }],
    ['#/record', { screen: 'record' }],
    ['#/review', { screen: 'review' }],
    ['#/review/r_1', { screen: 'review', recordingId: 'r_1' }],
    ['#/review/r%201', { screen: 'review', recordingId: 'r 1' }],
    ['#/fault-log', { screen: 'fault-log' }],
    ['#/fault-log/f_1', { screen: 'fault-log', entryId: 'f_1' }],
  ])('reads %s and writes it back', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash);
  });

  it.each([
    '',
    '#',
    '#/',
    '#/nowhere',
    '#/machines/a/b/c',
    '#/machines/a/delete',
    '#/machines/%E0%A4%A',
  ])('opens the machine list for %j', (hash) => {
    expect(parseRoute(hash)).toEqual(DEFAULT_ROUTE);
  });
});
