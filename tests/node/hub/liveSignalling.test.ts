/**
 * Live listening's signalling on a real hub and PostgreSQL cluster, through Node's WebSocket
 * client: a technician opens a call, the expert of that plant sees it and joins, offers and
 * candidates, push to talk and the record request are relayed, an expert of another plant and a supervisor are refused, the
 * technician ending (or dropping) the call ends it for the expert; no session, another site and
 * oversized messages are refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../shared/live/protocol.ts';
import { MAX_LIVE_MESSAGE_BYTES } from '../../../shared/live/protocol.ts';
import { startHub } from '../../../node/hub/server.ts';
import type { Hub } from '../../../node/hub/server.ts';
import { signInCookie, startHubDatabase } from '../../helpers/hubDatabase.ts';
import type { HubDatabase, HubPeople } from '../../helpers/hubDatabase.ts';

const PEOPLE: HubPeople = {
  tech: { role: 'technician', plants: ['North'] },
  expert: { role: 'expert', plants: ['North'] },
  southExpert: { role: 'expert', plants: ['South'] },
  supervisor: { role: 'supervisor', plants: ['North'] },
};
let database: HubDatabase;
let hub: Hub;
let machineId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  database = await startHubDatabase(PEOPLE, 'live');
  hub = await startHub({
    databaseUrl: database.url,
    port: 0,
    workFolder: database.folder,
    iceServers: [{ urls: 'turn:turn.example.com:3478', secret: 'shh' }],
  });
  for (const name of Object.keys(PEOPLE)) cookies[name] = await signInCookie(hub.url, name);
  const made = await fetch(new URL('api/machines/create', hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookies.tech },
    body: JSON.stringify({ args: [{ id: randomUUID(), name: 'Lathe 7', lineFrequencyHz: 50 }] }),
  });
  expect(made.status).toBe(200);
  machineId = ((await made.json()) as { result: { id: string } }).result.id;
});
afterAll(async () => {
  await hub?.close();
  await database?.close();
});

/** A connection that queues what the hub sends, so a test can wait for the next of a type. */
class Peer {
  readonly socket: WebSocket;
  private readonly received: ServerMessage[] = [];
  private waiting: (() => void)[] = [];
  closed = false;
  constructor(headers: Record<string, string>) {
    // Node's WebSocket (undici) takes request headers, a browser's cookie here; the DOM type
    // knows only protocols.
    const init = { headers } as unknown as string[];
    this.socket = new WebSocket(new URL('hub/live', hub.url.replace('http', 'ws')), init);
    this.socket.onmessage = (event) => {
      this.received.push(JSON.parse(String(event.data)) as ServerMessage);
      this.waiting.splice(0).forEach((wake) => wake());
    };
    this.socket.onclose = () => {
      this.closed = true;
      this.waiting.splice(0).forEach((wake) => wake());
    };
  }
  /** A connection of `name` once the hub greeted it (`hello`), so it may send. */
  static async as(
    name: string,
  ): Promise<Peer & { hello: Extract<ServerMessage, { type: 'hello' }> }> {
    const peer = new Peer({ Cookie: cookies[name] });
    return Object.assign(peer, { hello: await peer.next('hello') });
  }
  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }
  async next<T extends ServerMessage['type']>(
    type: T,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const index = this.received.findIndex((message) => message.type === type);
      if (index >= 0)
        return this.received.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>;
      if (this.closed || Date.now() > deadline)
        throw new Error(`no ${type} message in ${JSON.stringify(this.received)}`);
      await new Promise<void>((wake) => {
        this.waiting.push(wake);
        setTimeout(wake, 200);
      });
    }
  }
  close(): void {
    this.socket.close();
  }
}

/** A call the technician opened (with `open`'s further fields), joined by the plant's expert. */
async function joinedCall(open: object = {}) {
  const tech = await Peer.as('tech');
  const expert = await Peer.as('expert');
  tech.send({ type: 'open', machineId, ...open });
  const { callId } = await tech.next('opened');
  expert.send({ type: 'join', callId });
  const { call } = await expert.next('joined');
  return { tech, expert, callId, call };
}

