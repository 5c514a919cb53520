import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../electron/menu.ts';

describe('the application menu', () => {
  it.each([
    ['darwin', ['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu']],
    ['linux', ['fileMenu', 'editMenu', 'viewMenu', 'windowMenu']],
    ['win32', ['fileMenu', 'editMenu', 'viewMenu', 'windowMenu']],
  ])('on %s holds only the standard role menus %j', (platform, roles) => {
    const template = applicationMenuTemplate(platform);
    expect(template.map((item) => item.role)).toEqual(roles);
    expect(template.every((item) => item.click === undefined && item.submenu === undefined)).toBe(
      true,
    );
  });
});
