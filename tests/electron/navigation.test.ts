import { describe, expect, it } from 'vitest';
import { installNavigationGuards } from '../../electron/navigation.ts';
import type { GuardedContents, Preventable } from '../../electron/navigation.ts';

function guardedContents() {
  const listeners = new Map<string, (event: Preventable) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: (event: Preventable) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => (openHandler = handler),
  };
  installNavigationGuards(contents);
  return { listeners, open: (url: string) => openHandler?.({ url }) };
}

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    let prevented = false;
    guardedContents().listeners.get(name)?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it.each([
    'https://example.com/',
    'app://auscult/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('denies a new window for %s', (url) => {
    expect(guardedContents().open(url)).toEqual({ action: 'deny' });
  });
});
