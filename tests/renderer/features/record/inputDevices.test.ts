import { describe, expect, it } from 'vitest';
import {
  audioConstraints,
  captureFailure,
  chosenDeviceName,
  microphoneChoices,
  processingKeptOn,
  SILENT_MICROPHONE_ERROR,
} from '../../../../renderer/features/record/inputDevices.ts';

describe('audioConstraints', () => {
  it('asks for echo cancellation, noise suppression and gain control off', () => {
    expect(audioConstraints(null)).toEqual({
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
    });
  });

  it('names the chosen device exactly', () => {
    expect(audioConstraints('mic-2').deviceId).toEqual({ exact: 'mic-2' });
  });
});

describe('processingKeptOn', () => {
  it.each([
    [{ echoCancellation: false, noiseSuppression: false, autoGainControl: false }, []],
    [
      { echoCancellation: true, noiseSuppression: false, autoGainControl: true },
      ['echoCancellation', 'autoGainControl'],
    ],
    [{ noiseSuppression: true }, ['noiseSuppression']],
    [{}, []],
  ])('finds %o kept on: %o', (settings, kept) => {
    expect(processingKeptOn(settings)).toEqual(kept);
  });
});

describe('microphoneChoices', () => {
  it('lists audio inputs once, without the communications duplicate or hidden ids', () => {
    const devices = [
      { kind: 'audioinput', deviceId: 'default', label: 'Default' },
      { kind: 'audioinput', deviceId: 'communications', label: 'Comms' },
      { kind: 'audioinput', deviceId: 'usb', label: 'USB mic' },
      { kind: 'audioinput', deviceId: 'usb', label: 'USB mic' },
      { kind: 'audiooutput', deviceId: 'spk', label: 'Speaker' },
      { kind: 'audioinput', deviceId: '', label: '' },
    ] as const;
    expect(microphoneChoices(devices)).toEqual([
      { deviceId: 'default', label: 'Default' },
      { deviceId: 'usb', label: 'USB mic' },
    ]);
  });
});

describe('chosenDeviceName', () => {
  // Chromium lists the system's default input again under the id 'default', its label prefixed
  // in the browser's language ("Default - ", "默认 - "), in the same group as the device itself.
  const umik = {
    kind: 'audioinput',
    deviceId: 'a1',
    label: 'UMIK-1 Gain: 18dB',
    groupId: 'g1',
  } as const;
  const builtIn = { kind: 'audioinput', deviceId: 'b2', label: 'Built-in', groupId: 'g2' } as const;
  const listed = (defaultLabel: string) =>
    microphoneChoices([
      { kind: 'audioinput', deviceId: 'default', label: defaultLabel, groupId: 'g1' },
      umik,
      builtIn,
    ]);

  it('names the microphone the same whether it is chosen itself or as the default', () => {
    // A calibration is kept by this name: one microphone must not have two.
    for (const defaultLabel of ['Default - UMIK-1 Gain: 18dB', '默认 - UMIK-1 Gain: 18dB']) {
      const choices = listed(defaultLabel);
      expect(chosenDeviceName(choices, 'a1')).toBe('UMIK-1 Gain: 18dB');
      expect(chosenDeviceName(choices, 'default')).toBe('UMIK-1 Gain: 18dB');
      expect(chosenDeviceName(choices, null)).toBe('UMIK-1 Gain: 18dB');
      expect(chosenDeviceName(choices, 'b2')).toBe('Built-in');
    }
  });

  it('keeps the default entry’s own label when no device of its group is listed', () => {
    const choices = microphoneChoices([
      { kind: 'audioinput', deviceId: 'default', label: 'Default', groupId: 'g9' },
      builtIn,
    ]);
    expect(chosenDeviceName(choices, null)).toBe('Default');
  });

  it('has no name while labels are hidden (before permission)', () => {
    const hidden = microphoneChoices([{ kind: 'audioinput', deviceId: 'default', label: '' }]);
    expect(chosenDeviceName(hidden, null)).toBeNull();
    expect(chosenDeviceName([], null)).toBeNull();
  });
});

describe('captureFailure', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'not-found'],
    ['OverconstrainedError', 'not-found'],
    ['NotSupportedError', 'unsupported'],
    [SILENT_MICROPHONE_ERROR, 'silent'],
    ['NotReadableError', 'other'],
  ])('reads %s as %s', (name, failure) => {
    expect(captureFailure(named(name))).toBe(failure);
  });
});
