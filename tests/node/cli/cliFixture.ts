/**
 * The `auscult` command as a user runs it: a real process on real files in a temporary folder
 * (simulated machine recordings written as WAV, malformed files, a baseline and the CWRU
 * recordings of ../shared/data), with helpers to run it and to check its one-line errors.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { writeFileAtomic } from '../../../node/diagnosis/jsonFiles.ts';
import { buildBaselineFromSegments, serializeBaseline } from '../../../node/diagnosis/pipeline.ts';
import { openLibrary } from '../../../node/library/library.ts';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CWRU = resolve(root, '..', 'shared', 'data', 'cwru');
export const FS = 16000;
const MAIN = join(root, 'node', 'cli', 'run.ts');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `process.execPath` on `script` with `args` in `cwd`. */
export function runNode(script: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--no-warnings', script, ...args],
      { cwd, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ status, stdout, stderr });
      },
    );
  });
}

/** Runs the command line in `folder`, so paths are given as a user types them. */
export function auscult(folder: string, ...args: string[]): Promise<Run> {
  return runNode(MAIN, args, folder);
}

/** One sentence on one line, prefixed, with no stack trace. */
export function expectOneLineError(run: Run, status: number, message: RegExp): void {
  expect(run.status, run.stderr).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^auscult: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  expect(run.stderr).toMatch(message);
}

function machine(seconds: number, seed: number): Uint8Array {
  return encodeWav([simulateMachine({ sampleRateHz: FS, durationSeconds: seconds, seed })], FS);
}

/**
 * A temporary folder with: healthy.wav (6 s) and rec.wav (2 s) of the simulated lathe,
 * profile.json, b.json (its baseline from healthy.wav), v2.json (that baseline claiming
 * version 2), malformed.json, unknown-field.json, notes.txt, cut.wav (30 bytes), short.wav
 * (0.2 s), cut-data.wav (data chunk cut off) and, with `cwru`, cwru-b.json (a baseline from the
 * whole healthy CWRU record).
 */
export async function createCliFolder(options: { cwru?: boolean } = {}): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'auscult-cli-'));
  const put = (name: string, content: Uint8Array | string) =>
    writeFile(join(folder, name), content);
  const healthy = machine(6, 1);
  await put('healthy.wav', healthy);
  await put('rec.wav', machine(2, 2));
  await put('profile.json', JSON.stringify(simLatheProfileJson));
  await put('malformed.json', '{ "id": "lathe", ');
  await put('unknown-field.json', JSON.stringify({ ...simLatheProfileJson, colour: 'red' }));
  await put('notes.txt', 'not audio at all\n');
  await put('cut.wav', healthy.subarray(0, 30));
  await put('short.wav', encodeWav([new Float64Array(0.2 * FS)], FS));
  // A crashed recorder's file: the header promises more data than there is.
  await put('cut-data.wav', healthy.subarray(0, healthy.length - 1000));

  const { result } = await buildBaselineFromSegments(
    [{ path: join(folder, 'healthy.wav') }],
    parseMachineProfile(simLatheProfileJson),
  );
  await writeFileAtomic(join(folder, 'b.json'), serializeBaseline(result));
  await put('v2.json', JSON.stringify({ ...result, formatVersion: 2 }));

  if (options.cwru) {
    const normal = JSON.parse(await readFile(join(CWRU, 'normal-97-0hp-48k.json'), 'utf8'));
    const { result: cwru } = await buildBaselineFromSegments(
      [{ path: join(CWRU, 'normal-97-0hp-48k.wav') }],
      parseMachineProfile(normal.profile),
    );
    await writeFileAtomic(join(folder, 'cwru-b.json'), serializeBaseline(cwru));
  }
  return folder;
}

export function removeFolder(folder: string): Promise<void> {
  return rm(folder, { recursive: true, force: true });
}

/** A new temporary folder with the homes of a technician's and an expert's library in it. */
export async function reviewFolders(
  prefix: string,
): Promise<{ folder: string; technician: string; expert: string }> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  return { folder, technician: join(folder, 'technician'), expert: join(folder, 'expert') };
}

/** Makes an empty library (no demo) at `home`. */
export async function emptyLibrary(home: string): Promise<void> {
  await (await openLibrary(home, { demo: false })).close();
}
