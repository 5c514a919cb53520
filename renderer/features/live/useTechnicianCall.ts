/**
 * The technician's side of a live call ("Ask an expert" on the Record screen): the microphone
 * with processing off (checked, as the Record screen does), a peer connection per expert who
 * joins, the experts' talk-back played here, and the expert's "record on site" request carried
 * out through the Record screen's own recording (its result goes back over signalling).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  LiveEndReason,
  LiveIceServer,
  LivePerson,
  LiveRecordResult,
  ServerMessage,
} from '../../../shared/live/protocol.ts';
import { REMOTE_RECORD_SECONDS } from '../../../shared/live/protocol.ts';
import type { StoredCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import { thinCalibration } from '../../../shared/audio/calibration/thinCalibration.ts';
import { audioConstraints, processingKeptOn } from '../record/inputDevices.ts';
import type { ProcessingFeature } from '../record/inputDevices.ts';
import type { RecordingSession } from '../record/useRecordingSession.ts';
import { talkingAfterListeners, talkingChanged } from './callState.ts';
import { createLivePeer } from './peer.ts';
import type { LivePeer } from './peer.ts';
import { openLiveSocket } from './liveSocket.ts';
import type { LiveSocket } from './liveSocket.ts';

export type TechnicianPhase = 'idle' | 'connecting' | 'waiting' | 'connected' | 'ended';

export interface TechnicianCall {
  readonly phase: TechnicianPhase;
  readonly listeners: readonly LivePerson[];
  /** Why the call ended; 'not-found': the hub has no such machine in the person's plants. */
  readonly endReason: LiveEndReason | 'refused' | 'not-found' | 'microphone' | null;
  readonly keptOn: readonly ProcessingFeature[];
  /** Who asked for a recording on site, while it runs. */
  readonly recordingFor: LivePerson | null;
  /** The expert whose talk-back is heard now (push to talk held), or null. */
  readonly speaking: LivePerson | null;
  ask(): void;
  end(): void;
}

interface Resources {
  socket: LiveSocket | null;
  stream: MediaStream | null;
  peers: Map<string, LivePeer>;
  players: Map<string, HTMLAudioElement>;
  callId: string | null;
  iceServers: readonly LiveIceServer[];
}

const fresh = (): Resources => ({
  socket: null,
  stream: null,
  peers: new Map(),
  players: new Map(),
  callId: null,
  iceServers: [],
});

function release(res: Resources): void {
  res.peers.forEach((peer) => peer.close());
  res.players.forEach((player) => (player.srcObject = null));
  res.stream?.getTracks().forEach((track) => track.stop());
  res.socket?.close();
}

