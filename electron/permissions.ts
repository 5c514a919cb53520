/**
 * Permission rules: the page may use the microphone (audio capture, to record a machine) and
 * nothing else, and only when it is the app's own page. Camera, screen capture, notifications,
 * geolocation, HID/USB/serial, clipboard reading: all refused.
 */
import { isAppUrl } from './appOrigin.ts';

/** What the rules read of a permission request's details (Electron's PermissionRequest). */
export interface PermissionRequestDetails {
  readonly requestingUrl?: string;
  readonly isMainFrame?: boolean;
  /** For 'media': the kinds of device asked for. */
  readonly mediaTypes?: readonly string[];
}

/** What the rules read of a permission check's details (Electron's PermissionCheckHandlerHandlerDetails). */
export interface PermissionCheckDetails {
  readonly isMainFrame?: boolean;
  /** For 'media': 'audio', 'video' or 'unknown'. */
  readonly mediaType?: string;
}

/** True when a request is granted: 'media', audio only, from the app's own main frame. */
export function allowPermissionRequest(
  permission: string,
  details: PermissionRequestDetails,
): boolean {
  const mediaTypes = details.mediaTypes ?? [];
  return (
    permission === 'media' &&
    mediaTypes.length > 0 &&
    mediaTypes.every((type) => type === 'audio') &&
    details.isMainFrame !== false &&
    isAppUrl(details.requestingUrl ?? '')
  );
}

/** True when a synchronous permission check passes: the same rule for an origin. */
export function allowPermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetails,
): boolean {
  return (
    permission === 'media' &&
    details.mediaType === 'audio' &&
    details.isMainFrame !== false &&
    isAppUrl(requestingOrigin)
  );
}

/** What installing the rules needs of Electron's Session. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionRequestDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: PermissionCheckDetails,
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** Installs the rules on a session; device access (HID, USB, serial) is always refused. */
export function installPermissionHandlers(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(allowPermissionRequest(permission, details));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    allowPermissionCheck(permission, requestingOrigin, details),
  );
  session.setDevicePermissionHandler(() => false);
}
