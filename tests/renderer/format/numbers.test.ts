import { describe, expect, it } from 'vitest';
import {
  formatFrequencyHz,
  formatLevelDb,
  formatSeconds,
  secondsInputValue,
} from '../../../renderer/format/numbers.ts';

describe('numbers rounded to what they mean', () => {
  it('writes times to 0.01 s', () => {
    expect(formatSeconds(9.60541, 'en')).toBe('9.61');
    expect(formatSeconds(12, 'en')).toBe('12.00');
    expect(formatSeconds(1234.5, 'zh-CN')).toBe('1,234.50');
  });

  it('writes frequencies to 0.1 Hz and levels to 0.1 dB', () => {
    expect(formatFrequencyHz(29.9876, 'en')).toBe('30.0');
    expect(formatFrequencyHz(12345.67, 'en')).toBe('12,345.7');
    expect(formatLevelDb(-73.25, 'en')).toBe('-73.3');
    expect(formatLevelDb(Number.NaN, 'en')).toBe('—');
  });

  it('gives number inputs seconds to 0.01 s without grouping', () => {
    expect(secondsInputValue(9.60541)).toBe('9.61');
    expect(secondsInputValue(1234.5)).toBe('1234.5');
    expect(secondsInputValue(Number.POSITIVE_INFINITY)).toBe('');
  });
});
