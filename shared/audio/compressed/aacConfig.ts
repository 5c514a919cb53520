/**
 * The rate an AAC decoder outputs, from the track's AudioSpecificConfig (ISO 14496-3, 1.6.2.1).
 * HE-AAC codes the lower half of the band at a core rate and rebuilds the upper half with SBR at
 * twice that rate; an MP4 file may hold the core rate in its sample entry while the decoder
 * (Chromium's, ffmpeg's) outputs the SBR rate. The
 * config says which: explicitly (object type 5 or 29 first, with the extension rate) or
 * backward-compatibly (an AAC-LC config followed by the 0x2b7 sync extension with SBR present).
 * A stream that signals SBR only inside its frames (implicit signalling) cannot be told here.
 */

const RATES_HZ = [
  96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
];
const SBR = 5;
const PS = 29;
const SYNC_EXTENSION = 0x2b7;
/** Object types whose config is a GASpecificConfig (AAC Main, LC, SSR, LTP, scalable, ER). */
const GENERAL_AUDIO = new Set([1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23]);

class Bits {
  #at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  get left(): number {
    return this.bytes.length * 8 - this.#at;
  }
  read(count: number): number {
    if (count > this.left) throw new RangeError('the config ends early');
    let value = 0;
    for (let i = 0; i < count; i++, this.#at++) {
      value = value * 2 + ((this.bytes[this.#at >> 3] >> (7 - (this.#at & 7))) & 1);
    }
    return value;
  }
  objectType(): number {
    const type = this.read(5);
    return type === 31 ? 32 + this.read(6) : type;
  }
  rateHz(): number {
    const index = this.read(4);
    return index === 15 ? this.read(24) : (RATES_HZ[index] ?? 0);
  }
}

/** Skips a GASpecificConfig; false when it holds a program config element (not followed). */
function skipGeneralAudio(bits: Bits, objectType: number, channelConfig: number): boolean {
  if (channelConfig === 0) return false;
  bits.read(1); // frameLengthFlag
  if (bits.read(1) === 1) bits.read(14); // coreCoderDelay
  const extension = bits.read(1);
  if (objectType === 6 || objectType === 20) bits.read(3);
  if (extension === 1) {
    if (objectType === 22) bits.read(16);
    if ([17, 19, 20, 23].includes(objectType)) bits.read(3);
    bits.read(1);
  }
  return true;
}

/** The SBR rate a backward-compatible sync extension announces, or null. */
function syncExtensionRateHz(bits: Bits): number | null {
  if (bits.left < 16 || bits.read(11) !== SYNC_EXTENSION) return null;
  if (bits.objectType() !== SBR || bits.read(1) !== 1) return null;
  return bits.rateHz();
}

/** What the decoder outputs: its rate, and how many samples one AAC frame decodes to. */
export interface AacOutput {
  readonly sampleRateHz: number;
  /** 1024, or 2048 for SBR at twice the core rate. */
  readonly frameSamples: number;
}

/** SBR at `sbrRateHz` over a core at `coreRateHz`, or `declared` when either is unknown. */
function sbrOutput(sbrRateHz: number | null, coreRateHz: number, declared: AacOutput): AacOutput {
  if (!sbrRateHz || !coreRateHz) return declared;
  return { sampleRateHz: sbrRateHz, frameSamples: Math.round((1024 * sbrRateHz) / coreRateHz) };
}

/**
 * What the decoder of `config` outputs: the SBR rate when the config signals SBR, else
 * `declaredRateHz` (the sample entry's); also `declaredRateHz` for a config that cannot be read.
 */
export function aacOutput(config: Uint8Array | null, declaredRateHz: number): AacOutput {
  const declared = { sampleRateHz: declaredRateHz, frameSamples: 1024 };
  if (config === null) return declared;
  try {
    const bits = new Bits(config);
    const objectType = bits.objectType();
    const coreRateHz = bits.rateHz();
    const channelConfig = bits.read(4);
    if (objectType === SBR || objectType === PS) {
      return sbrOutput(bits.rateHz(), coreRateHz, declared);
    }
    if (!GENERAL_AUDIO.has(objectType) || !skipGeneralAudio(bits, objectType, channelConfig)) {
      return declared;
    }
    return sbrOutput(syncExtensionRateHz(bits), coreRateHz, declared);
  } catch {
    return declared;
  }
}
