import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../electron/windowOptions.ts';

/** Stands in for Electron's BrowserWindow (the binary cannot run here): keeps the options. */
class RecordingWindow {
  readonly options: BrowserWindowConstructorOptions;
  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
  }
}

function preferences(devTools = false) {
  const window = createMainWindow(RecordingWindow, { preloadPath: '/app/preload.cjs', devTools });
  return window.options.webPreferences ?? {};
}

describe('the main window', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['disableBlinkFeatures', 'Auxclick'],
  ])('sets %s to %s', (name, value) => {
    expect((preferences() as Record<string, unknown>)[name]).toBe(value);
  });

  it('enables no Blink feature and no remote module', () => {
    const settings = preferences() as Record<string, unknown>;
    expect(settings.enableBlinkFeatures).toBeUndefined();
    expect(settings.enableRemoteModule).toBeUndefined();
  });

  it('loads the given preload', () => {
    expect(preferences().preload).toBe('/app/preload.cjs');
  });

  it.each([true, false])('sets devTools to %s as asked (off in a packaged app)', (devTools) => {
    expect(preferences(devTools).devTools).toBe(devTools);
  });

  it('stays hidden until its page is ready', () => {
    const window = createMainWindow(RecordingWindow, { preloadPath: '/p.cjs', devTools: false });
    expect(window.options.show).toBe(false);
  });
});
