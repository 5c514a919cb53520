import { describe, expect, it } from 'vitest';
import {
  readStored,
  storedNumber,
  storedObject,
  writeStored,
} from '../../../renderer/app/storedSetting.ts';

const refusing = {
  getItem: (): string | null => {
    throw new Error('SecurityError: storage is disabled');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('a setting kept in the browser', () => {
  it('reads as nothing stored, and writes quietly, when storage refuses', () => {
    expect(readStored(refusing, 'k', (text) => text ?? 'default')).toBe('default');
    expect(() => writeStored(refusing, 'k', { a: 1 })).not.toThrow();
    expect(readStored(undefined, 'k', (text) => text)).toBeNull();
  });

  it('keeps only plain objects and finite numbers from what comes back', () => {
    expect(storedObject('{"a":1}')).toEqual({ a: 1 });
    expect(storedObject('[1,2]')).toBeNull();
    expect(storedObject('null')).toBeNull();
    expect(storedObject('{oops')).toBeNull();
    expect(storedObject(null)).toBeNull();
    expect([1.5, Infinity, NaN, '3', null].map(storedNumber)).toEqual([
      1.5,
      null,
      null,
      null,
      null,
    ]);
  });
});
