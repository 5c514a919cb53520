import { describe, expect, it } from 'vitest';
import { withOpusParameters } from '../../../shared/live/opusSdp.ts';
import { parseClientMessage } from '../../../shared/live/protocol.ts';

const SDP = [
  'v=0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=0;stereo=1',
  'a=rtpmap:63 red/48000/2',
  'a=fmtp:63 111/111',
  'a=rtpmap:9 G722/8000',
  '',
].join('\r\n');

describe('Opus parameters in a session description', () => {
  it('sets full bitrate, mono, in-band FEC and 48 kHz on Opus, keeping its other parameters', () => {
    const out = withOpusParameters(SDP);
    expect(out).toContain(
      'a=fmtp:111 minptime=10;useinbandfec=1;stereo=0;maxaveragebitrate=510000;sprop-stereo=0;maxplaybackrate=48000',
    );
    expect(out).toContain('a=fmtp:63 111/111');
    expect(out.endsWith('\r\n')).toBe(true);
  });

  it('adds an fmtp line to an Opus payload type that has none', () => {
    const out = withOpusParameters('a=rtpmap:96 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\n');
    expect(out.split('\r\n')[1]).toBe(
      'a=fmtp:96 maxaveragebitrate=510000;stereo=0;sprop-stereo=0;useinbandfec=1;maxplaybackrate=48000',
    );
  });
});

describe('signalling messages from clients', () => {
  it('accepts the known shapes and refuses junk', () => {
    expect(parseClientMessage('{"type":"open","machineId":"m1"}')).toEqual({
      type: 'open',
      machineId: 'm1',
    });
    expect(parseClientMessage('{"type":"join","callId":"c"}')).not.toBeNull();
    expect(
      parseClientMessage('{"type":"signal","callId":"c","signal":{"candidate":null}}'),
    ).not.toBeNull();
    expect(parseClientMessage('{"type":"signal","callId":"c","signal":{}}')).toBeNull();
    expect(parseClientMessage('{"type":"open"}')).toBeNull();
    expect(parseClientMessage('{"type":"leave","callId":"c","reason":"bored"}')).toBeNull();
    expect(parseClientMessage('{"type":"wat","callId":"c"}')).toBeNull();
    expect(parseClientMessage('{"type":"talk","callId":"c","on":false}')).toEqual({
      type: 'talk',
      callId: 'c',
      on: false,
    });
    expect(parseClientMessage('{"type":"talk","callId":"c"}')).toBeNull();
    expect(parseClientMessage('{"type":"talk","callId":"c","on":"yes"}')).toBeNull();
    expect(parseClientMessage('null')).toBeNull();
    expect(parseClientMessage('[')).toBeNull();
    const done = { phase: 'done', recordingId: 'r', causeId: null, anomalous: false };
    expect(
      parseClientMessage(JSON.stringify({ type: 'recordResult', callId: 'c', result: done })),
    ).not.toBeNull();
  });
});
