/**
 * Digital Butterworth filter design as second-order sections, step for step as
 * scipy.signal.butter(N, Wn, btype, output='sos', fs=...): analog prototype (buttap), frequency
 * transform (lp2lp_zpk / lp2hp_zpk / lp2bp_zpk) at pre-warped edges, bilinear transform
 * (bilinear_zpk, fs = 2), then zpk2sos. The coefficients agree with scipy to rounding.
 */
import {
  complex,
  div,
  mul,
  product,
  scale,
  sqrt,
  sub,
  add,
  zpkToSos,
  type Complex,
  type Sos,
} from './zpk.ts';

export type { Sos, SosSection } from './zpk.ts';

export type FilterType = 'lowpass' | 'highpass' | 'bandpass';

export interface ButterworthSpec {
  /** Filter order N (scipy's N). A band-pass of order N has 2N poles (N sections). */
  readonly order: number;
  readonly type: FilterType;
  /** Cut-off in Hz (-3 dB): one number for low/high-pass, [lowHz, highHz] for band-pass. */
  readonly cutoffHz: number | readonly [number, number];
  readonly sampleRateHz: number;
}

interface Zpk {
  zeros: Complex[];
  poles: Complex[];
  gain: number;
}

export function assertSampleRate(sampleRateHz: number, where: string): void {
  if (!(Number.isFinite(sampleRateHz) && sampleRateHz > 0)) {
    throw new RangeError(`${where}: sampleRateHz must be a positive number, got ${sampleRateHz}`);
  }
}

/** Cut-offs as fractions of Nyquist (scipy's Wn), after checking them against the type. */
function normalisedCutoffs(spec: ButterworthSpec): number[] {
  const { cutoffHz, type, sampleRateHz } = spec;
  const nyquistHz = sampleRateHz / 2;
  const list = typeof cutoffHz === 'number' ? [cutoffHz] : [...cutoffHz];
  const wanted = type === 'bandpass' ? 2 : 1;
  if (list.length !== wanted) {
    throw new RangeError(
      `designButterworth: cutoffHz must give ${wanted} frequency(ies) for ${type}`,
    );
  }
  for (const f of list) {
    if (!(f > 0 && f < nyquistHz)) {
      throw new RangeError(
        `designButterworth: cutoffHz ${f} must lie strictly between 0 and Nyquist (${nyquistHz} Hz)`,
      );
    }
  }
  if (wanted === 2 && !(list[0] < list[1])) {
    throw new RangeError('designButterworth: cutoffHz must be [lowHz, highHz] with lowHz < highHz');
  }
  return list.map((f) => f / nyquistHz);
}

/** scipy.signal.buttap: N poles on the left half of the unit circle, no zeros, gain 1. */
function analogPrototype(order: number): Zpk {
  const poles: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const angle = (Math.PI * m) / (2 * order);
    // m = 0 gives the exactly real pole -1 that odd orders need.
    poles.push(complex(-Math.cos(angle), m === 0 ? 0 : -Math.sin(angle)));
  }
  return { zeros: [], poles, gain: 1 };
}

function toBandPass(proto: Zpk, centre: number, bandwidth: number): Zpk {
  const poles: Complex[] = [];
  const shifted = proto.poles.map((p) => scale(p, bandwidth / 2));
  const roots = shifted.map((p) => sqrt(sub(mul(p, p), complex(centre * centre))));
  shifted.forEach((p, i) => poles.push(add(p, roots[i])));
  shifted.forEach((p, i) => poles.push(sub(p, roots[i])));
  const degree = proto.poles.length;
  return {
    zeros: Array.from({ length: degree }, () => complex(0)),
    poles,
    gain: proto.gain * bandwidth ** degree,
  };
}

function transform(proto: Zpk, type: FilterType, warped: number[]): Zpk {
  const degree = proto.poles.length;
  if (type === 'lowpass') {
    const wo = warped[0];
    return { zeros: [], poles: proto.poles.map((p) => scale(p, wo)), gain: wo ** degree };
  }
  if (type === 'highpass') {
    const wo = warped[0];
    const gain = div(complex(1), product(proto.poles.map((p) => scale(p, -1)))).re;
    return {
      zeros: Array.from({ length: degree }, () => complex(0)),
      poles: proto.poles.map((p) => div(complex(wo), p)),
      gain,
    };
  }
  return toBandPass(proto, Math.sqrt(warped[0] * warped[1]), warped[1] - warped[0]);
}

/** scipy.signal.bilinear_zpk with fs = 2 (the normalised design rate iirfilter uses). */
function bilinear({ zeros, poles, gain }: Zpk): Zpk {
  const fs2 = complex(4);
  const map = (s: Complex) => div(add(fs2, s), sub(fs2, s));
  const degree = poles.length - zeros.length;
  const numerator = product(zeros.map((z) => sub(fs2, z)));
  const denominator = product(poles.map((p) => sub(fs2, p)));
  return {
    zeros: [...zeros.map(map), ...Array.from({ length: degree }, () => complex(-1))],
    poles: poles.map(map),
    gain: gain * div(numerator, denominator).re,
  };
}

/**
 * Designs a digital Butterworth filter as second-order sections
 * (scipy.signal.butter(order, cutoffHz, type, output='sos', fs=sampleRateHz)).
 * Throws RangeError for an order that is not a positive integer, a non-positive sample rate, or
 * cut-offs outside (0, Nyquist).
 */
export function designButterworth(spec: ButterworthSpec): Sos {
  const { order, type, sampleRateHz } = spec;
  if (!(Number.isInteger(order) && order >= 1)) {
    throw new RangeError(`designButterworth: order must be an integer >= 1, got ${order}`);
  }
  if (type !== 'lowpass' && type !== 'highpass' && type !== 'bandpass') {
    throw new RangeError(`designButterworth: type must be lowpass, highpass or bandpass`);
  }
  assertSampleRate(sampleRateHz, 'designButterworth');
  const warped = normalisedCutoffs(spec).map((wn) => 4 * Math.tan((Math.PI * wn) / 2));
  const digital = bilinear(transform(analogPrototype(order), type, warped));
  return zpkToSos(digital.zeros, digital.poles, digital.gain);
}

/** Complex frequency response of the sections at `frequencyHz` (scipy.signal.sosfreqz). */
export function sosResponse(sos: Sos, frequencyHz: number, sampleRateHz: number): Complex {
  const w = (2 * Math.PI * frequencyHz) / sampleRateHz;
  const z1 = complex(Math.cos(w), -Math.sin(w));
  const z2 = mul(z1, z1);
  let h = complex(1);
  for (const [b0, b1, b2, a0, a1, a2] of sos) {
    const num = add(add(complex(b0), scale(z1, b1)), scale(z2, b2));
    const den = add(add(complex(a0), scale(z1, a1)), scale(z2, a2));
    h = mul(h, div(num, den));
  }
  return h;
}
