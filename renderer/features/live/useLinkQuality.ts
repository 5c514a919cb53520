/**
 * What the expert actually receives: the negotiated codec line (Opus and its parameters, as
 * WebRTC's statistics report them) and the audio bitrate over the last two seconds, so the expert
 * can judge the sound and the test can check the Opus parameters took effect.
 */
import { useEffect, useState } from 'react';

export interface LinkQuality {
  /** e.g. `audio/opus 48000 minptime=10;useinbandfec=1;stereo=0;maxaveragebitrate=510000…` */
  readonly codec: string;
  readonly receiveKbps: number | null;
}

const POLL_MS = 2000;

export function useLinkQuality(connection: RTCPeerConnection | null): LinkQuality | null {
  const [quality, setQuality] = useState<LinkQuality | null>(null);
  useEffect(() => {
    if (connection === null) return;
    let last: { bytes: number; atMs: number } | null = null;
    const poll = async () => {
      const stats = await connection.getStats();
      let codec = '';
      let receiveKbps: number | null = null;
      stats.forEach((report: RTCStats & Record<string, unknown>) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio') {
          const bytes = Number(report.bytesReceived ?? 0);
          const atMs = Number(report.timestamp);
          if (last !== null && atMs > last.atMs) {
            receiveKbps = Math.round(((bytes - last.bytes) * 8) / (atMs - last.atMs));
          }
          last = { bytes, atMs };
          const found = stats.get(String(report.codecId));
          if (found)
            codec = `${found.mimeType} ${found.clockRate} ${found.sdpFmtpLine ?? ''}`.trim();
        }
      });
      setQuality({ codec, receiveKbps });
    };
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      window.clearInterval(timer);
      setQuality(null);
    };
  }, [connection]);
  return quality;
}
