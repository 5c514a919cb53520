import { describe, expect, it } from 'vitest';
import {
  audioConstraints,
  captureFailure,
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
