/**
 * The microphone as Auscult asks for it: no echo cancellation, noise suppression or automatic
 * gain control (they make steady machine tones fade), checked afterwards because a device may
 * keep them on regardless; and the list of microphones to choose from.
 */

export const PROCESSING_FEATURES = [
  'echoCancellation',
  'noiseSuppression',
  'autoGainControl',
] as const;
export type ProcessingFeature = (typeof PROCESSING_FEATURES)[number];

/** getUserMedia's audio constraints: every processing feature off; a device when one is chosen. */
export function audioConstraints(deviceId: string | null): MediaTrackConstraints {
  return {
    ...(deviceId === null ? {} : { deviceId: { exact: deviceId } }),
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false,
  };
}

/**
 * The processing features the track reports as still on (`track.getSettings()`), in the order
 * of PROCESSING_FEATURES. A feature the browser does not report is not listed.
 */
export function processingKeptOn(
  settings: Partial<Record<ProcessingFeature, unknown>>,
): ProcessingFeature[] {
  return PROCESSING_FEATURES.filter((feature) => settings[feature] === true);
}

export interface MicrophoneChoice {
  readonly deviceId: string;
  /** The device's label; empty before the page may see labels (before permission). */
  readonly label: string;
  /** The physical device's group: the 'default' entry shares the chosen device's. */
  readonly groupId?: string;
}

/**
 * The audio inputs among `devices`, each once (Chromium also lists the system's default and
 * communications devices under the ids 'default' and 'communications': the "default" entry
 * stands for the system's choice and is kept, 'communications' is a duplicate and is dropped).
 */
export function microphoneChoices(
  devices: readonly (Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'> & {
    readonly groupId?: string;
  })[],
): MicrophoneChoice[] {
  const seen = new Set<string>();
  const out: MicrophoneChoice[] = [];
  for (const device of devices) {
    if (device.kind !== 'audioinput' || device.deviceId === 'communications') continue;
    if (device.deviceId === '' || seen.has(device.deviceId)) continue;
    seen.add(device.deviceId);
    const { deviceId, label, groupId } = device;
    out.push({ deviceId, label, ...(groupId ? { groupId } : {}) });
  }
  return out;
}

export type CaptureFailure = 'denied' | 'not-found' | 'unsupported' | 'silent' | 'other';

/** The name of the error liveGraph.ts raises when an opened microphone sends no audio. */
export const SILENT_MICROPHONE_ERROR = 'SilentMicrophoneError';

/** What went wrong when asking for the microphone, from the DOMException's name. */
export function captureFailure(error: unknown): CaptureFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not-found';
  if (name === 'NotSupportedError') return 'unsupported';
  if (name === SILENT_MICROPHONE_ERROR) return 'silent';
  return 'other';
}

/**
 * The name of the device the page records from: the chosen one's label, or the default's (the
 * `default` entry, else the first); null while labels are hidden (before permission). A
 * microphone calibration is kept by this name, so the `default` entry is named as the device of
 * its group: its own label carries a prefix in the browser's language ("Default - ", "默认 - "),
 * and one microphone chosen itself or as the default would otherwise have two names.
 */
export function chosenDeviceName(
  microphones: readonly MicrophoneChoice[],
  deviceId: string | null,
): string | null {
  const chosen =
    microphones.find((m) => m.deviceId === (deviceId ?? 'default')) ??
    (deviceId === null ? microphones[0] : undefined);
  const itself =
    chosen?.deviceId === 'default' && chosen.groupId
      ? microphones.find((m) => m.deviceId !== 'default' && m.groupId === chosen.groupId)
      : undefined;
  const label = (itself ?? chosen)?.label ?? '';
  return label === '' ? null : label;
}
