/**
 * The WebRTC side of a live call: a peer connection with the hub's ICE servers, session
 * descriptions with the Opus parameters of shared/live/opusSdp.ts, and the relay of candidates
 * and descriptions through the signalling socket.
 */
import { withOpusParameters } from '../../../shared/live/opusSdp.ts';
import type { LiveIceServer, LiveSignal } from '../../../shared/live/protocol.ts';

export interface LivePeer {
  readonly connection: RTCPeerConnection;
  /** Applies a signal from the other side (answering an offer). */
  receive(signal: LiveSignal): Promise<void>;
  /** Makes the offer (the technician's side) and sends it. */
  offer(): Promise<void>;
  close(): void;
}

export function createLivePeer(
  iceServers: readonly LiveIceServer[],
  sendSignal: (signal: LiveSignal) => void,
  /** Runs between applying an offer and answering it (the expert attaches its talk-back track). */
  beforeAnswer: (connection: RTCPeerConnection) => Promise<void> | void = () => undefined,
): LivePeer {
  const connection = new RTCPeerConnection({
    iceServers: iceServers.map((server) => ({ ...server, urls: server.urls as string | string[] })),
  });
  connection.onicecandidate = (event) => {
    const found = event.candidate;
    sendSignal({
      candidate: found
        ? { candidate: found.candidate, sdpMid: found.sdpMid, sdpMLineIndex: found.sdpMLineIndex }
        : null,
    });
  };
  const describe = async (description: RTCSessionDescriptionInit) => {
    // Both sides set the parameters: each describes what it wants to receive.
    const tuned = { type: description.type, sdp: withOpusParameters(description.sdp ?? '') };
    await connection.setLocalDescription(tuned);
    sendSignal({ description: { type: tuned.type, sdp: tuned.sdp } });
  };
  return {
    connection,
    async receive(signal) {
      if (signal.description) {
        const description = signal.description as RTCSessionDescriptionInit;
        await connection.setRemoteDescription(description);
        if (description.type === 'offer') {
          await beforeAnswer(connection);
          await describe(await connection.createAnswer());
        }
      } else if (signal.candidate) {
        await connection.addIceCandidate(signal.candidate as RTCIceCandidateInit);
      }
    },
    async offer() {
      await describe(await connection.createOffer());
    },
    close() {
      connection.close();
    },
  };
}
