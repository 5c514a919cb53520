/**
 * The ICE servers a hub hands to live calls: read from JSON (a file, else the variable), checked,
 * and secret entries turned into time-limited TURN REST credentials that coturn accepts.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ICE_SERVERS_ENV,
  iceServersFor,
  loadIceServers,
  parseIceServers,
  TURN_CREDENTIAL_SECONDS,
} from '../../../node/hub/live/iceServers.ts';
import { parseCliArgs } from '../../../node/cli/args.ts';

describe('ICE servers for live listening', () => {
  it('passes plain entries on and makes expiring credentials from a secret', () => {
    const entries = parseIceServers(
      JSON.stringify([
        { urls: 'stun:turn.example.com:3478' },
        { urls: ['turn:turn.example.com:3478'], username: 'u', credential: 'p' },
        { urls: 'turns:turn.example.com:5349', secret: 'shh' },
      ]),
    );
    const now = new Date('2026-12-04T12:00:00Z');
    const servers = iceServersFor(entries, 'user-1', now);
    expect(servers[0]).toEqual({ urls: 'stun:turn.example.com:3478' });
    expect(servers[1]).toEqual({
      urls: ['turn:turn.example.com:3478'],
      username: 'u',
      credential: 'p',
    });
    const expiry = now.getTime() / 1000 + TURN_CREDENTIAL_SECONDS;
    expect(servers[2].username).toBe(`${expiry}:user-1`);
    expect(servers[2].credential).toBe(
      createHmac('sha1', 'shh').update(`${expiry}:user-1`).digest('base64'),
    );
    expect(JSON.stringify(servers)).not.toContain('shh');
  });

  it('refuses what is not a list of ICE servers, saying what is wrong', () => {
    expect(() => parseIceServers('{}')).toThrow(/JSON array/);
    expect(() => parseIceServers('[{"urls":"http://x"}]')).toThrow(/ICE server 1 needs urls/);
    expect(() => parseIceServers('[{"urls":"stun:x","username":1}]')).toThrow(/username/);
    expect(() => parseIceServers('[')).toThrow();
  });

  it('reads the file before the variable, and gives none without either', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'auscult-ice-'));
    try {
      const file = join(folder, 'ice.json');
      await writeFile(file, '[{"urls":"stun:file.example.com"}]');
      const env = { [ICE_SERVERS_ENV]: '[{"urls":"stun:env.example.com"}]' };
      expect(await loadIceServers(file, env)).toEqual([{ urls: 'stun:file.example.com' }]);
      expect(await loadIceServers(null, env)).toEqual([{ urls: 'stun:env.example.com' }]);
      expect(await loadIceServers(null, {})).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('takes --ice-servers on hub serve', () => {
    const args = parseCliArgs([
      'hub',
      'serve',
      '--database',
      'postgres://h/db',
      '--ice-servers',
      'ice.json',
    ]);
    expect(args).toMatchObject({ action: 'serve', iceServersFile: 'ice.json' });
  });
});
