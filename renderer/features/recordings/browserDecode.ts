/**
 * AAC recordings (iPhone Voice Memos, Android recorders' .m4a) decoded by the browser: no AAC
 * decoder Auscult may ship runs in the host, but the browser's own does (docs/formats.md,
 * "Recordings from phones"). The page sends its WAV decoding followed by the original file in
 * the same chunked import; the host checks both and keeps the original.
 */
import type { BrowserDecodedUpload } from '../../../shared/api/contract.ts';
import { readAacTrack, isMp4Container } from '../../../shared/audio/compressed/aacTrack.ts';
import { SNIFF_BYTES } from '../../../shared/audio/compressed/sniff.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import type { ImportSource } from './importSource.ts';

/** What is sent: the file as it is, or the page's WAV then the file. */
export interface PreparedUpload {
  readonly source: ImportSource;
  readonly browserDecoded: BrowserDecodedUpload | null;
}

/**
 * Decodes at the file's own rate. decodeAudioData resamples to its context's rate, so the
 * context is made at the rate the M4A declares: the samples stay as the phone recorded them,
 * and the spectrum's top is the file's own. The context renders nothing (one frame); the
 * decoded buffer keeps the file's channel count whatever the context's.
 */
async function decodeAtOwnRate(bytes: ArrayBuffer, sampleRateHz: number): Promise<AudioBuffer> {
  const context = new OfflineAudioContext(1, 1, sampleRateHz);
  return context.decodeAudioData(bytes);
}

/**
 * Float32: decodeAudioData gives 32-bit float samples, which a float WAV keeps exactly (16-bit
 * would add quantisation noise under a quiet machine's floor), and the host stores decoded
 * phone audio as 32-bit float WAV anyway.
 */
function wavOf(audio: AudioBuffer): Uint8Array {
  const channels = Array.from({ length: audio.numberOfChannels }, (_, c) =>
    audio.getChannelData(c),
  );
  return encodeWav(channels, audio.sampleRate, { encoding: 'float32' });
}

/**
 * What to upload for `file`: when its content is an MP4 holding AAC and the browser decodes it,
 * the WAV then the original; otherwise the file as it is, and the host decodes it or says why
 * not (a damaged or AMR/MP3 MP4 included).
 */
export async function prepareUpload(file: ImportSource): Promise<PreparedUpload> {
  const asIs = { source: file, browserDecoded: null };
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (!isMp4Container(head) || typeof OfflineAudioContext === 'undefined') return asIs;
  const bytes = await file.slice(0, file.size).arrayBuffer();
  let wav: Uint8Array;
  try {
    const track = readAacTrack(new Uint8Array(bytes));
    // decodeAudioData takes the buffer over: it gets a copy, the upload keeps the original.
    wav = wavOf(await decodeAtOwnRate(bytes.slice(0), track.sampleRateHz));
  } catch {
    return asIs;
  }
  const blob = new Blob([wav as Uint8Array<ArrayBuffer>, bytes]);
  return {
    source: { name: file.name, size: blob.size, slice: (start, end) => blob.slice(start, end) },
    browserDecoded: { wavBytes: wav.length },
  };
}
