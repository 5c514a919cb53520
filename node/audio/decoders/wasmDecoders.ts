/**
 * The WebAssembly decoders behind one shape: bytes in, planar float samples out, chunk by chunk,
 * so a long file is never held decoded in memory. Each package and the library compiled into it
 * is listed with its licence in docs/dependencies.md. Each is imported when first needed, so a
 * command on WAV files starts as fast as before (the Opus package alone is 8 MB of code).
 */

export interface DecodedBlock {
  readonly channelData: readonly Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
  /** Frames the decoder could not read (they are skipped, not decoded). */
  readonly errorCount: number;
}

export interface ChunkDecoder {
  decode(chunk: Uint8Array): Promise<DecodedBlock>;
  /** What the decoder still holds, at the end of the input. */
  flush(): Promise<DecodedBlock>;
  free(): void;
}

export type DecoderKind = 'opus' | 'vorbis' | 'flac' | 'mp3' | 'amr';

interface PackageBlock {
  channelData: Float32Array[];
  samplesDecoded?: number;
  sampleRate: number;
  errors?: readonly unknown[];
}

const EMPTY: DecodedBlock = { channelData: [], samplesDecoded: 0, sampleRate: 0, errorCount: 0 };

function block(result: PackageBlock): DecodedBlock {
  return {
    channelData: result.channelData,
    samplesDecoded: result.samplesDecoded ?? result.channelData[0]?.length ?? 0,
    sampleRate: result.sampleRate,
    errorCount: result.errors?.length ?? 0,
  };
}

interface PackageDecoder {
  ready?: Promise<void>;
  decode(chunk: Uint8Array): PackageBlock | Promise<PackageBlock>;
  flush?(): PackageBlock | Promise<PackageBlock>;
  free(): void;
}

function wrap(decoder: PackageDecoder): ChunkDecoder {
  return {
    decode: async (chunk) => block(await decoder.decode(chunk)),
    flush: async () => (decoder.flush ? block(await decoder.flush()) : EMPTY),
    free: () => decoder.free(),
  };
}

async function packageDecoder(kind: DecoderKind): Promise<PackageDecoder> {
  switch (kind) {
    case 'amr':
      return (await (await import('@audio/decode-amr')).decoder()) as PackageDecoder;
    case 'opus':
      return new (await import('ogg-opus-decoder')).OggOpusDecoder();
    case 'vorbis':
      return new (await import('@wasm-audio-decoders/ogg-vorbis')).OggVorbisDecoder();
    case 'flac':
      return new (await import('@wasm-audio-decoders/flac')).FLACDecoder();
    case 'mp3':
      return new (await import('mpg123-decoder')).MPEGDecoder();
  }
}

/** A ready decoder of `kind`. */
export async function createChunkDecoder(kind: DecoderKind): Promise<ChunkDecoder> {
  const decoder = await packageDecoder(kind);
  await decoder.ready;
  return wrap(decoder);
}
