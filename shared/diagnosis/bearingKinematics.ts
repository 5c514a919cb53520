/**
 * Rolling-element kinematics: defect frequencies as multiples of shaft speed, for a stationary
 * outer ring and a rotating inner ring (the usual spindle bearing, and a ball screw whose nut is
 * held while the screw turns).
 *
 * The standard kinematic formulas (e.g. R. B. Randall, Vibration-based Condition
 * Monitoring, 2011), with n balls of diameter d on pitch diameter D at contact angle φ:
 *   BPFO = n/2 · (1 − d/D·cosφ)          outer-race defect
 *   BPFI = n/2 · (1 + d/D·cosφ)          inner-race defect
 *   BSF  = D/(2d) · (1 − (d/D·cosφ)²)    ball spin; a ball defect strikes both races: 2×BSF
 *   FTF  = 1/2 · (1 − d/D·cosφ)          cage (fundamental train)
 * For SKF 6205 (9 balls, d = 7.94 mm, D = 39.04 mm, φ = 0) this gives 3.5848, 5.4152, 2.3568,
 * 0.39831; the CWRU bearing data centre lists 3.5848, 5.4152, 0.39828 and, as "rolling element",
 * 4.7135 = 2 × 2.3568 (the other BSF convention, D/d instead of D/(2d)).
 */
import type { BearingOrders, RollingGeometry } from './profileTypes.ts';

/** Defect orders (multiples of shaft speed) of a rolling-element geometry. */
export function rollingElementOrders(geometry: RollingGeometry): BearingOrders {
  const { balls, ballDiameterMm, pitchDiameterMm, contactAngleDeg } = geometry;
  if (!(ballDiameterMm > 0 && pitchDiameterMm > ballDiameterMm)) {
    throw new RangeError('rollingElementOrders: need 0 < ballDiameterMm < pitchDiameterMm');
  }
  const ratio = (ballDiameterMm / pitchDiameterMm) * Math.cos((contactAngleDeg * Math.PI) / 180);
  return {
    bpfo: (balls / 2) * (1 - ratio),
    bpfi: (balls / 2) * (1 + ratio),
    bsf: (pitchDiameterMm / (2 * ballDiameterMm)) * (1 - ratio * ratio),
    ftf: 0.5 * (1 - ratio),
  };
}

/** Formats a number with 5 significant digits for the `origin` texts: 3.5848, 24.667, 107.36. */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(5)));
}

/** The geometry part of an origin text: `9/2 × (1 − 7.94/39.04 × cos 0°)`. */
export function geometryText(geometry: RollingGeometry, which: keyof BearingOrders): string {
  const { balls, ballDiameterMm: d, pitchDiameterMm: D, contactAngleDeg: phi } = geometry;
  const ratio = `${formatNumber(d)}/${formatNumber(D)} × cos ${formatNumber(phi)}°`;
  switch (which) {
    case 'bpfo':
      return `${balls}/2 × (1 − ${ratio})`;
    case 'bpfi':
      return `${balls}/2 × (1 + ${ratio})`;
    case 'bsf':
      return `${formatNumber(D)}/(2 × ${formatNumber(d)}) × (1 − (${ratio})²)`;
    case 'ftf':
      return `1/2 × (1 − ${ratio})`;
  }
}