describe('live signalling on the hub', () => {
  it("carries the technician's microphone calibration to the expert who joins, if any", async () => {
    const calibration = {
      fileName: 'umik-7000000.txt',
      sensitivityDbfs: -18.8,
      frequenciesHz: [20, 1000, 20000],
      responseDb: [-1, 0, 1.5],
    };
    const calibrated = await joinedCall({ calibration });
    expect(calibrated.call.calibration).toEqual(calibration);
    // The list every expert receives stays small: no calibration in it.
    let requests = await calibrated.expert.next('requests');
    while (requests.requests.length === 0) requests = await calibrated.expert.next('requests');
    expect(requests.requests[0]).not.toHaveProperty('calibration');
    const { tech } = calibrated;
    tech.send({ type: 'open', machineId, calibration: { ...calibration, sensitivityDbfs: 'x' } });
    await expect(tech.next('error')).resolves.toMatchObject({ code: 'invalid' });
    // Without one the expert's levels stay in dBFS: the call carries none.
    const plain = await joinedCall();
    expect(plain.call).not.toHaveProperty('calibration');
    for (const peer of [calibrated.tech, calibrated.expert, plain.tech, plain.expert]) peer.close();
  });

  it('lets the expert of the plant join, relays signals and ends the call on both sides', async () => {
    const tech = await Peer.as('tech');
    const expert = await Peer.as('expert');
    const hello = expert.hello;
    expect(hello.user.name).toBe('expert');
    expect(hello.iceServers[0].username).toMatch(/^\d+:/);
    expect(hello.iceServers[0].credential).toMatch(/=$/);
    expect(JSON.stringify(hello)).not.toContain('shh');
    tech.send({ type: 'open', machineId });
    const { callId } = await tech.next('opened');
    let requests = await expert.next('requests');
    while (requests.requests.length === 0) requests = await expert.next('requests');
    expect(requests.requests[0]).toMatchObject({ callId, machineName: 'Lathe 7' });
    expect(requests.requests[0].technician.name).toBe('tech');

    const south = await Peer.as('southExpert');
    const southRequests = await south.next('requests');
    expect(southRequests.requests).toEqual([]);
    south.send({ type: 'join', callId });
    await expect(south.next('error')).resolves.toMatchObject({ code: 'not-found' });
    const supervisor = await Peer.as('supervisor');
    supervisor.send({ type: 'join', callId });
    await expect(supervisor.next('error')).resolves.toMatchObject({ code: 'forbidden' });
    const otherTech = await Peer.as('tech');
    otherTech.send({ type: 'signal', callId, signal: { candidate: null } });
    await expect(otherTech.next('error')).resolves.toMatchObject({ code: 'not-found' });

    expert.send({ type: 'join', callId });
    const joined = await expert.next('joined');
    expect(joined.call.machineId).toBe(machineId);
    const listeners = await tech.next('listeners');
    expect(listeners.listeners.map((p) => p.name)).toEqual(['expert']);
    const expertId = listeners.listeners[0].id;
    const offer = { description: { type: 'offer', sdp: 'v=0\r\n' } };
    tech.send({ type: 'signal', callId, peerId: expertId, signal: offer });
    await expect(expert.next('signal')).resolves.toMatchObject({ signal: offer });
    expert.send({ type: 'record', callId });
    await expect(tech.next('record')).resolves.toMatchObject({ from: { name: 'expert' } });
    // Push to talk: the technician's page hears from the hub who holds the key, and when not.
    expert.send({ type: 'talk', callId, on: true });
    await expect(tech.next('talk')).resolves.toMatchObject({ from: { id: expertId }, on: true });
    expert.send({ type: 'talk', callId, on: false });
    await expect(tech.next('talk')).resolves.toMatchObject({ from: { id: expertId }, on: false });
    tech.send({ type: 'talk', callId, on: true });
    await expect(tech.next('error')).resolves.toMatchObject({ code: 'forbidden' });
    const result = { phase: 'done', recordingId: 'r1', causeId: 'unbalance', anomalous: true };
    tech.send({ type: 'recordResult', callId, result });
    await expect(expert.next('recordResult')).resolves.toMatchObject({ result });

    tech.send({ type: 'leave', callId });
    await expect(expert.next('ended')).resolves.toMatchObject({ reason: 'technician-ended' });
    await expect(tech.next('ended')).resolves.toMatchObject({ reason: 'technician-ended' });
    for (const peer of [tech, expert, south, supervisor, otherTech]) peer.close();
  });

  it('ends the call for the expert when the technician’s connection drops', async () => {
    const tech = await Peer.as('tech');
    const expert = await Peer.as('expert');
    tech.send({ type: 'open', machineId });
    const { callId } = await tech.next('opened');
    expert.send({ type: 'join', callId });
    await expert.next('joined');
    tech.close();
    await expect(expert.next('ended')).resolves.toMatchObject({
      callId,
      reason: 'connection-lost',
    });
    expert.close();
  });

  it('ends the call for the technician when its only expert leaves', async () => {
    const { tech, expert, callId } = await joinedCall();
    expert.send({ type: 'leave', callId });
    await expect(expert.next('ended')).resolves.toMatchObject({ reason: 'expert-left' });
    await expect(tech.next('ended')).resolves.toMatchObject({ callId, reason: 'expert-left' });
    tech.close();
    expert.close();
  });

  it('refuses no session, another site, junk and oversized messages', async () => {
    const anonymous = new Peer({});
    await expect(anonymous.next('hello')).rejects.toThrow();
    const foreign = new Peer({ Cookie: cookies.tech, Origin: 'https://evil.example' });
    await expect(foreign.next('hello')).rejects.toThrow();
    const tech = await Peer.as('tech');
    tech.socket.send('not json');
    await expect(tech.next('error')).resolves.toMatchObject({ code: 'invalid' });
    tech.socket.send('x'.repeat(MAX_LIVE_MESSAGE_BYTES + 1));
    await expect(tech.next('hello')).rejects.toThrow();
    expect(tech.closed).toBe(true);
  });
});
