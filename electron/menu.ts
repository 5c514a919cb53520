/**
 * The application menu: Electron's standard role menus only (their items are translated by the
 * OS and need no code). The Edit menu matters on macOS, where copy and paste in text fields go
 * through it. No item opens a URL or a file.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(platform: string): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  return [
    ...appMenu,
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
