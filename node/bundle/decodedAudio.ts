/**
 * A recording whose original no host can decode (AAC) opens from the library's WAV that the
 * bundle carries beside it (docs/formats.md, "Review bundles"). Its hash was checked as it was
 * streamed out; here it must also be a WAV, agree with the recording the manifest describes
 * (rate, channels, length), and with the M4A it stands for (rate, and length within three AAC
 * frames, as when the page sent it). The original is kept byte for byte beside it.
 */
import { readFile } from 'node:fs/promises';
import type { BundleRecording } from '../../shared/bundle/manifest.ts';
import { BundleError } from '../../shared/bundle/refusals.ts';
import type { WavInfo } from '../../shared/audio/wavReader.ts';
import { MAX_COMPRESSED_BYTES, sniffFile } from '../audio/decoders/decodeToWav.ts';
import { InputError, recordingInputError } from '../diagnosis/inputError.ts';
import { aacOriginal, originalTrack } from '../workflows/browserDecoded.ts';
import type { OriginalRequest } from '../workflows/placeRecording.ts';
import { checkWavFile } from '../workflows/wavCheck.ts';

/** The WAV says what the recording's row says: its rate, channels and length (to a sample). */
function checkAgainstRow(recording: BundleRecording, path: string, wav: WavInfo): void {
  const codec = recording.codec;
  const apartSeconds = Math.abs(wav.durationSeconds - recording.durationSeconds);
  if (
    codec === null ||
    wav.sampleRateHz !== codec.sampleRateHz ||
    wav.channelCount !== codec.channelCount ||
    apartSeconds * wav.sampleRateHz > 0.5
  ) {
    throw new BundleError('decoded-mismatch', {
      path,
      wavRateHz: wav.sampleRateHz,
      wavChannels: wav.channelCount,
      wavSeconds: wav.durationSeconds.toFixed(3),
      rateHz: codec?.sampleRateHz ?? 0,
      channels: codec?.channelCount ?? 0,
      seconds: recording.durationSeconds.toFixed(3),
    });
  }
}

/**
 * Checks the decoded WAV at `wavPath` against `recording` and its original at `originalPath`.
 * Resolves to the original to keep beside it, with its codec measured here (AAC, the WAV's rate
 * and channels, the original's size over the WAV's length). Rejects with BundleError when the WAV
 * is not a WAV or disagrees with the manifest, InputError when it or the M4A is unusable.
 */
export async function carriedOriginal(
  recording: BundleRecording,
  originalPath: string,
  wavPath: string,
): Promise<OriginalRequest> {
  const path = recording.decoded?.file ?? recording.file;
  const sniffed = await sniffFile(wavPath);
  if (sniffed.kind !== 'audio' || sniffed.container !== 'wav') {
    throw new BundleError('decoded-not-wav', { path });
  }
  if (recording.sizeBytes > MAX_COMPRESSED_BYTES) {
    throw new InputError(
      `"${recording.name}" is too large to import: ${recording.sizeBytes} bytes, at most ${MAX_COMPRESSED_BYTES}`,
      'too-large',
      { name: recording.name, sizeBytes: recording.sizeBytes, maxBytes: MAX_COMPRESSED_BYTES },
    );
  }
  const wav = await checkWavFile(wavPath, recording.name, 'header');
  checkAgainstRow(recording, path, wav);
  try {
    const original = new Uint8Array(await readFile(originalPath));
    const track = originalTrack(original, recording.name);
    return aacOriginal(track, original.length, originalPath, wav, recording.name);
  } catch (error) {
    throw recordingInputError(error, recording.name);
  }
}
