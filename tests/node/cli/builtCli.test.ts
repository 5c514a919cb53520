/**
 * The built command line as a user starts it: bin/auscult.mjs, on the Node that runs the tests
 * (24) and on the machine's own Node from PATH, and the POSIX entry bin/auscult found on PATH
 * through a symlink, loading dist/cli (built here first). Its output is byte for byte what the
 * sources print.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auscult, createCliFolder, CWRU, removeFolder, root } from './cliFixture.ts';
import type { Run } from './cliFixture.ts';

const BIN = join(root, 'bin', 'auscult.mjs');
const INPUTS = join(root, 'dist', 'cli', 'inputs.json');
/** PATH as the user's shell has it: without the node_modules/.bin that npm puts first. */
const userPath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => !dir.includes('node_modules'))
  .join(delimiter);

let folder: string;

function bin(runtime: string, args: readonly string[], env = process.env): Promise<Run> {
  return new Promise((done) => {
    execFile(
      runtime,
      [BIN, ...args],
      { cwd: folder, encoding: 'utf8', env },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ status, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  execFileSync(process.execPath, ['--no-warnings', join(root, 'scripts', 'buildCli.ts')], {
    stdio: 'ignore',
  });
  folder = await createCliFolder();
}, 120_000);

afterAll(async () => {
  await removeFolder(folder);
});

const commands: Record<string, string[]> = {
  help: ['--help'],
  analyze: ['analyze', '--json', join(CWRU, 'inner-race-021-1hp-210.wav')],
  diagnose: ['diagnose', '--baseline', 'b.json', '--json', 'rec.wav'],
  baseline: ['baseline', '--profile', 'profile.json', '--out', 'built-b.json', 'healthy.wav'],
  'a missing file': ['analyze', 'nowhere.wav'],
  'log export of a folder without a library':
    'log export --home none --format csv --out l.csv'.split(' '),
  'log export as PDF of a folder without a library':
    'log export --home none --format pdf --out log.pdf'.split(' '),
  'report with a paper it does not know': ['report', '--baseline', 'b.json', '--paper', 'a3'],
  'bundle check of a file that is no bundle': ['bundle', 'check', 'b.json'],
  // A name that is also an Object.prototype property: a usage error like any unknown command.
  'an unknown command named constructor': ['constructor'],
};

describe('bin/auscult.mjs on the build', () => {
  it.each(Object.keys(commands))('prints what the sources print for %s', async (name) => {
    const args = commands[name];
    const fromSources = await auscult(folder, ...args);
    const baselineBySources =
      name === 'baseline' ? await readFile(join(folder, 'built-b.json'), 'utf8') : '';
    const built = await bin(process.execPath, args);
    expect(built).toEqual(fromSources);
    if (name.startsWith('an unknown')) expect(built.status).toBe(2);
    if (name === 'baseline') {
      expect(await readFile(join(folder, 'built-b.json'), 'utf8')).toBe(baselineBySources);
    }
  });

  it('gives the same results through the POSIX entry bin/auscult, symlinked into a PATH folder', async () => {
    const pathFolder = join(folder, 'path-bin');
    await mkdir(pathFolder);
    await symlink(join(root, 'bin', 'auscult'), join(pathFolder, 'auscult'));
    const env = { ...process.env, PATH: [pathFolder, userPath].join(delimiter) };
    for (const name of ['help', 'analyze', 'a missing file']) {
      const viaPath = await new Promise<Run>((done) => {
        // Found on PATH by the shell, as a user types it.
        execFile(
          'sh',
          ['-c', 'auscult "$@"', 'sh', ...commands[name]],
          { cwd: folder, env },
          (error, stdout, stderr) =>
            done({
              status: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
              stdout,
              stderr,
            }),
        );
      });
      expect(viaPath, name).toEqual(await auscult(folder, ...commands[name]));
    }
  });

  it("gives the same results on the machine's own Node from PATH", async () => {
    const version = execFileSync('node', ['--version'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: userPath },
    }).trim();
    const env = { ...process.env, PATH: userPath };
    for (const name of ['analyze', 'diagnose', 'log export of a folder without a library']) {
      const built = await bin('node', commands[name], env);
      expect(built, `node ${version}`).toEqual(await auscult(folder, ...commands[name]));
    }
  });

  it('runs the sources, and says so, when the build is older than them (not for --help)', async () => {
    const record = await readFile(INPUTS, 'utf8');
    try {
      const stale = { ...JSON.parse(record), builtAtMs: 0 };
      await writeFile(INPUTS, JSON.stringify(stale));
      const result = await bin(process.execPath, commands.diagnose);
      expect(result.stderr).toMatch(/^auscult: notice: .*older than the sources.*build:cli/);
      expect(result.stdout).toBe((await auscult(folder, ...commands.diagnose)).stdout);
      // Help is text: it comes from the build without the staleness check, and says nothing.
      const help = await bin(process.execPath, ['--help']);
      expect(help.stderr).toBe('');
      expect(help.stdout).toBe((await auscult(folder, '--help')).stdout);
    } finally {
      await writeFile(INPUTS, record);
    }
  });
});
