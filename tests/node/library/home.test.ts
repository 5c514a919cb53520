import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryHome, resolveLibraryHome } from '../../../node/library/home.ts';
import type { HomeEnvironment } from '../../../node/library/home.ts';

function environment(
  platform: NodeJS.Platform,
  env: Record<string, string> = {},
  homeDir = '/home/ada',
): HomeEnvironment {
  return { platform, env, homeDir };
}

describe('defaultLibraryHome', () => {
  it.each<[string, HomeEnvironment, string]>([
    ['Linux without XDG_DATA_HOME', environment('linux'), '/home/ada/.local/share/auscult'],
    [
      'Linux with XDG_DATA_HOME',
      environment('linux', { XDG_DATA_HOME: '/data/ada' }),
      '/data/ada/auscult',
    ],
    [
      'Linux with a relative XDG_DATA_HOME (ignored, as the XDG spec asks)',
      environment('linux', { XDG_DATA_HOME: 'relative/data' }),
      '/home/ada/.local/share/auscult',
    ],
    ['FreeBSD', environment('freebsd'), '/home/ada/.local/share/auscult'],
    [
      'macOS',
      environment('darwin', {}, '/Users/ada'),
      '/Users/ada/Library/Application Support/Auscult',
    ],
    [
      'Windows with APPDATA',
      environment('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada'),
      'C:\\Users\\ada\\AppData\\Roaming\\Auscult',
    ],
    [
      'Windows without APPDATA',
      environment('win32', {}, 'C:\\Users\\ada'),
      'C:\\Users\\ada\\AppData\\Roaming\\Auscult',
    ],
  ])('uses the per-user data folder on %s', (_name, env, expected) => {
    expect(defaultLibraryHome(env)).toBe(expected);
  });
});

describe('resolveLibraryHome', () => {
  it('prefers the folder given over AUSCULT_HOME', () => {
    const env = environment('linux', { AUSCULT_HOME: '/srv/auscult' });
    expect(resolveLibraryHome('/tmp/given', env)).toBe('/tmp/given');
  });

  it('uses AUSCULT_HOME when no folder is given', () => {
    const env = environment('linux', { AUSCULT_HOME: '/srv/auscult' });
    expect(resolveLibraryHome(undefined, env)).toBe('/srv/auscult');
  });

  it('falls back to the per-user data folder when AUSCULT_HOME is empty', () => {
    const env = environment('linux', { AUSCULT_HOME: '' });
    expect(resolveLibraryHome(undefined, env)).toBe('/home/ada/.local/share/auscult');
  });

  it('makes a relative folder absolute', () => {
    expect(resolveLibraryHome('relative/lib', environment('linux'))).toBe(resolve('relative/lib'));
  });
});
