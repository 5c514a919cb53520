/**
 * `auscult analyze --calibration`: a real process on real files — a WAV of two sines of known
 * dBFS and REW/UMIK-style calibration files — reading levels in dB SPL, and refusing bad files.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { readCsv } from '../../helpers/csvReader.ts';
import { expectClose } from '../../helpers/tolerance.ts';
import { auscult, expectOneLineError, removeFolder } from './cliFixture.ts';

const RATE_HZ = 16000;
/** Each sine's amplitude: RMS 0.0707, −23.01 dBFS; both together RMS 0.1, −20 dBFS. */
const AMPLITUDE = 0.1;
const SINE_DBFS = 20 * Math.log10(AMPLITUDE / Math.SQRT2);
let folder: string;
const run = (...args: string[]) => auscult(folder, ...args);

/** A miniDSP-style file: the Sens Factor makes the sensitivity −18.8 dBFS; +3 dB at 100 Hz. */
const UMIK = [
  '"Sens Factor =-0.8dB, AGain =18dB, SERNO: 7000000"',
  '10\t0',
  '50\t0',
  '100\t3.0\t-12.5',
  '200\t0',
  '20000\t0',
].join('\r\n');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-calibration-'));
  const samples = Float64Array.from(
    { length: RATE_HZ * 4 },
    (_, i) =>
      AMPLITUDE * Math.sin((2 * Math.PI * 1000 * i) / RATE_HZ) +
      AMPLITUDE * Math.sin((2 * Math.PI * 100 * i) / RATE_HZ),
  );
  await writeFile(
    join(folder, 'tones.wav'),
    encodeWav([samples], RATE_HZ, { encoding: 'float32' }),
  );
  await writeFile(join(folder, 'umik.txt'), UMIK);
  await writeFile(join(folder, 'flat.txt'), '* flat, no sensitivity\n20 0\n20000 0\n');
  await writeFile(join(folder, 'unsorted.txt'), '* cal\n20 0\n1000 0\n500 0.5\n');
});

afterAll(async () => {
  await removeFolder(folder);
});

/** The power in ±8 bins around a frequency, dB: a sine's whole window lobe. */
function toneLevelDb(csv: string, frequencyHz: number): number {
  const rows = readCsv(csv)
    .rows.slice(1)
    .map((row) => row.map(Number));
  const binWidthHz = rows[1][0] - rows[0][0];
  const bin = Math.round(frequencyHz / binWidthHz);
  let power = 0;
  for (let k = bin - 8; k <= bin + 8; k++) power += 10 ** (rows[k][1] / 10) * binWidthHz;
  return 10 * Math.log10(power);
}

describe('auscult analyze --calibration', () => {
  it('writes the spectrum in dBFS/Hz without a calibration, the unit in the header', async () => {
    const result = await run('analyze', '--csv', 'tones.wav');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\r\n')[0]).toBe('frequency (Hz),level (dBFS/Hz)');
    expectClose(toneLevelDb(result.stdout, 1000), SINE_DBFS, 0.1);
  });

  it('writes dB SPL/Hz through a UMIK file: its Sens Factor and its +3 dB at 100 Hz', async () => {
    const result = await run('analyze', '--csv', '--calibration', 'umik.txt', 'tones.wav');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\r\n')[0]).toBe('frequency (Hz),level (dB SPL/Hz)');
    // 94 dB SPL reads −18.8 dBFS: add 112.8 dB; at 100 Hz the microphone gives 3 dB too much.
    expectClose(toneLevelDb(result.stdout, 1000), SINE_DBFS + 112.8, 0.1);
    expectClose(toneLevelDb(result.stdout, 100), SINE_DBFS + 112.8 - 3, 0.1);
  });

  it('takes the user’s sensitivity over the file’s and reports the level in dB SPL', async () => {
    const result = await run(
      'analyze',
      '--json',
      '--calibration',
      'flat.txt',
      '--sensitivity=-30',
      'tones.wav',
    );
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.levelUnit).toBe('dB SPL');
    expectClose(report.statistics.rmsDb, -20, 0.01);
    expectClose(report.statistics.rmsDbSpl, -20 + 124, 0.1);
    const tone = report.spectrum.peaks.find(
      (p: { frequencyHz: number }) => Math.abs(p.frequencyHz - 1000) < 2,
    );
    const plain = JSON.parse((await run('analyze', '--json', 'tones.wav')).stdout);
    const plainTone = plain.spectrum.peaks.find(
      (p: { frequencyHz: number }) => Math.abs(p.frequencyHz - 1000) < 2,
    );
    expectClose(tone.levelDb - plainTone.levelDb, 124, 0.011);
  });

  it('names the unit in the text report', async () => {
    const result = await run('analyze', '--calibration', 'umik.txt', 'tones.wav');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/dBFS, level [\d.]+ dB SPL\)/);
    expect(result.stdout).toContain('PSD in dB SPL/Hz');
  });

  it('refuses a malformed file, naming it and the line', async () => {
    const result = await run('analyze', '--calibration', 'unsorted.txt', 'tones.wav');
    expectOneLineError(result, 1, /calibration file "unsorted\.txt" is invalid: line 4: /);
  });

  it('refuses a file without a Sens Factor when no sensitivity is given', async () => {
    const result = await run('analyze', '--calibration', 'flat.txt', 'tones.wav');
    expectOneLineError(result, 1, /94 dB SPL at 1 kHz/);
  });

  it('refuses a missing calibration file', async () => {
    const result = await run('analyze', '--calibration', 'nowhere.txt', 'tones.wav');
    expectOneLineError(result, 1, /nowhere\.txt/);
  });

  it.each([
    [['--sensitivity=-30', 'tones.wav'], /--sensitivity needs --calibration/],
    [['--calibration', 'flat.txt', '--sensitivity=loud', 'tones.wav'], /--sensitivity expects/],
    [['--json', '--csv', 'tones.wav'], /--json or --csv/],
  ])('refuses wrong usage: %j', async (args, message) => {
    expectOneLineError(await run('analyze', ...args), 2, message);
  });
});
