import { describe, expect, it } from 'vitest';
import { csvLines, csvNumber, csvText } from '../../../shared/csv/cells.ts';

describe('csvText', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', `"'\rCR"`],
    ['a"b', '"a""b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['a,b', '"a,b"'],
    ['plain (Hz)', 'plain (Hz)'],
  ])('writes %j as %j', (text, expected) => {
    expect(csvText(text)).toBe(expected);
  });
});

describe('csvNumber', () => {
  it.each([
    [12.3456789, 2, '12.35'],
    [100, 4, '100'],
    [-0.001, 2, '0'],
    [1e-7, 4, '0'],
    [123456789012, 2, '123456789012'],
    [null, 2, ''],
    [NaN, 2, ''],
    [-Infinity, 2, ''],
  ])('writes %d with at most %d decimals as %j', (value, digits, expected) => {
    expect(csvNumber(value, digits)).toBe(expected);
  });
});

describe('csvLines', () => {
  it('joins cells with commas and rows with CRLF, ending in one', () => {
    expect(
      csvLines([
        ['a', 'b'],
        ['1', '"x,y"'],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
