/** Numbers in diagnosis texts, rounded to what they mean (the same digits in both languages). */

/** A frequency to 0.1 Hz, without the unit: "88.4". */
export function hz(value: number): string {
  return value.toFixed(1);
}

/** A level or a level difference to 0.1 dB, without the unit. */
export function db(value: number): string {
  return value.toFixed(1);
}

/** A signed level difference: "+4.2" or "−1.0" (a true minus sign). */
export function signedDb(value: number): string {
  const text = Math.abs(value).toFixed(1);
  return value < 0 && text !== '0.0' ? `−${text}` : `+${text}`;
}

/** A statistic (z, kurtosis) to one decimal. */
export function stat(value: number): string {
  return value.toFixed(1);
}

/** A factor of kinematic arithmetic (order, speed), 5 significant digits: 3.5848, 24.667. */
export function factor(value: number): string {
  return String(Number(value.toPrecision(5)));
}

/** An order of a fundamental: 1, 0.5, 2.5 (no trailing zeros). */
export function order(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** A list of frequencies joined with `separator`: "88.4, 176.8". */
export function hzList(values: readonly number[], separator: string): string {
  return values.map(hz).join(separator);
}
