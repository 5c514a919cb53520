/**
 * The hub's live calls: who is connected to /hub/live, which calls are open, and the relay of
 * signalling between a call's technician and its experts (shared/live/protocol.ts). A call
 * lives only in this process's memory: it is a few minutes of signalling, not a record.
 */
import { randomUUID } from 'node:crypto';
import { parseClientMessage } from '../../../shared/live/protocol.ts';
import type {
  ClientMessage,
  LiveCalibration,
  LiveEndReason,
  LiveIceServer,
  LivePerson,
  LiveRequest,
  ServerMessage,
} from '../../../shared/live/protocol.ts';
import type { HubUser } from '../people.ts';
import { mayLive } from '../roles.ts';
import { seesPlant } from '../scope.ts';
import type { ServerSocket } from './webSocket.ts';

export interface LiveMachine {
  readonly name: string;
  readonly plantId: string | null;
}

export interface LiveCallsOptions {
  /** The machine an id names, or undefined when there is none. */
  machine(machineId: string): Promise<LiveMachine | undefined>;
  iceServers(user: HubUser): readonly LiveIceServer[];
  /** How often each socket is pinged; one unanswered ping ends it. Default 10 s. */
  readonly pingIntervalMs?: number;
}

interface Connection {
  readonly id: string;
  readonly user: HubUser;
  readonly socket: ServerSocket;
  readonly calls: Set<string>;
}

interface Call {
  readonly id: string;
  readonly machineId: string;
  readonly machineName: string;
  readonly plantId: string | null;
  readonly technician: Connection;
  readonly experts: Map<string, Connection>;
  readonly openedAt: string;
  /** The technician's microphone calibration, for the experts who join. */
  readonly calibration: LiveCalibration | undefined;
}

export interface LiveCalls {
  connect(user: HubUser, socket: ServerSocket): void;
  /** Ends every call (the hub stops) and closes every socket. */
  close(): void;
}

const person = (connection: Connection): LivePerson => ({
  id: connection.id,
  name: connection.user.name,
});

