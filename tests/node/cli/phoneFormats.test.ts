/**
 * The command line reads phone recordings as it reads WAV files (baseline, diagnose, analyze),
 * and refuses every malformed or hostile compressed file with one line on standard error,
 * leaving no decoded file behind in its temporary folder.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { FIXTURES, hostileFiles } from '../audio/decoders/hostileFiles.ts';
import { runCli } from '../../../node/cli/main.ts';
import { createCliFolder, expectOneLineError, removeFolder, root } from './cliFixture.ts';
import type { Run } from './cliFixture.ts';

let folder: string;
let tmp: string;
const MAIN = join(root, 'node', 'cli', 'run.ts');

/** The command line with its own temporary folder, to see what it leaves there. */
function run(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    const env = { ...process.env, TMPDIR: tmp };
    execFile(
      process.execPath,
      ['--no-warnings', MAIN, ...args],
      { cwd: folder, env, encoding: 'utf8' },
      (error, stdout, stderr) => {
        done({
          status: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the decoder left in the command's temporary folder (Node keeps its own cache there). */
async function decodedLeftovers(): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => name.startsWith('auscult-'));
}

beforeAll(async () => {
  folder = await createCliFolder();
  tmp = join(folder, 'tmp');
  await mkdir(tmp);
  await writeFile(join(folder, 'profile.json'), JSON.stringify(simLatheProfileJson));
});
afterAll(() => removeFolder(folder));

describe('phone recordings on the command line', () => {
  it.each(['amr', 'opus'])(
    'builds a baseline from .%s and finds the worn gear',
    async (extension) => {
      const baseline = await run(
        'baseline',
        '--profile',
        'profile.json',
        '--out',
        `b-${extension}.json`,
        join(FIXTURES, `healthy.${extension}`),
      );
      expect(baseline.status, baseline.stderr).toBe(0);
      const diagnosis = await run(
        'diagnose',
        '--baseline',
        `b-${extension}.json`,
        '--json',
        join(FIXTURES, `faulty.${extension}`),
      );
      expect(diagnosis.status, diagnosis.stderr).toBe(0);
      const report = JSON.parse(diagnosis.stdout);
      expect(report.causes[0].id).toBe('gear-wear');
      expect(await decodedLeftovers()).toEqual([]);
    },
  );

  it('analyzes an MP3 at its own rate', async () => {
    const analysis = await run('analyze', '--json', join(FIXTURES, 'faulty.mp3'));
    expect(analysis.status, analysis.stderr).toBe(0);
    expect(JSON.parse(analysis.stdout).sampleRateHz).toBe(44_100);
  });

  it('refuses AAC saying what works instead', async () => {
    expectOneLineError(
      await run('analyze', join(FIXTURES, 'faulty.m4a')),
      1,
      /AAC audio .*convert it to WAV or FLAC/,
    );
  });
});

describe('a malformed or hostile compressed file on the command line', () => {
  const cases = hostileFiles();
  let previousTmp: string | undefined;
  beforeAll(async () => {
    await mkdir(join(folder, 'hostile'));
    for (const [index, c] of cases.entries()) {
      await writeFile(join(folder, 'hostile', `${index}-${c.name}`), c.bytes);
    }
    // os.tmpdir() reads TMPDIR at each call: the decoder's temporary files go to `tmp`.
    previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
  });
  afterAll(() => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  });

  // In this process (runCli is what the command runs), so 46 files take seconds, not minutes.
  it.each(cases.map((c, index) => ({ ...c, fileName: `${index}-${c.name}` })))(
    'refuses in one line with exit status 1, leaving no temporary file: $what',
    async ({ fileName }) => {
      const file = join(folder, 'hostile', fileName);
      let stdout = '';
      let stderr = '';
      const status = await runCli(['analyze', file], {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
      });
      expectOneLineError(
        { status, stdout, stderr },
        1,
        new RegExp(`cannot use recording "${escape(file)}"`),
      );
      expect(await decodedLeftovers()).toEqual([]);
    },
  );
});
