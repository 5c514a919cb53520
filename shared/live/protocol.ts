/**
 * The signalling protocol of live remote listening (docs/live.md): small JSON messages over the
 * hub's WebSocket (`/hub/live`), each with a `type`. The hub relays offers, answers and ICE
 * candidates between a technician and the experts who join, and the expert's "record" request
 * and its result; audio never passes through it (WebRTC carries it peer to peer).
 */

import { storedCalibrationFromJson } from '../audio/calibration/storedCalibration.ts';
import type { StoredCalibration } from '../audio/calibration/storedCalibration.ts';
import { LIVE_CALIBRATION_POINTS } from '../audio/calibration/thinCalibration.ts';

/** The largest message either side accepts, bytes of UTF-8 (an SDP offer is 2–6 kB). */
export const MAX_LIVE_MESSAGE_BYTES = 16 * 1024;

/** Seconds the expert asks the technician's app to record. */
export const REMOTE_RECORD_SECONDS = 10;

/**
 * A calibration a live call carries (thinCalibration.ts): the technician's input device's, so
 * the expert sees the same dB SPL as the technician's Record screen.
 */
export type LiveCalibration = StoredCalibration;

/** An ICE server as RTCPeerConnection takes it. */
export interface LiveIceServer {
  readonly urls: string | readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

export interface LivePerson {
  readonly id: string;
  readonly name: string;
}

/** A call waiting for or holding experts, as experts of its plant see it. */
export interface LiveRequest {
  readonly callId: string;
  readonly machineId: string;
  readonly machineName: string;
  readonly technician: LivePerson;
  readonly openedAt: string;
  readonly listeners: readonly LivePerson[];
  /**
   * The technician's microphone calibration (in the `joined` message only): the expert's live
   * levels are in dB SPL with it, in dBFS without.
   */
  readonly calibration?: LiveCalibration;
}

/** A session description or an ICE candidate, relayed untouched. */
export interface LiveSignal {
  readonly description?: { readonly type: string; readonly sdp: string };
  readonly candidate?: {
    readonly candidate: string;
    readonly sdpMid?: string | null;
    readonly sdpMLineIndex?: number | null;
  } | null;
}

/** Why a call ended, said in words on both pages. */
export type LiveEndReason =
  'technician-ended' | 'expert-left' | 'connection-lost' | 'peer-failed' | 'hub-closed';

export type LiveRecordResult =
  | { readonly phase: 'recording' }
  | {
      readonly phase: 'done';
      readonly recordingId: string;
      /** The top cause's id, or null when the diagnosis named none. */
      readonly causeId: string | null;
      /** Whether the recording differs from the baseline (null: not diagnosed, e.g. no baseline). */
      readonly anomalous: boolean | null;
    }
  | { readonly phase: 'failed'; readonly message: string };

export type ClientMessage =
  /** A technician asks the experts of the machine's plant to listen (through a calibration). */
  | { readonly type: 'open'; readonly machineId: string; readonly calibration?: LiveCalibration }
  | { readonly type: 'join'; readonly callId: string }
  /** Leaves the call (the technician's leaving ends it for everyone). */
  | { readonly type: 'leave'; readonly callId: string; readonly reason?: 'peer-failed' }
  /** To the technician from an expert; from the technician to the expert named by `peerId`. */
  | {
      readonly type: 'signal';
      readonly callId: string;
      readonly peerId?: string;
      readonly signal: LiveSignal;
    }
  | { readonly type: 'record'; readonly callId: string }
  /** An expert pressed (`on`) or let go of push to talk; the technician's page says who talks. */
  | { readonly type: 'talk'; readonly callId: string; readonly on: boolean }
  | { readonly type: 'recordResult'; readonly callId: string; readonly result: LiveRecordResult };

export type ServerMessage =
  | {
      readonly type: 'hello';
      readonly user: LivePerson & { readonly role: string };
      readonly iceServers: readonly LiveIceServer[];
    }
  /** The live requests an expert may join (sent on connect and on every change). */
  | { readonly type: 'requests'; readonly requests: readonly LiveRequest[] }
  | { readonly type: 'opened'; readonly callId: string }
  | { readonly type: 'joined'; readonly call: LiveRequest }
  /** To the technician: who listens now. */
  | {
      readonly type: 'listeners';
      readonly callId: string;
      readonly listeners: readonly LivePerson[];
    }
  | {
      readonly type: 'signal';
      readonly callId: string;
      readonly peerId: string;
      readonly signal: LiveSignal;
    }
  | { readonly type: 'record'; readonly callId: string; readonly from: LivePerson }
  | {
      readonly type: 'talk';
      readonly callId: string;
      readonly from: LivePerson;
      readonly on: boolean;
    }
  | {
      readonly type: 'recordResult';
      readonly callId: string;
      readonly result: LiveRecordResult;
    }
  | { readonly type: 'ended'; readonly callId: string; readonly reason: LiveEndReason }
  | { readonly type: 'error'; readonly code: 'not-found' | 'forbidden' | 'invalid' };

const isText = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

function isSignal(value: unknown): value is LiveSignal {
  if (typeof value !== 'object' || value === null) return false;
  const { description, candidate } = value as Record<string, unknown>;
  if (description !== undefined) {
    const d = description as Record<string, unknown> | null;
    if (!d || !isText(d.type, 20) || typeof d.sdp !== 'string') return false;
  }
  if (candidate !== undefined && candidate !== null) {
    if (typeof (candidate as Record<string, unknown>).candidate !== 'string') return false;
  }
  return description !== undefined || candidate !== undefined;
}

function isRecordResult(value: unknown): value is LiveRecordResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.phase === 'recording') return true;
  if (r.phase === 'failed') return typeof r.message === 'string' && r.message.length <= 1000;
  return (
    r.phase === 'done' &&
    isText(r.recordingId) &&
    (r.causeId === null || isText(r.causeId)) &&
    (r.anomalous === null || typeof r.anomalous === 'boolean')
  );
}

function isLiveCalibration(value: unknown): boolean {
  try {
    return storedCalibrationFromJson(value).frequenciesHz.length <= LIVE_CALIBRATION_POINTS;
  } catch {
    return false;
  }
}

/** A client's message, or null when it is not one (malformed, unknown type, missing fields). */
export function parseClientMessage(text: string): ClientMessage | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type } = value;
  if (type === 'open') {
    const calibrationOk = !('calibration' in value) || isLiveCalibration(value.calibration);
    return isText(value.machineId) && calibrationOk ? (value as ClientMessage) : null;
  }
  if (!isText(value.callId)) return null;
  if (type === 'join' || type === 'record') return value as ClientMessage;
  if (type === 'talk') return typeof value.on === 'boolean' ? (value as ClientMessage) : null;
  if (type === 'leave') {
    return value.reason === undefined || value.reason === 'peer-failed'
      ? (value as ClientMessage)
      : null;
  }
  if (type === 'signal') {
    const peerOk = value.peerId === undefined || isText(value.peerId);
    return peerOk && isSignal(value.signal) ? (value as ClientMessage) : null;
  }
  if (type === 'recordResult')
    return isRecordResult(value.result) ? (value as ClientMessage) : null;
  return null;
}
