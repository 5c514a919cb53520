import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { reachableUrls } from '../../../node/web/urls.ts';

function entry(address: string, family: 'IPv4' | 'IPv6', internal: boolean): NetworkInterfaceInfo {
  const common = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

const interfaces = {
  lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
  eth0: [entry('192.168.1.20', 'IPv4', false), entry('fe80::1', 'IPv6', false)],
  wlan0: [entry('10.0.0.7', 'IPv4', false)],
};

describe('reachableUrls', () => {
  it.each(['0.0.0.0', '::'])(
    'lists each external IPv4 address, token kept, for a bind to %s',
    (host) => {
      expect(reachableUrls('http://0.0.0.0:8917/?token=abc', host, interfaces)).toEqual([
        'http://192.168.1.20:8917/?token=abc',
        'http://10.0.0.7:8917/?token=abc',
      ]);
    },
  );

  it.each(['127.0.0.1', '192.168.1.20'])('lists nothing more for a bind to %s', (host) => {
    expect(reachableUrls(`http://${host}:8917/`, host, interfaces)).toEqual([]);
  });
});
