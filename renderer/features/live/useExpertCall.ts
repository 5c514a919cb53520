/**
 * The expert's side of live listening: the hub's live requests for the expert's plants, joining
 * one, the received stream (played and analysed), push to talk, the request to record on site
 * and its result, and the end of the call, whichever side or failure ends it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  LiveEndReason,
  LiveIceServer,
  LiveRecordResult,
  LiveRequest,
  ServerMessage,
} from '../../../shared/live/protocol.ts';
import { errorEndsCall } from './callState.ts';
import type { ExpertPhase } from './callState.ts';
import { createLivePeer } from './peer.ts';
import type { LivePeer } from './peer.ts';
import { openLiveSocket } from './liveSocket.ts';
import type { LiveSocket } from './liveSocket.ts';

export type { ExpertPhase };

export interface ExpertCall {
  readonly phase: ExpertPhase;
  readonly requests: readonly LiveRequest[];
  readonly call: LiveRequest | null;
  readonly endReason: LiveEndReason | 'refused' | null;
  /** The technician's audio once it arrives. */
  readonly stream: MediaStream | null;
  /** The peer connection while the call runs (for its statistics). */
  readonly connection: RTCPeerConnection | null;
  readonly talkAvailable: boolean;
  readonly recordResult: LiveRecordResult | null;
  /** performance.now() when Join was pressed (for the time to first audio). */
  readonly joinedAtMs: number | null;
  join(callId: string): void;
  leave(): void;
  talk(on: boolean): void;
  askToRecord(): void;
}

interface Resources {
  peer: LivePeer | null;
  mic: MediaStream | null;
  /** Settles once the talk-back microphone is open or refused (asked while joining). */
  micAsked: Promise<void>;
  iceServers: readonly LiveIceServer[];
  callId: string | null;
  /** Whether push to talk is held (told to the technician's page on each change). */
  talking: boolean;
}

export function useExpertCall(): ExpertCall {
  const [phase, setPhaseState] = useState<ExpertPhase>('connecting');
  // The phase as the socket's next message must see it (an 'error' may come right after 'ended',
  // before React renders again).
  const phaseNow = useRef<ExpertPhase>('connecting');
  const setPhase = useCallback((next: ExpertPhase) => {
    phaseNow.current = next;
    setPhaseState(next);
  }, []);
  const [requests, setRequests] = useState<readonly LiveRequest[]>([]);
  const [call, setCall] = useState<LiveRequest | null>(null);
  const [endReason, setEndReason] = useState<ExpertCall['endReason']>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [connection, setConnection] = useState<RTCPeerConnection | null>(null);
  const [talkAvailable, setTalkAvailable] = useState(false);
  const [recordResult, setRecordResult] = useState<LiveRecordResult | null>(null);
  const [joinedAtMs, setJoinedAtMs] = useState<number | null>(null);
  const socket = useRef<LiveSocket | null>(null);
  const res = useRef<Resources>({
    peer: null,
    mic: null,
    micAsked: Promise.resolve(),
    iceServers: [],
    callId: null,
    talking: false,
  });

  const hangUp = useCallback(
    (reason: ExpertCall['endReason']) => {
      const current = res.current;
      current.peer?.close();
      current.mic?.getTracks().forEach((track) => track.stop());
      res.current = { ...current, peer: null, mic: null, callId: null, talking: false };
      setStream(null);
      setConnection(null);
      setTalkAvailable(false);
      setEndReason(reason);
      setPhase('ended');
    },
    [setPhase],
  );

  /** The technician's offer: a peer that answers with the talk-back track (off until held). */
  const onSignal = useCallback(
    (message: Extract<ServerMessage, { type: 'signal' }>) => {
      const current = res.current;
      if (current.callId !== message.callId) return;
      if (current.peer === null) {
        const peer = createLivePeer(
          current.iceServers,
          (signal) => socket.current?.send({ type: 'signal', callId: message.callId, signal }),
          async (connection) => {
            await current.micAsked;
            const track = current.mic?.getAudioTracks()[0];
            const transceiver = connection.getTransceivers()[0];
            if (track && transceiver) {
              void transceiver.sender.replaceTrack(track);
              transceiver.direction = 'sendrecv';
            }
          },
        );
        peer.connection.ontrack = (event) =>
          setStream(event.streams[0] ?? new MediaStream([event.track]));
        peer.connection.onconnectionstatechange = () => {
          if (peer.connection.connectionState !== 'failed') return;
          socket.current?.send({ type: 'leave', callId: message.callId, reason: 'peer-failed' });
          hangUp('peer-failed');
        };
        current.peer = peer;
        setConnection(peer.connection);
      }
      void current.peer.receive(message.signal);
    },
    [hangUp],
  );

  const onMessage = useCallback(
    (message: ServerMessage) => {
      if (message.type === 'hello') {
        res.current.iceServers = message.iceServers;
        setPhase('ready');
      } else if (message.type === 'requests') setRequests(message.requests);
      else if (message.type === 'joined') {
        res.current.callId = message.call.callId;
        setCall(message.call);
        setPhase('in-call');
      } else if (message.type === 'signal') onSignal(message);
      else if (message.type === 'recordResult') setRecordResult(message.result);
      else if (message.type === 'ended') hangUp(message.reason);
      else if (message.type === 'error' && errorEndsCall(phaseNow.current)) hangUp('refused');
    },
    [onSignal, hangUp, setPhase],
  );

  useEffect(() => {
    const opened = openLiveSocket();
    socket.current = opened;
    opened.subscribe(onMessage);
    opened.onClosed(() => {
      if (res.current.callId !== null) hangUp('connection-lost');
      setPhase('offline');
    });
    return () => {
      opened.close();
      res.current.peer?.close();
      res.current.mic?.getTracks().forEach((track) => track.stop());
    };
  }, [onMessage, hangUp, setPhase]);

  const join = useCallback(
    (callId: string) => {
      setJoinedAtMs(performance.now());
      setPhase('joining');
      setEndReason(null);
      setRecordResult(null);
      // The talk-back microphone opens while the call connects (the answer waits for it);
      // without one the expert still listens.
      const current = res.current;
      current.micAsked = navigator.mediaDevices
        .getUserMedia({ audio: true })
        .then((mic) => {
          mic.getAudioTracks().forEach((track) => (track.enabled = false));
          if (res.current !== current) return mic.getTracks().forEach((track) => track.stop());
          current.mic = mic;
          setTalkAvailable(true);
        })
        .catch(() => setTalkAvailable(false));
      socket.current?.send({ type: 'join', callId });
    },
    [setPhase],
  );

  const leave = useCallback(() => {
    const callId = res.current.callId;
    if (callId) socket.current?.send({ type: 'leave', callId });
    hangUp('expert-left');
  }, [hangUp]);

  const talk = useCallback((on: boolean) => {
    const current = res.current;
    if (current.mic === null || current.talking === on) return;
    current.talking = on;
    current.mic.getAudioTracks().forEach((track) => (track.enabled = on));
    // The technician's page says who talks from this, not from the level of the audio it gets:
    // the key is known here exactly, and a level check lagged by tens of seconds under load.
    if (current.callId) socket.current?.send({ type: 'talk', callId: current.callId, on });
  }, []);

  const askToRecord = useCallback(() => {
    const callId = res.current.callId;
    if (!callId) return;
    setRecordResult({ phase: 'recording' });
    socket.current?.send({ type: 'record', callId });
  }, []);

  return {
    phase,
    requests,
    call,
    endReason,
    stream,
    connection,
    talkAvailable,
    recordResult,
    joinedAtMs,
    join,
    leave,
    talk,
    askToRecord,
  };
}
