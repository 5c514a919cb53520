/**
 * Opus at its best for a diagnosis over WebRTC: the session description's Opus parameters
 * (RFC 7587) set before it is applied. WebRTC's defaults aim at speech (about 32 kbit/s, often
 * stereo negotiated off but FEC and bandwidth left to the encoder); a machine's sound needs the
 * whole band and as few coding artefacts as possible, so the receiver asks for:
 * - maxaveragebitrate=510000: Opus' ceiling, where it codes the full 20 kHz band transparently;
 * - stereo=0 and sprop-stereo=0: one microphone, one channel (no bits spent on a copy);
 * - useinbandfec=1: a lost packet is rebuilt from the next one instead of concealed with noise
 *   that would show as a broadband bump in the live spectrum;
 * - maxplaybackrate=48000: the full sample rate, so the encoder does not drop to wideband.
 */
export const OPUS_PARAMETERS: Readonly<Record<string, string>> = {
  maxaveragebitrate: '510000',
  stereo: '0',
  'sprop-stereo': '0',
  useinbandfec: '1',
  maxplaybackrate: '48000',
};

/** `sdp` with OPUS_PARAMETERS on every Opus payload type (others untouched). */
export function withOpusParameters(sdp: string): string {
  const lines = sdp.split('\r\n');
  const opusTypes = new Set<string>();
  for (const line of lines) {
    const match = /^a=rtpmap:(\d+) opus\/48000/i.exec(line);
    if (match) opusTypes.add(match[1]);
  }
  const withFmtp = new Set<string>();
  const out = lines.map((line) => {
    const match = /^a=fmtp:(\d+) (.*)$/.exec(line);
    if (!match || !opusTypes.has(match[1])) return line;
    withFmtp.add(match[1]);
    const params = new Map<string, string>();
    for (const pair of match[2].split(';')) {
      const [key, value = ''] = pair.trim().split('=');
      if (key) params.set(key, value);
    }
    for (const [key, value] of Object.entries(OPUS_PARAMETERS)) params.set(key, value);
    const text = [...params].map(([key, value]) => `${key}=${value}`).join(';');
    return `a=fmtp:${match[1]} ${text}`;
  });
  // A payload type without its own fmtp line gets one right after its rtpmap.
  const result: string[] = [];
  for (const line of out) {
    result.push(line);
    const match = /^a=rtpmap:(\d+) opus\/48000/i.exec(line);
    if (match && !withFmtp.has(match[1])) {
      const text = Object.entries(OPUS_PARAMETERS)
        .map(([key, value]) => `${key}=${value}`)
        .join(';');
      result.push(`a=fmtp:${match[1]} ${text}`);
    }
  }
  return result.join('\r\n');
}
