import { describe, expect, it } from 'vitest';
import { splitStyleElements } from '../../../renderer/waveform/shadowStyles.ts';

describe('splitStyleElements', () => {
  it('takes the rules out of every style element and keeps the rest of the markup', () => {
    const html = `
      <style nonce="">:host { color: red; }</style>
      <div class="scroll"><div class="wrapper"></div></div>
      <STYLE>.a > b { top: 0 }</STYLE >`;
    const { css, markup } = splitStyleElements(html);
    expect(css).toBe(':host { color: red; }\n.a > b { top: 0 }');
    expect(markup).not.toMatch(/style/i);
    expect(markup).toContain('<div class="scroll"><div class="wrapper"></div></div>');
  });

  it('leaves markup without style elements as it is', () => {
    expect(splitStyleElements('<p class="style">x</p>')).toEqual({
      css: '',
      markup: '<p class="style">x</p>',
    });
  });
});
