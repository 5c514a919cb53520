import { describe, expect, it } from 'vitest';
import {
  allowPermissionCheck,
  allowPermissionRequest,
  installPermissionHandlers,
} from '../../electron/permissions.ts';
import type {
  PermissionCheckDetails,
  PermissionRequestDetails,
  PermissionSession,
} from '../../electron/permissions.ts';

const OWN_PAGE = 'app://auscult/index.html';

describe('permission requests', () => {
  it.each<[string, string, PermissionRequestDetails, boolean]>([
    [
      'the microphone for the app page',
      'media',
      { requestingUrl: OWN_PAGE, isMainFrame: true, mediaTypes: ['audio'] },
      true,
    ],
    [
      'the camera',
      'media',
      { requestingUrl: OWN_PAGE, isMainFrame: true, mediaTypes: ['video'] },
      false,
    ],
    [
      'microphone and camera together',
      'media',
      { requestingUrl: OWN_PAGE, isMainFrame: true, mediaTypes: ['audio', 'video'] },
      false,
    ],
    [
      'media without device kinds (screen capture)',
      'media',
      { requestingUrl: OWN_PAGE, isMainFrame: true, mediaTypes: [] },
      false,
    ],
    [
      'the microphone for a web page',
      'media',
      { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['audio'] },
      false,
    ],
    [
      'the microphone for a file:// page',
      'media',
      { requestingUrl: 'file:///tmp/x.html', isMainFrame: true, mediaTypes: ['audio'] },
      false,
    ],
    [
      'the microphone for another app:// host',
      'media',
      { requestingUrl: 'app://other/index.html', isMainFrame: true, mediaTypes: ['audio'] },
      false,
    ],
    [
      'the microphone for a sub-frame',
      'media',
      { requestingUrl: OWN_PAGE, isMainFrame: false, mediaTypes: ['audio'] },
      false,
    ],
    ['the microphone without a requesting URL', 'media', { mediaTypes: ['audio'] }, false],
    ['notifications', 'notifications', { requestingUrl: OWN_PAGE, isMainFrame: true }, false],
    ['geolocation', 'geolocation', { requestingUrl: OWN_PAGE, isMainFrame: true }, false],
    [
      'reading the clipboard',
      'clipboard-read',
      { requestingUrl: OWN_PAGE, isMainFrame: true },
      false,
    ],
    ['screen capture', 'display-capture', { requestingUrl: OWN_PAGE, isMainFrame: true }, false],
    [
      'opening external links',
      'openExternal',
      { requestingUrl: OWN_PAGE, isMainFrame: true },
      false,
    ],
    ['MIDI system exclusive', 'midiSysex', { requestingUrl: OWN_PAGE, isMainFrame: true }, false],
    ['serial ports', 'serial', { requestingUrl: OWN_PAGE, isMainFrame: true }, false],
  ])('%s: granted %s', (_name, permission, details, granted) => {
    expect(allowPermissionRequest(permission, details)).toBe(granted);
  });
});

describe('permission checks', () => {
  it.each<[string, string, string, PermissionCheckDetails, boolean]>([
    [
      'audio for the app origin',
      'media',
      'app://auscult',
      { mediaType: 'audio', isMainFrame: true },
      true,
    ],
    [
      'video for the app origin',
      'media',
      'app://auscult',
      { mediaType: 'video', isMainFrame: true },
      false,
    ],
    [
      'an unknown media type',
      'media',
      'app://auscult',
      { mediaType: 'unknown', isMainFrame: true },
      false,
    ],
    [
      'audio for a web origin',
      'media',
      'https://evil.example',
      { mediaType: 'audio', isMainFrame: true },
      false,
    ],
    [
      'audio for a sub-frame',
      'media',
      'app://auscult',
      { mediaType: 'audio', isMainFrame: false },
      false,
    ],
    ['serial for the app origin', 'serial', 'app://auscult', { isMainFrame: true }, false],
  ])('%s: passes %s', (_name, permission, origin, details, passes) => {
    expect(allowPermissionCheck(permission, origin, details)).toBe(passes);
  });
});

describe('installPermissionHandlers', () => {
  type Handlers = {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
    device?: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
  };
  function install(): Handlers {
    const handlers: Handlers = {};
    installPermissionHandlers({
      setPermissionRequestHandler: (handler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler) => (handlers.check = handler),
      setDevicePermissionHandler: (handler) => (handlers.device = handler),
    });
    return handlers;
  }

  it('answers requests through the rules', () => {
    const { request } = install();
    const answers: boolean[] = [];
    request?.(null, 'media', (granted) => answers.push(granted), {
      requestingUrl: OWN_PAGE,
      isMainFrame: true,
      mediaTypes: ['audio'],
    });
    request?.(null, 'media', (granted) => answers.push(granted), {
      requestingUrl: OWN_PAGE,
      isMainFrame: true,
      mediaTypes: ['video'],
    });
    expect(answers).toEqual([true, false]);
  });

  it('answers checks through the rules', () => {
    const { check } = install();
    expect(check?.(null, 'media', 'app://auscult', { mediaType: 'audio', isMainFrame: true })).toBe(
      true,
    );
    expect(check?.(null, 'geolocation', 'app://auscult', { isMainFrame: true })).toBe(false);
  });

  it('refuses every device (HID, USB, serial)', () => {
    expect(install().device?.()).toBe(false);
  });
});
