/** The shapes of a RIFF/RF64 container and its chunk headers, shared by the header readers. */

export type WavContainer = 'RIFF' | 'RF64' | 'BW64';

export interface ChunkHeader {
  readonly id: string;
  /** Where the 8-byte header starts. */
  readonly offsetBytes: number;
  readonly payloadOffsetBytes: number;
  /** Declared payload size; for RF64/BW64 a size field of 0xFFFFFFFF is replaced from ds64. */
  readonly sizeBytes: number;
  /** The 32-bit size field as written. */
  readonly sizeField: number;
}
