/**
 * The AAC decoder's output rate from the config (shared/audio/compressed/aacConfig.ts): HE-AAC
 * signalled explicitly (object type 5 or 29) or backward-compatibly (the 0x2b7 sync extension)
 * outputs its SBR rate, whatever the sample entry says; AAC-LC, a config that ends early or none
 * at all keep the sample entry's rate. The committed fixture is AAC-LC at 22.05 kHz whose config
 * signals SBR at 44.1 kHz (scripts/fixtures/makeSbrFixture.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aacOutput } from '../../../../shared/audio/compressed/aacConfig.ts';
import { readAacTrack } from '../../../../shared/audio/compressed/aacTrack.ts';
import { readMp4Audio } from '../../../../shared/audio/compressed/mp4.ts';

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
const sbrFixture = () =>
  new Uint8Array(
    readFileSync(join(import.meta.dirname, '../../../fixtures/aac/sbr-signalled.m4a')),
  );

describe('aacOutput', () => {
  it.each<[string, string, number, number]>([
    // 00010 0100 0001 000: AAC-LC, 44.1 kHz, mono: no SBR, the sample entry's rate stands.
    ['AAC-LC', '1208', 22_050, 1024],
    // 00101 0111 0001 0100 00010 000: SBR, core 22.05 kHz, SBR 44.1 kHz, then AAC-LC.
    ['explicit SBR', '2b8a0800', 44_100, 2048],
    // 11101 …: the same with parametric stereo (HE-AAC v2).
    ['explicit PS', 'eb8a0800', 44_100, 2048],
    // AAC-LC 22.05 kHz, sync extension 0x2b7, SBR, present, 44.1 kHz.
    ['backward-compatible SBR present', '138856e5a0', 44_100, 2048],
    ['backward-compatible SBR absent', '138856e500', 22_050, 1024],
    ['a config that ends early', '2b', 22_050, 1024],
    ['a channel layout in a program config', '1200', 22_050, 1024],
  ])('%s', (_what, config, sampleRateHz, frameSamples) => {
    expect(aacOutput(hex(config), 22_050)).toEqual({ sampleRateHz, frameSamples });
  });

  it('keeps the sample entry’s rate without a config', () => {
    expect(aacOutput(null, 48_000)).toEqual({ sampleRateHz: 48_000, frameSamples: 1024 });
  });
});

describe('an M4A whose sample entry holds the core rate of HE-AAC', () => {
  it('reads the decoder’s rate, 44.1 kHz, not the sample entry’s 22.05 kHz', () => {
    const bytes = sbrFixture();
    expect(readMp4Audio(bytes).sampleRateHz).toBe(22_050);
    expect(readAacTrack(bytes).sampleRateHz).toBe(44_100);
  });

  it('reads 22.05 kHz once the config says SBR is absent', () => {
    const bytes = sbrFixture();
    readMp4Audio(bytes).audioSpecificConfig![4] = 0;
    expect(readAacTrack(bytes).sampleRateHz).toBe(22_050);
  });

  it('reads an ES_ID whose low byte is the config descriptor’s tag (4) as an ID, not a descriptor', () => {
    const bytes = sbrFixture();
    const esds = Buffer.from(bytes).indexOf('esds');
    // The box's ES_Descriptor: tag 3, a 4-byte length, then ES_ID 0x0001: make it 0x0004.
    const esId = esds + 4 + 4 + 1 + 4;
    expect([bytes[esId], bytes[esId + 1]]).toEqual([0, 1]);
    bytes[esId + 1] = 4;
    expect(readAacTrack(bytes).sampleRateHz).toBe(44_100);
  });
});
