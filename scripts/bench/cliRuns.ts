/**
 * The `auscult` command line in the benchmark: `auscult analyze` of the same recording, whole
 * process, started three ways: the build run directly by Node 24, `auscult` from PATH as the
 * README documents (bin/auscult.mjs on the user's own `node`), and `npx auscult`. Wall time is
 * measured around the spawn; `--help` shows the start-up cost alone.
 */
import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { median } from './report.ts';

export interface CliWay {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

export interface CliFigures {
  readonly name: string;
  readonly analyzeSeconds: number;
  readonly helpSeconds: number;
}

/** PATH as a user's shell has it: without the node_modules/.bin folders npm puts first. */
function userEnv(): NodeJS.ProcessEnv {
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  return { ...process.env, PATH: path };
}

export function cliWays(root: string): CliWay[] {
  const pinned = join(root, 'node_modules', 'node', 'bin', 'node');
  const user = userEnv();
  return [
    {
      name: 'node24 dist',
      command: pinned,
      args: [join(root, 'dist', 'cli', 'auscult.js')],
      env: user,
    },
    { name: 'auscult (PATH)', command: join(root, 'bin', 'auscult.mjs'), args: [], env: user },
    { name: 'npx auscult', command: 'npx', args: ['--no-install', 'auscult'], env: user },
  ];
}

function wallSeconds(way: CliWay, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(way.command, [...way.args, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: way.env,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`${way.name} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

/**
 * Medians over `rounds` runs of each way, `analyze wav` and `--help`; with `numpy` (the numpy
 * peer's command), that peer is timed in the same rounds, so the ratio sees the same load.
 */
export async function measureCli(
  ways: readonly CliWay[],
  wav: string,
  rounds: number,
  numpy?: CliWay,
): Promise<{ figures: CliFigures[]; numpyWallSeconds: number | null }> {
  const numpyRuns: number[] = [];
  const analyze = new Map<string, number[]>(ways.map((w) => [w.name, []]));
  const help = new Map<string, number[]>(ways.map((w) => [w.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const way of ways) {
      analyze.get(way.name)?.push(await wallSeconds(way, ['analyze', wav]));
      help.get(way.name)?.push(await wallSeconds(way, ['--help']));
    }
    if (numpy) numpyRuns.push(await wallSeconds(numpy, []));
    console.log(`  round ${round}/${rounds}  command line: ${ways.length} ways measured`);
  }
  const figures = ways.map((w) => ({
    name: w.name,
    analyzeSeconds: median(analyze.get(w.name) ?? []),
    helpSeconds: median(help.get(w.name) ?? []),
  }));
  return { figures, numpyWallSeconds: numpyRuns.length > 0 ? median(numpyRuns) : null };
}

/** One line per way: analyze and --help medians, analyze against the numpy peer's wall time. */
export function cliLines(
  figures: readonly CliFigures[],
  numpyWallSeconds: number | null,
): string[] {
  return figures.map((f) => {
    const ratio =
      numpyWallSeconds === null
        ? ''
        : `, ${(f.analyzeSeconds / numpyWallSeconds).toFixed(2)}× python-numpy's wall ` +
          `(target ≤ 0.50×: ${f.analyzeSeconds <= 0.5 * numpyWallSeconds ? 'met' : 'MISSED'})`;
    const help = `--help ${(f.helpSeconds * 1000).toFixed(0)} ms (target < 150 ms: ${f.helpSeconds < 0.15 ? 'met' : 'MISSED'})`;
    return `${f.name.padEnd(15)} analyze ${f.analyzeSeconds.toFixed(3)} s${ratio}; ${help}`;
  });
}
