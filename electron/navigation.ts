/**
 * The page never leaves `app://auscult`: no navigation, no redirect, no new window, no webview.
 * The page routes with the location hash, which is not a navigation, so nothing legitimate is
 * refused. Links to the web would need an allow-list and shell.openExternal; there are none.
 */

/** What the guards need of Electron's WebContents. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface Preventable {
  preventDefault(): void;
}

/** Installs the guards on one WebContents (main calls it for every one created). */
export function installNavigationGuards(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