export function useTechnicianCall(
  machineId: string | null,
  deviceId: string | null,
  session: RecordingSession,
  calibration: StoredCalibration | null = null,
): TechnicianCall {
  const [phase, setPhase] = useState<TechnicianPhase>('idle');
  const [listeners, setListeners] = useState<readonly LivePerson[]>([]);
  const [endReason, setEndReason] = useState<TechnicianCall['endReason']>(null);
  const [keptOn, setKeptOn] = useState<readonly ProcessingFeature[]>([]);
  const [recordingFor, setRecordingFor] = useState<LivePerson | null>(null);
  /** The ids of the experts holding push to talk, as their pages say over signalling. */
  const [talkingIds, setTalkingIds] = useState<ReadonlySet<string>>(new Set());
  const res = useRef<Resources>(fresh());
  const sessionRef = useRef(session);
  useEffect(() => {
    sessionRef.current = session;
  }, [session]);
  /** The status before the remote recording began: an earlier result is not its result. */
  const statusBefore = useRef<RecordingSession['status']>(null);

  const finish = useCallback((reason: TechnicianCall['endReason']) => {
    release(res.current);
    res.current = fresh();
    setListeners([]);
    setTalkingIds(new Set());
    setRecordingFor(null);
    setEndReason(reason);
    setPhase('ended');
  }, []);

  const sendResult = useCallback((result: LiveRecordResult) => {
    const { socket, callId } = res.current;
    if (socket && callId) socket.send({ type: 'recordResult', callId, result });
  }, []);

  /** A peer for each expert who joined, offering the microphone; gone ones are closed. */
  const followListeners = useCallback(
    (people: readonly LivePerson[]) => {
      const { peers, players, stream, socket, callId, iceServers } = res.current;
      const ids = new Set(people.map((p) => p.id));
      for (const [id, peer] of peers) {
        if (ids.has(id)) continue;
        peer.close();
        peers.delete(id);
        players.delete(id);
      }
      for (const person of people) {
        if (peers.has(person.id) || !stream || !socket || !callId) continue;
        const peer = createLivePeer(iceServers, (signal) =>
          socket.send({ type: 'signal', callId, peerId: person.id, signal }),
        );
        peers.set(person.id, peer);
        stream.getTracks().forEach((track) => peer.connection.addTrack(track, stream));
        peer.connection.ontrack = (event) => {
          // The expert's talk-back: played as it comes (silent until the expert holds the key).
          const player = new Audio();
          player.srcObject = event.streams[0] ?? new MediaStream([event.track]);
          void player.play().catch(() => undefined);
          players.set(person.id, player);
        };
        peer.connection.onconnectionstatechange = () => {
          if (peer.connection.connectionState === 'failed') {
            socket.send({ type: 'leave', callId, reason: 'peer-failed' });
            finish('peer-failed');
          }
        };
        void peer.offer();
      }
      setListeners(people);
      setTalkingIds((talking) => talkingAfterListeners(talking, people));
      setPhase(people.length > 0 ? 'connected' : 'waiting');
    },
    [finish],
  );

  const onRecordAsked = useCallback(
    (from: LivePerson) => {
      const current = sessionRef.current;
      if (current.active) return;
      statusBefore.current = current.status;
      setRecordingFor(from);
      sendResult({ phase: 'recording' });
      current.record();
      // The Record screen's own Stop, after the asked length (the chunks are already on the hub).
      window.setTimeout(() => sessionRef.current.stop(), REMOTE_RECORD_SECONDS * 1000);
    },
    [sendResult],
  );

  const onMessage = useCallback(
    (message: ServerMessage) => {
      const current = res.current;
      if (message.type === 'hello') {
        current.iceServers = message.iceServers;
        // The microphone's calibration goes with the call: the experts see dB SPL as here.
        const carried = calibration ? { calibration: thinCalibration(calibration) } : {};
        if (machineId) current.socket?.send({ type: 'open', machineId, ...carried });
      } else if (message.type === 'opened') {
        current.callId = message.callId;
        setPhase('waiting');
      } else if (message.type === 'listeners') followListeners(message.listeners);
      else if (message.type === 'signal')
        void current.peers.get(message.peerId)?.receive(message.signal);
      else if (message.type === 'record') onRecordAsked(message.from);
      else if (message.type === 'talk') {
        const { id } = message.from;
        setTalkingIds((talking) => talkingChanged(talking, id, message.on));
      } else if (message.type === 'ended') finish(message.reason);
      else if (message.type === 'error')
        finish(message.code === 'not-found' ? 'not-found' : 'refused');
    },
    [machineId, calibration, followListeners, onRecordAsked, finish],
  );

  const ask = useCallback(() => {
    if (machineId === null) return;
    release(res.current);
    res.current = fresh();
    setEndReason(null);
    setPhase('connecting');
    const current = res.current;
    navigator.mediaDevices
      .getUserMedia({ audio: { ...audioConstraints(deviceId), channelCount: 1 } })
      .then((stream) => {
        if (res.current !== current) return stream.getTracks().forEach((t) => t.stop());
        current.stream = stream;
        const track = stream.getAudioTracks()[0];
        // A machine is no voice: the encoder keeps the whole band (no speech tuning).
        track.contentHint = 'music';
        setKeptOn(processingKeptOn(track.getSettings()));
        const socket = openLiveSocket();
        current.socket = socket;
        socket.subscribe(onMessage);
        socket.onClosed(() => {
          if (res.current === current) finish('connection-lost');
        });
      })
      .catch(() => finish('microphone'));
  }, [machineId, deviceId, onMessage, finish]);

  const end = useCallback(() => {
    const { socket, callId } = res.current;
    if (socket && callId) socket.send({ type: 'leave', callId });
    finish('technician-ended');
  }, [finish]);

  // The remote recording's outcome goes back to the experts once the host has diagnosed it.
  const status = session.status;
  useEffect(() => {
    if (recordingFor === null || status === null || status === statusBefore.current) return;
    if (status.phase === 'done' && status.result) {
      const report = status.result.diagnosis?.report ?? null;
      sendResult({
        phase: 'done',
        recordingId: status.result.recording.id,
        causeId: report?.causes[0]?.id ?? null,
        anomalous: report ? report.anomalous : null,
      });
      // The recording's end is the other hook's state; this one answers it once.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRecordingFor(null);
    } else if (status.phase === 'failed') {
      sendResult({ phase: 'failed', message: status.error ?? '' });
      setRecordingFor(null);
    }
  }, [status, recordingFor, sendResult]);

  useEffect(() => () => release(res.current), []);

  // Only listeners count (followListeners drops the others' keys, a 'talk' may still cross it).
  const speaking = listeners.find((person) => talkingIds.has(person.id)) ?? null;
  return { phase, listeners, endReason, keptOn, recordingFor, speaking, ask, end };
}
