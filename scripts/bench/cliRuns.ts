/**
 * The `auscult` command line in the benchmark: `auscult analyze` of the same recording, whole
 * process, started four ways: the build run directly by Node 24, `auscult` from PATH as the
 * README documents (the POSIX entry bin/auscult), bin/auscult.mjs on the user's own `node` (as
 * `npm link` installs it), and `npx auscult`. Wall time is
 * measured around the spawn; `--help` shows the start-up cost alone. CPU time (user + system of
 * the command and every process it waited for) comes from the POSIX shell's `times`: other work
 * on the machine inflates it far less than wall time, so it shows what a change saved.
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
  /** CPU seconds (user + system) of `analyze`, or null where no POSIX shell measures them. */
  readonly analyzeCpuSeconds: number | null;
  readonly helpSeconds: number;
}

interface TimedRun {
  readonly wallSeconds: number;
  readonly cpuSeconds: number | null;
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
    // The README's way on Linux and macOS: the POSIX entry, one Node 24 start.
    { name: 'auscult (PATH)', command: join(root, 'bin', 'auscult'), args: [], env: user },
    // npm link's way (and Windows'): bin/auscult.mjs on the user's own `node`.
    { name: 'npm link', command: join(root, 'bin', 'auscult.mjs'), args: [], env: user },
    { name: 'npx auscult', command: 'npx', args: ['--no-install', 'auscult'], env: user },
  ];
}

/** Seconds in the last line `times` printed (children's "0m2.100s 0m0.310s"), summed. */
function childrenCpuSeconds(stderr: string): number | null {
  const lines = stderr.trim().split('\n');
  const match = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(lines[lines.length - 1] ?? '');
  if (!match) return null;
  const [, um, us, sm, ss] = match.map(Number);
  return um * 60 + us + sm * 60 + ss;
}

function timedRun(way: CliWay, args: readonly string[]): Promise<TimedRun> {
  const posix = process.platform !== 'win32';
  // `times` reports the shell's children: the command and all it waited for (bin's Node 24).
  const [command, commandArgs] = posix
    ? [
        'sh',
        ['-c', '"$@"; status=$?; times >&2; exit $status', 'sh', way.command, ...way.args, ...args],
      ]
    : [way.command, [...way.args, ...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: way.env,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      if (code === 0)
        resolve({ wallSeconds, cpuSeconds: posix ? childrenCpuSeconds(stderr) : null });
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
): Promise<{ figures: CliFigures[]; numpyWallSeconds: number | null; nodeStartSeconds: number }> {
  const numpyRuns: number[] = [];
  const nodeStarts: number[] = [];
  const bareNode: CliWay = { name: 'node', command: 'node', args: ['-e', '0'], env: userEnv() };
  const analyze = new Map<string, TimedRun[]>(ways.map((w) => [w.name, []]));
  const help = new Map<string, number[]>(ways.map((w) => [w.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const way of ways) {
      analyze.get(way.name)?.push(await timedRun(way, ['analyze', wav]));
      help.get(way.name)?.push((await timedRun(way, ['--help'])).wallSeconds);
    }
    if (numpy) numpyRuns.push((await timedRun(numpy, [])).wallSeconds);
    nodeStarts.push((await timedRun(bareNode, [])).wallSeconds);
    console.log(`  round ${round}/${rounds}  command line: ${ways.length} ways measured`);
  }
  const figures = ways.map((w) => {
    const runs = analyze.get(w.name) ?? [];
    const cpu = runs.map((r) => r.cpuSeconds);
    return {
      name: w.name,
      analyzeSeconds: median(runs.map((r) => r.wallSeconds)),
      analyzeCpuSeconds: cpu.every((c) => c !== null) ? median(cpu as number[]) : null,
      helpSeconds: median(help.get(w.name) ?? []),
    };
  });
  return {
    figures,
    numpyWallSeconds: numpyRuns.length > 0 ? median(numpyRuns) : null,
    nodeStartSeconds: median(nodeStarts),
  };
}

/**
 * The floor under `npm link`'s --help: the user's `node` starting and exiting with nothing
 * to do. NODE_EXTRA_CA_CERTS (set on some managed machines, this one included) makes Node 20
 * read and parse that certificate file at every start, before any script runs: ~40 ms here.
 */
export function nodeStartLine(nodeStartSeconds: number): string {
  const certificates = process.env.NODE_EXTRA_CA_CERTS
    ? '; NODE_EXTRA_CA_CERTS is set, which Node 20 loads at every start'
    : '';
  return (
    `node -e 0       ${(nodeStartSeconds * 1000).toFixed(0)} ms: the user's node starting ` +
    `with nothing to do, the floor under npm link's --help${certificates}`
  );
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
    const cpu = f.analyzeCpuSeconds === null ? '' : ` (CPU ${f.analyzeCpuSeconds.toFixed(2)} s)`;
    return `${f.name.padEnd(15)} analyze ${f.analyzeSeconds.toFixed(3)} s${cpu}${ratio}; ${help}`;
  });
}