export function createLiveCalls(options: LiveCallsOptions): LiveCalls {
  const connections = new Set<Connection>();
  const calls = new Map<string, Call>();
  const send = (to: Connection, message: ServerMessage) => to.socket.send(JSON.stringify(message));

  const describe = (call: Call): LiveRequest => ({
    callId: call.id,
    machineId: call.machineId,
    machineName: call.machineName,
    technician: person(call.technician),
    openedAt: call.openedAt,
    listeners: [...call.experts.values()].map(person),
  });

  /** Every expert hears of the calls of their plants whenever the list changes. */
  const announce = () => {
    for (const connection of connections) {
      if (!mayLive(connection.user.role, 'join')) continue;
      const requests = [...calls.values()]
        .filter((call) => seesPlant(connection.user, call.plantId))
        .map(describe);
      send(connection, { type: 'requests', requests });
    }
  };

  const end = (call: Call, reason: LiveEndReason) => {
    calls.delete(call.id);
    for (const member of [call.technician, ...call.experts.values()]) {
      member.calls.delete(call.id);
      send(member, { type: 'ended', callId: call.id, reason });
    }
    announce();
  };

  const leave = (call: Call, who: Connection, reason: LiveEndReason) => {
    if (who === call.technician) return end(call, reason);
    if (!call.experts.delete(who.id)) return;
    who.calls.delete(call.id);
    send(who, { type: 'ended', callId: call.id, reason });
    // The last expert gone, nobody listens: the technician's call ends too, and says why.
    if (call.experts.size === 0) return end(call, reason);
    send(call.technician, {
      type: 'listeners',
      callId: call.id,
      listeners: [...call.experts.values()].map(person),
    });
    announce();
  };

  const open = async (
    from: Connection,
    machineId: string,
    calibration: LiveCalibration | undefined,
  ) => {
    if (!mayLive(from.user.role, 'open')) return send(from, { type: 'error', code: 'forbidden' });
    const machine = await options.machine(machineId);
    if (machine === undefined || !seesPlant(from.user, machine.plantId)) {
      return send(from, { type: 'error', code: 'not-found' });
    }
    // One call at a time per page: a new request replaces the old one.
    for (const callId of [...from.calls]) {
      const old = calls.get(callId);
      if (old?.technician === from) end(old, 'technician-ended');
    }
    const call: Call = {
      id: randomUUID(),
      machineId,
      machineName: machine.name,
      plantId: machine.plantId,
      technician: from,
      experts: new Map(),
      openedAt: new Date().toISOString(),
      calibration,
    };
    calls.set(call.id, call);
    from.calls.add(call.id);
    send(from, { type: 'opened', callId: call.id });
    announce();
  };

  const join = (from: Connection, call: Call | undefined) => {
    if (!mayLive(from.user.role, 'join')) return send(from, { type: 'error', code: 'forbidden' });
    // Another plant's call answers as if it did not exist, like the API's ids.
    if (call === undefined || !seesPlant(from.user, call.plantId)) {
      return send(from, { type: 'error', code: 'not-found' });
    }
    call.experts.set(from.id, from);
    from.calls.add(call.id);
    // Only those who join get the calibration: the lists every expert receives stay small.
    const { calibration } = call;
    send(from, {
      type: 'joined',
      call: { ...describe(call), ...(calibration && { calibration }) },
    });
    send(call.technician, {
      type: 'listeners',
      callId: call.id,
      listeners: [...call.experts.values()].map(person),
    });
    announce();
  };

  const handle = async (from: Connection, message: ClientMessage) => {
    if (message.type === 'open') return open(from, message.machineId, message.calibration);
    const call = calls.get(message.callId);
    if (message.type === 'join') return join(from, call);
    // Everything else is for members of the call only.
    if (call === undefined || !from.calls.has(call.id)) {
      return send(from, { type: 'error', code: 'not-found' });
    }
    const isTechnician = call.technician === from;
    if (message.type === 'leave') {
      return leave(
        call,
        from,
        message.reason ?? (isTechnician ? 'technician-ended' : 'expert-left'),
      );
    }
    if (message.type === 'signal') {
      const to = isTechnician ? call.experts.get(message.peerId ?? '') : call.technician;
      if (to === undefined) return send(from, { type: 'error', code: 'not-found' });
      return send(to, { type: 'signal', callId: call.id, peerId: from.id, signal: message.signal });
    }
    if (message.type === 'record' && !isTechnician) {
      return send(call.technician, { type: 'record', callId: call.id, from: person(from) });
    }
    if (message.type === 'talk' && !isTechnician) {
      const talk = { type: 'talk', callId: call.id, from: person(from), on: message.on } as const;
      return send(call.technician, talk);
    }
    if (message.type === 'recordResult' && isTechnician) {
      for (const expert of call.experts.values()) {
        send(expert, { type: 'recordResult', callId: call.id, result: message.result });
      }
      return;
    }
    send(from, { type: 'error', code: 'forbidden' });
  };

  const pinger = setInterval(() => {
    for (const connection of connections) {
      if (!connection.socket.alive()) {
        connection.socket.close(1001);
        continue;
      }
      connection.socket.markUnanswered();
      connection.socket.ping();
    }
  }, options.pingIntervalMs ?? 10_000);
  pinger.unref();

  return {
    connect(user, socket) {
      const connection: Connection = { id: randomUUID(), user, socket, calls: new Set() };
      connections.add(connection);
      send(connection, {
        type: 'hello',
        user: { id: connection.id, name: user.name, role: user.role },
        iceServers: options.iceServers(user),
      });
      if (mayLive(user.role, 'join')) announce();
      socket.onMessage((text) => {
        const message = parseClientMessage(text);
        if (message === null) return send(connection, { type: 'error', code: 'invalid' });
        handle(connection, message).catch((error: unknown) => {
          console.error('auscult hub: live message failed:', error);
          socket.close(1011);
        });
      });
      socket.onClose(() => {
        connections.delete(connection);
        for (const callId of [...connection.calls]) {
          const call = calls.get(callId);
          if (call) leave(call, connection, 'connection-lost');
        }
      });
    },
    close() {
      clearInterval(pinger);
      for (const call of [...calls.values()]) end(call, 'hub-closed');
      for (const connection of connections) connection.socket.close(1001);
    },
  };
}
