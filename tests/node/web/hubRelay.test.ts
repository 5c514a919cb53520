/**
 * Live listening from a linked desktop, below the page: the web host (its own SQLite library)
 * linked to a real hub (throwaway PostgreSQL) answers /hub/me with the linked person and relays
 * /hub/live to the hub with the device token. Checked: nobody before linking, the hub's answer
 * (never the token) after, a call opened through the relay and joined by the hub's expert, the
 * end of either socket ending the other, another site and a foreign Host refused, an unknown
 * machine's not-found, and a revoked device's 401 passed on.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../shared/live/protocol.ts';
import { createLatheWithBaseline } from '../../helpers/deskLathe.ts';
import { PASSWORD, startSyncHub } from '../hub/syncFixture.ts';
import type { SyncHub } from '../hub/syncFixture.ts';
import { postJson, startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

let hub: SyncHub;
let desk: TestHost;

beforeAll(async () => {
  [hub, desk] = await Promise.all([startSyncHub(), startTestHost()]);
}, 120_000);
afterAll(async () => {
  await desk?.stop();
  await hub?.close();
});

/** A WebSocket that queues what arrives, so a test can wait for the next message of a type. */
class Socket {
  readonly socket: WebSocket;
  private readonly received: ServerMessage[] = [];
  closed = false;
  constructor(url: string, headers: Record<string, string> = {}) {
    // Node's WebSocket (undici) takes request headers; the DOM type knows only protocols.
    this.socket = new WebSocket(url, { headers } as unknown as string[]);
    this.socket.onmessage = (event) =>
      this.received.push(JSON.parse(String(event.data)) as ServerMessage);
    this.socket.onclose = () => (this.closed = true);
  }
  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }
  async next<T extends ServerMessage['type']>(
    type: T,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const index = this.received.findIndex((message) => message.type === type);
      if (index >= 0)
        return this.received.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>;
      if (this.closed || Date.now() > deadline) {
        throw new Error(`no ${type} message in ${JSON.stringify(this.received)}`);
      }
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }
  async whenClosed(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(this.closed).toBe(true);
  }
}

/** The status a WebSocket handshake at the desktop gets (101 when relayed), headers as given. */
function upgradeStatus(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({
      host: '127.0.0.1',
      port: desk.port,
      path: '/hub/live',
      headers: {
        Host: `127.0.0.1:${desk.port}`,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    outgoing.on('upgrade', (answer, socket) => {
      socket.destroy();
      resolve(answer.statusCode ?? 0);
    });
    outgoing.on('response', (answer) => {
      answer.resume();
      resolve(answer.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const deskLive = () => `${desk.origin.replace('http', 'ws')}/hub/live`;

async function deskMe(): Promise<unknown> {
  return (await fetch(`${desk.origin}/hub/me`)).json();
}

describe('live listening through a linked desktop', () => {
  it('answers nobody and refuses the relay before the desktop is linked', async () => {
    expect(await deskMe()).toBeNull();
    expect(await upgradeStatus({})).toBe(404);
  });

  it('relays a call to the hub with the device token, and ends both sides together', async () => {
    const linked = await postJson(desk.origin, 'hubLink.connect', [
      { url: hub.hub.url, name: 'tech', password: PASSWORD },
    ]);
    expect(linked.status).toBe(200);
    const me = await (await fetch(`${desk.origin}/hub/me`)).text();
    expect(JSON.parse(me)).toEqual({
      name: 'tech',
      role: 'technician',
      plantIds: [hub.plants.North],
      via: 'desktop-link',
    });
    const { rows } = await hub.pool.query(
      "SELECT count(*) AS n FROM sessions WHERE kind = 'device'",
    );
    expect(Number(rows[0].n)).toBe(1);
    expect(me).not.toMatch(/token/i);

    expect(await upgradeStatus({ Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus({ Host: 'evil.example' })).toBe(403);

    const tech = new Socket(deskLive(), { Origin: desk.origin });
    expect((await tech.next('hello')).user.name).toBe('tech');
    tech.send({ type: 'open', machineId: '0f8e1c2a-1111-4222-8333-944455556666' });
    await expect(tech.next('error')).resolves.toMatchObject({ code: 'not-found' });

    // A machine made here reaches the hub in the background (the demo machine never does);
    // then a call for it can be opened through the relay and joined on the hub.
    const machineId = await createLatheWithBaseline(desk.origin, 'Lathe 3');
    const deadline = Date.now() + 60_000;
    const onHub = async () =>
      (await hub.pool.query('SELECT 1 FROM machines WHERE id = $1', [machineId])).rows.length;
    while ((await onHub()) === 0 && Date.now() < deadline) {
      await new Promise((wake) => setTimeout(wake, 200));
    }
    tech.send({ type: 'open', machineId });
    const { callId } = await tech.next('opened');
    const expert = new Socket(`${hub.hub.url.replace('http', 'ws')}hub/live`, {
      Authorization: `Bearer ${await hub.token('expert')}`,
    });
    await expert.next('hello');
    expert.send({ type: 'join', callId });
    await expert.next('joined');
    const listeners = await tech.next('listeners');
    expect(listeners.listeners.map((person) => person.name)).toEqual(['expert']);

    // The page's socket closing ends the relayed one: the hub ends the call for the expert.
    tech.socket.close();
    await expect(expert.next('ended')).resolves.toMatchObject({ callId });
    expert.socket.close();
  }, 90_000);

  it('passes on the refusal of a revoked device, and says nobody is linked', async () => {
    await hub.pool.query(
      `UPDATE sessions SET revoked_at = now()
       WHERE kind = 'device' AND user_id = (SELECT id FROM users WHERE name = 'tech')`,
    );
    expect(await upgradeStatus({})).toBe(401);
    expect(await deskMe()).toBeNull();
  });
});
